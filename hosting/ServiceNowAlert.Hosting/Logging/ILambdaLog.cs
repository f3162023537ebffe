namespace ServiceNowAlert.Hosting;

/// <summary>Structured log lines, one JSON object per line on standard output.</summary>
public interface ILambdaLog
{
    bool IsEnabled(LambdaLogLevel level);

    void Write(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null);
}
