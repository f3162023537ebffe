using System.Collections.Concurrent;
using ServiceNowAlert.Alerting.Pipeline;

namespace ServiceNowAlert.Alerting.Tests.TestHelpers;

/// <summary>Keeps every log line the pipeline writes, flattened to text, for assertions.</summary>
internal sealed class RecordingLogSink : IAlertingLogSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Write(string level, string message, IReadOnlyList<KeyValuePair<string, string?>> fields) =>
        Lines.Enqueue($"{level} {message} {string.Join(" ", fields.Select(field => $"{field.Key}={field.Value}"))}");
}
