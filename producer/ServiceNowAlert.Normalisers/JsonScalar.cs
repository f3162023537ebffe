using System.Text;
using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>Reads values from a <see cref="JsonCursor"/> the way <see cref="Json.Str(JsonElement, ReadOnlySpan{byte})"/> reads them from a document.</summary>
internal static class JsonScalar
{
    /// <summary>
    /// At a value: a string's text (null when it holds an unpaired surrogate escape), a number's or boolean's JSON
    /// text, null for anything else. Leaves the reader on the value's last token.
    /// </summary>
    public static string? Read(ref JsonCursor reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return String(ref reader);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// At a value: true when <see cref="Read"/> would give exactly <paramref name="expected"/> (which no number or boolean
    /// text equals), compared on the bytes, so no string is made. Leaves the reader on the value's last token.
    /// </summary>
    public static bool Is(ref JsonCursor reader, ReadOnlySpan<byte> expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return false;
        }

        return reader.ValueTextEquals(expected);
    }

    /// <summary>At a value: a string's text, null for anything else (what <see cref="Json.SafeString"/> gives).</summary>
    public static string? String(ref JsonCursor reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
