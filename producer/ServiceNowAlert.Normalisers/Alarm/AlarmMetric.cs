using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>One entry of an alarm's <c>configuration.metrics</c>: a metric, or an expression over metrics.</summary>
/// <param name="Dimensions">Every dimension in order (a string value, or null for any other value); null when there is no dimensions object.</param>
internal sealed record AlarmMetric(
    string? Expression, string? Label, string? Stat, string? Period, string? Namespace, string? Name, List<KeyValuePair<string, string?>>? Dimensions)
{
    public static AlarmMetric From(JsonElement metric)
    {
        var metricStat = Json.At(metric, "metricStat"u8) ?? default;
        var described = Json.At(metricStat, "metric"u8) ?? default;
        return new AlarmMetric(
            Json.Str(metric, "expression"u8), Json.Str(metric, "label"u8), Json.Str(metricStat, "stat"u8), Json.Str(metricStat, "period"u8),
            Json.Str(described, "namespace"u8), Json.Str(described, "name"u8), DimensionsOf(described));
    }

    private static List<KeyValuePair<string, string?>>? DimensionsOf(JsonElement described) =>
        Json.At(described, "dimensions"u8) is { ValueKind: JsonValueKind.Object } dimensions
            ? [.. dimensions.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, Json.SafeString(property.Value)))]
            : null;
}
