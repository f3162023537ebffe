using System.Buffers;
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
        var metricName = MetricName(request.Details);
        var resolved = request.Status == AlertStatus.Resolved;
        var fields = new List<KeyValuePair<string, string>>(18);
        Add(fields, "source", request.Source);
        Add(fields, "node", request.ConfigurationItem ?? request.Account ?? request.Source);
        Add(fields, "type", request.Details.GetValueOrDefault("type") ?? (metricName is null ? request.Source : "metric"));
        Add(fields, "resource", request.Resources.Count > 0 ? request.Resources[0] : request.ConfigurationItem ?? string.Empty);
        if (metricName is not null)
        {
            Add(fields, "metric_name", metricName);
        }

        Add(fields, "severity", SeverityDigits[ServiceNowSeverity.From(request.Severity, request.Status)]);
        Add(fields, "message_key", request.CorrelationKey);
        Add(fields, "resolution_state", resolved ? "Closing" : "New");
        Add(fields, "description", request.Description is null ? request.Title : string.Concat(request.Title, " - ", FirstLine(request.Description)));
        Add(fields, "additional_info", AdditionalInfo(request, occurredAt));
        Add(fields, "alert_id", request.AlertId);
        Add(fields, "status", resolved ? "resolved" : "firing");
        Add(fields, "occurred_at", occurredAt + " UTC");
        AddIfPresent(fields, "application", request.Application);
        AddIfPresent(fields, "environment", request.Environment);
        AddIfPresent(fields, "account", request.Account);
        AddIfPresent(fields, "region", request.Region);
        AddIfPresent(fields, "producer_account", request.Producer?.Account);
        AddIfPresent(fields, "producer_name", request.Producer?.Name);
        return fields;
    }

    private static readonly string[] SeverityDigits = ["0", "1", "2", "3", "4", "5"];

    private static string? MetricName(OrderedDictionary<string, string> details)
    {
        foreach (var key in MetricNameKeys)
        {
            if (details.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string name, string value) => fields.Add(new(name, Fit(name, value)));

    private static void AddIfPresent(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Add(fields, name, value);
        }
    }

    private static string Fit(string name, string value) =>
        TextLimits.TruncateOctets(TextLimits.OneLine(value), TextLimits.MaxLineOctets - name.Length - 1);

    private static ReadOnlySpan<char> FirstLine(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny('\r', '\n');
        return end < 0 ? line : line[..end];
    }

    private static readonly string[] FixedNames = ["alert_id", "correlation_key", "status", "severity", "occurred_at", "application", "environment", "account", "region", "producer_account", "producer_name"];

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_json;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// A JSON object whose values are all strings, cut at whole entries so it stays valid JSON on one line. Written
    /// into a per-thread buffer: only the final string is allocated.
    /// </summary>
    private static string AdditionalInfo(AlertRequest request, string occurredAt)
    {
        var budget = TextLimits.MaxLineOctets - "additional_info:".Length;
        var buffer = t_json ??= new ArrayBufferWriter<byte>(2048);
        var total = Entries(request) + request.Details.Count;
        for (var kept = total; kept >= 0; kept--)
        {
            buffer.ResetWrittenCount();
            var writer = t_writer ??= new Utf8JsonWriter(buffer, Relaxed);
            writer.Reset(buffer);
            Write(writer, request, occurredAt, kept, truncated: kept < total);
            if (buffer.WrittenCount <= budget || kept == 0)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static int Entries(AlertRequest request) =>
        5 + (request.Application is null ? 0 : 1) + (request.Environment is null ? 0 : 1) + (request.Account is null ? 0 : 1) + (request.Region is null ? 0 : 1) +
        (request.Producer is null ? 0 : 1) + (request.Producer?.Name is null ? 0 : 1);

    // The fixed entries first, then the details; a detail that reuses a fixed name is prefixed so names stay unique.
    private static void Write(Utf8JsonWriter writer, AlertRequest request, string occurredAt, int kept, bool truncated)
    {
        writer.WriteStartObject();
        var written = 0;
        void Entry(string name, string? value)
        {
            if (value is not null && written < kept)
            {
                writer.WriteString(name, value);
                written++;
            }
        }

        Entry("alert_id", request.AlertId);
        Entry("correlation_key", request.CorrelationKey);
        Entry("status", request.Status.ToString().ToLowerInvariant());
        Entry("severity", request.Severity.ToString().ToLowerInvariant());
        Entry("occurred_at", occurredAt);
        Entry("application", request.Application);
        Entry("environment", request.Environment);
        Entry("account", request.Account);
        Entry("region", request.Region);
        Entry("producer_account", request.Producer?.Account);
        Entry("producer_name", request.Producer?.Name);
        foreach (var (name, value) in request.Details)
        {
            if (written >= kept)
            {
                break;
            }

            if (Array.IndexOf(FixedNames, name) >= 0 && IsPresent(request, name))
            {
                writer.WritePropertyName("detail_" + name);
                writer.WriteStringValue(value);
            }
            else
            {
                writer.WriteString(name, value);
            }

            written++;
        }

        if (truncated)
        {
            writer.WriteString("truncated", "true");
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static bool IsPresent(AlertRequest request, string fixedName) => fixedName switch
    {
        "application" => request.Application is not null,
        "environment" => request.Environment is not null,
        "account" => request.Account is not null,
        "region" => request.Region is not null,
        "producer_account" => request.Producer is not null,
        "producer_name" => request.Producer?.Name is not null,
        _ => true,
    };
}
