using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Hosting;

namespace ServiceNowAlert.Alerting.Function;

/// <summary>Sends the pipeline's log lines to the Lambda JSON log.</summary>
internal sealed class LambdaLogSink(ILambdaLog log) : IAlertingLogSink
{
    public void Write(string level, string message, IReadOnlyList<KeyValuePair<string, string?>> fields) =>
        log.Write(JsonLambdaLog.ParseLevel(level), message, fields);
}
