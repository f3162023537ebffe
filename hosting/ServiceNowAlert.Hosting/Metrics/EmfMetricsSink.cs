using System.Text;
using System.Text.Json;

namespace ServiceNowAlert.Hosting;

/// <summary>
/// Writes metrics as CloudWatch Embedded Metric Format: a JSON log line that CloudWatch turns into metrics without an
/// API call (which the function's network could not make anyway). Namespace ServiceNowAlert, dimension FunctionName,
/// and per invocation one more set [FunctionName, name] when the function sets a dimension (the alerting function's
/// SourceAccount), so the totals stay where they were and the per-account figures sit beside them.
/// </summary>
public sealed class EmfMetricsSink : IMetricsSink
{
    public const string Namespace = "ServiceNowAlert";

    private readonly TextWriter _output;
    private readonly TimeProvider _timeProvider;
    private readonly string _functionName;
    private readonly List<(string Name, double Value, MetricUnit Unit)> _pending = [];
    private readonly Lock _gate = new();
    private (string Name, string Value)? _dimension;

    public EmfMetricsSink(TextWriter output, TimeProvider timeProvider, string functionName)
    {
        _output = output;
        _timeProvider = timeProvider;
        _functionName = functionName;
    }

    public void Add(string name, double value, MetricUnit unit)
    {
        lock (_gate)
        {
            _pending.Add((name, value, unit));
        }
    }

    public void SetDimension(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _dimension = (name, value);
        }
    }

    public void Flush()
    {
        (string Name, double Value, MetricUnit Unit)[] metrics;
        (string Name, string Value)? dimension;
        lock (_gate)
        {
            metrics = [.. _pending];
            _pending.Clear();
            dimension = _dimension;
            _dimension = null;
        }

        if (metrics.Length == 0)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", Namespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            writer.WriteStringValue("FunctionName");
            writer.WriteEndArray();
            if (dimension is { } extra)
            {
                writer.WriteStartArray();
                writer.WriteStringValue("FunctionName");
                writer.WriteStringValue(extra.Name);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (var group in metrics.GroupBy(metric => metric.Name))
            {
                writer.WriteStartObject();
                writer.WriteString("Name", group.Key);
                writer.WriteString("Unit", group.First().Unit.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteString("FunctionName", _functionName);
            if (dimension is { } value)
            {
                writer.WriteString(value.Name, value.Value);
            }
            foreach (var group in metrics.GroupBy(metric => metric.Name))
            {
                // EMF takes an array of values for a metric recorded more than once in one line.
                if (group.Count() == 1)
                {
                    writer.WriteNumber(group.Key, group.First().Value);
                }
                else
                {
                    writer.WriteStartArray(group.Key);
                    foreach (var metric in group)
                    {
                        writer.WriteNumberValue(metric.Value);
                    }

                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
        }

        lock (_gate)
        {
            _output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            _output.Flush();
        }
    }
}
