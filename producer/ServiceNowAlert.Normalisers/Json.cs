using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.Normalisers;

/// <summary>Tolerant reads from trigger JSON: a missing or mistyped member is null, never an exception.</summary>
internal static partial class Json
{
    public static string? Str(JsonElement element, params string[] path)
    {
        var found = At(element, path);
        return found?.ValueKind switch
        {
            JsonValueKind.String => SafeString(found.Value),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => found.Value.GetRawText(),
            _ => null,
        };
    }

    public static JsonElement? At(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static IEnumerable<JsonProperty> Properties(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Object } value ? value.EnumerateObject() : [];

    /// <summary>Parses AWS timestamps, including CloudWatch's "+0000" offsets; null when it is not one.</summary>
    public static DateTimeOffset? Time(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var normalised = CompactOffset().Replace(text, "$1:$2");
        return DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;
    }

    public static string? SafeString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();
}
