using System.Text;
using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// The members of an alarm's <c>reasonData</c> (a JSON document inside a JSON string) that an alert shows: a repeated
/// member counts its last value, numbers keep their text, and a document that is not valid JSON is refused as a whole.
/// </summary>
internal readonly record struct ReasonData(string? Threshold, string? Statistic, string? RecentDatapoints, string? StartDate)
{
    public static bool TryRead(string text, out ReasonData read)
    {
        try
        {
            // Through UTF-8 with replacement, as the text's own bytes would read; a lone surrogate must not throw here.
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(text));
            var root = document.RootElement;
            read = new ReasonData(Json.Str(root, "threshold"u8), Json.Str(root, "statistic"u8), Datapoints(root), Json.Str(root, "startDate"u8));
            return true;
        }
        catch (JsonException)
        {
            read = default;
            return false;
        }
    }

    // The entries of an array, each as its JSON text, joined by ", "; null when the value is not an array.
    private static string? Datapoints(JsonElement root) =>
        Json.At(root, "recentDatapoints"u8) is { ValueKind: JsonValueKind.Array } points
            ? string.Join(", ", points.EnumerateArray().Select(point => point.GetRawText()))
            : null;
}
