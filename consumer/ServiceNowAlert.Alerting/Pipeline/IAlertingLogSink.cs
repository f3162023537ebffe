namespace ServiceNowAlert.Alerting.Pipeline;

/// <summary>Where the pipeline's log lines go; the function adapts it to the Lambda JSON log.</summary>
public interface IAlertingLogSink
{
    void Write(string level, string message, IReadOnlyList<KeyValuePair<string, string?>> fields);
}
