using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceNowAlert.Cli;

/// <summary>Re-indents UTF-8 JSON for people, keeping non-ASCII text readable.</summary>
internal static class PrettyJson
{
    public static string Format(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
