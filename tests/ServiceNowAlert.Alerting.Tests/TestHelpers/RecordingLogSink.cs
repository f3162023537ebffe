using System.Collections.Concurrent;
using ServiceNowAlert.Hosting;

namespace ServiceNowAlert.Alerting.Tests.TestHelpers;

/// <summary>Keeps every log line the pipeline writes, flattened to text, for assertions.</summary>
internal sealed class RecordingLogSink : ILambdaLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public bool IsEnabled(LambdaLogLevel level) => true;

    public void Write(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null) =>
        Lines.Enqueue($"{level.ToString().ToUpperInvariant()} {message} {string.Join(" ", (fields ?? []).Select(field => $"{field.Key}={field.Value}"))}");
}
