using System.Globalization;
using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>Tolerant reads from trigger JSON: a missing or mistyped member is null, never an exception.</summary>
internal static class Json
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

    /// <summary>One member by its UTF-8 name (no transcoding of the name, for the hot paths).</summary>
    public static string? Str(JsonElement element, ReadOnlySpan<byte> name)
    {
        var found = At(element, name);
        return found?.ValueKind switch
        {
            JsonValueKind.String => SafeString(found.Value),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => found.Value.GetRawText(),
            _ => null,
        };
    }

    public static JsonElement? At(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var found) ? found : null;

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

        if (IsoTimestamp.TryParse(text, out var exact))
        {
            return exact;
        }

        var normalised = WithColonInOffset(text);
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

    // "+0000" → "+00:00" at the end (before one final LF, as a regex's $ allows), which DateTimeOffset needs.
    internal static string WithColonInOffset(string text)
    {
        var end = text.EndsWith('\n') ? text.Length - 1 : text.Length;
        if (end < 5 || text[end - 5] is not ('+' or '-') || !char.IsDigit(text[end - 4]) || !char.IsDigit(text[end - 3]) ||
            !char.IsDigit(text[end - 2]) || !char.IsDigit(text[end - 1]))
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, end - 2), ":", text.AsSpan(end - 2));
    }
}
