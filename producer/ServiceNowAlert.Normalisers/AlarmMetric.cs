using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>One entry of an alarm's <c>configuration.metrics</c>: a metric, or an expression over metrics.</summary>
internal sealed class AlarmMetric
{
    public string? Expression { get; set; }

    public string? Label { get; set; }

    public string? Stat { get; set; }

    public string? Period { get; set; }

    public string? Namespace { get; set; }

    public string? Name { get; set; }

    /// <summary>Every dimension in order (a string value, or null for any other value); null when there is no dimensions object.</summary>
    public List<KeyValuePair<string, string?>>? Dimensions { get; set; }

    public static AlarmMetric From(JsonElement metric)
    {
        var metricStat = Json.At(metric, "metricStat"u8) ?? default;
        var described = Json.At(metricStat, "metric"u8) ?? default;
        return new AlarmMetric
        {
            Expression = Json.Str(metric, "expression"u8),
            Label = Json.Str(metric, "label"u8),
            Stat = Json.Str(metricStat, "stat"u8),
            Period = Json.Str(metricStat, "period"u8),
            Namespace = Json.Str(described, "namespace"u8),
            Name = Json.Str(described, "name"u8),
            Dimensions = Json.At(described, "dimensions"u8) is { ValueKind: JsonValueKind.Object } dimensions
                ? [.. dimensions.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, Json.SafeString(property.Value)))]
                : null,
        };
    }

    /// <summary>At the metrics value: every entry, or null when it is not an array.</summary>
    public static List<AlarmMetric>? ReadAll(ref JsonCursor reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var metrics = new List<AlarmMetric>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var metric = new AlarmMetric();
            metric.Read(ref reader);
            metrics.Add(metric);
        }

        return metrics;
    }

    private static readonly byte[][] MetricMembers = JsonMembers.Names("expression", "label", "metricStat");

    private static readonly byte[][] MetricStatMembers = JsonMembers.Names("stat", "period", "metric");

    private static readonly byte[][] DescribedMembers = JsonMembers.Names("namespace", "name", "dimensions");

    private void Read(ref JsonCursor reader)
    {
        if (!JsonMembers.Enter(ref reader))
        {
            return;
        }

        while (JsonMembers.Next(ref reader, MetricMembers, out var member))
        {
            switch (member)
            {
                case 0: Expression = JsonScalar.Read(ref reader); break;
                case 1: Label = JsonScalar.Read(ref reader); break;
                default: ReadMetricStat(ref reader); break;
            }
        }
    }

    // A later "metricStat" or "metric" replaces an earlier one entirely, as in a document lookup.
    private void ReadMetricStat(ref JsonCursor reader)
    {
        (Stat, Period) = (null, null);
        ClearDescribed();
        if (!JsonMembers.Enter(ref reader))
        {
            return;
        }

        while (JsonMembers.Next(ref reader, MetricStatMembers, out var member))
        {
            switch (member)
            {
                case 0: Stat = JsonScalar.Read(ref reader); break;
                case 1: Period = JsonScalar.Read(ref reader); break;
                default: ReadDescribed(ref reader); break;
            }
        }
    }

    private void ReadDescribed(ref JsonCursor reader)
    {
        ClearDescribed();
        if (!JsonMembers.Enter(ref reader))
        {
            return;
        }

        while (JsonMembers.Next(ref reader, DescribedMembers, out var member))
        {
            switch (member)
            {
                case 0: Namespace = JsonScalar.Read(ref reader); break;
                case 1: Name = JsonScalar.Read(ref reader); break;
                default: Dimensions = ReadDimensions(ref reader); break;
            }
        }
    }

    private void ClearDescribed() => (Namespace, Name, Dimensions) = (null, null, null);

    private static List<KeyValuePair<string, string?>>? ReadDimensions(ref JsonCursor reader)
    {
        if (!JsonMembers.Enter(ref reader))
        {
            return null;
        }

        var dimensions = new List<KeyValuePair<string, string?>>(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            dimensions.Add(KeyValuePair.Create(name, JsonScalar.String(ref reader)));
        }

        return dimensions;
    }
}
