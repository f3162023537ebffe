using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// The <c>name:value</c> lines at the top of the text part. ServiceNow's inbound email actions turn each into
/// <c>email.body.&lt;name&gt;</c>, and the Event Management email connector reads source, node, type, resource,
/// metric_name, severity, message_key, resolution_state, description and additional_info from them. Names are unique,
/// values are one line, and no line is longer than 998 octets.
/// </summary>
public static class ServiceNowFields
{
    private static readonly string[] MetricNameKeys = ["metric_name", "metricName", "metric"];
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<KeyValuePair<string, string>> Build(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var occurredAt = request.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var metricName = MetricNameKeys.Select(key => request.Details.GetValueOrDefault(key)).FirstOrDefault(value => !string.IsNullOrEmpty(value));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("source", request.Source),
            new("node", request.ConfigurationItem ?? request.Account ?? request.Source),
            new("type", request.Details.GetValueOrDefault("type") ?? (metricName is null ? request.Source : "metric")),
            new("resource", request.Resources.Count > 0 ? request.Resources[0] : request.ConfigurationItem ?? string.Empty),
        };
        if (metricName is not null)
        {
            fields.Add(new("metric_name", metricName));
        }

        fields.Add(new("severity", ServiceNowSeverity.From(request.Severity, request.Status).ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("message_key", request.CorrelationKey));
        fields.Add(new("resolution_state", request.Status == AlertStatus.Resolved ? "Closing" : "New"));
        fields.Add(new("description", request.Description is null ? request.Title : $"{request.Title} - {FirstLine(request.Description)}"));
        fields.Add(new("additional_info", AdditionalInfo(request, occurredAt)));
        fields.Add(new("alert_id", request.AlertId));
        fields.Add(new("status", request.Status == AlertStatus.Resolved ? "resolved" : "firing"));
        fields.Add(new("occurred_at", occurredAt + " UTC"));
        AddIfPresent(fields, "application", request.Application);
        AddIfPresent(fields, "environment", request.Environment);
        AddIfPresent(fields, "account", request.Account);
        AddIfPresent(fields, "region", request.Region);
        return [.. fields.Select(field => new KeyValuePair<string, string>(field.Key, Fit(field.Key, field.Value)))];
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields.Add(new(name, value));
        }
    }

    private static string Fit(string name, string value) =>
        TextLimits.TruncateOctets(TextLimits.OneLine(value), TextLimits.MaxLineOctets - name.Length - 1);

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).ToString();
    }

    /// <summary>A JSON object whose values are all strings, cut at whole entries so it stays valid JSON on one line.</summary>
    private static string AdditionalInfo(AlertRequest request, string occurredAt)
    {
        var entries = new List<KeyValuePair<string, string>>
        {
            new("alert_id", request.AlertId),
            new("correlation_key", request.CorrelationKey),
            new("status", request.Status.ToString().ToLowerInvariant()),
            new("severity", request.Severity.ToString().ToLowerInvariant()),
            new("occurred_at", occurredAt),
        };
        foreach (var (name, value) in new[] { ("application", request.Application), ("environment", request.Environment), ("account", request.Account), ("region", request.Region) })
        {
            if (value is not null)
            {
                entries.Add(new(name, value));
            }
        }

        // Details come after the fixed entries; one that reuses a fixed name is prefixed so the object has unique names.
        var names = entries.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        entries.AddRange(request.Details.Select(detail => new KeyValuePair<string, string>(names.Contains(detail.Key) ? "detail_" + detail.Key : detail.Key, detail.Value)));
        var budget = TextLimits.MaxLineOctets - "additional_info:".Length;
        var json = Write(entries, truncated: false);
        for (var kept = entries.Count - 1; Encoding.UTF8.GetByteCount(json) > budget && kept >= 0; kept--)
        {
            json = Write(entries.Take(kept).ToList(), truncated: true);
        }

        return json;
    }

    private static string Write(List<KeyValuePair<string, string>> entries, bool truncated)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entries)
            {
                writer.WriteString(name, value);
            }

            if (truncated)
            {
                writer.WriteString("truncated", "true");
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
