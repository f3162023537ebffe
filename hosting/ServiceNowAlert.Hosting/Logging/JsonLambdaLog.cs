using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceNowAlert.Hosting;

/// <summary>
/// Writes log lines in the shape of Lambda's JSON log format: <c>timestamp</c>, <c>level</c>, <c>requestId</c>,
/// <c>message</c>, then the fields at top level so Logs Insights can filter on them. Field values whose names look
/// secret are redacted here, at the source, whatever the caller passes.
/// </summary>
public sealed class JsonLambdaLog : ILambdaLog
{
    private static readonly string[] SecretNameParts = ["password", "secret", "token", "authorization", "credential", "apikey", "api_key"];
    private static readonly string[] Reserved = ["timestamp", "level", "requestId", "message", "errorType", "errorMessage", "stackTrace"];
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _output;
    private readonly TimeProvider _timeProvider;
    private readonly LambdaLogLevel _minimum;
    private readonly Lock _gate = new();

    public JsonLambdaLog(TextWriter output, TimeProvider timeProvider, LambdaLogLevel minimum)
    {
        _output = output;
        _timeProvider = timeProvider;
        _minimum = minimum;
    }

    /// <summary>The request in progress; set by the invocation loop so every line names it.</summary>
    public string? RequestId { get; set; }

    public static LambdaLogLevel ParseLevel(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LambdaLogLevel.Trace,
        "DEBUG" => LambdaLogLevel.Debug,
        "WARN" or "WARNING" => LambdaLogLevel.Warn,
        "ERROR" => LambdaLogLevel.Error,
        "FATAL" => LambdaLogLevel.Fatal,
        _ => LambdaLogLevel.Info,
    };

    public static bool IsSecretName(string name) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    public bool IsEnabled(LambdaLogLevel level) => level >= _minimum;

    public void Write(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("level", level.ToString().ToUpperInvariant());
            if (RequestId is not null)
            {
                writer.WriteString("requestId", RequestId);
            }

            writer.WriteString("message", message);
            foreach (var (name, value) in fields ?? [])
            {
                var key = Reserved.Contains(name, StringComparer.Ordinal) ? "field." + name : name;
                writer.WriteString(key, IsSecretName(name) && value is not null ? "***" : value);
            }

            if (exception is not null)
            {
                writer.WriteString("errorType", exception.GetType().Name);
                writer.WriteString("errorMessage", exception.Message);
                writer.WriteString("stackTrace", exception.StackTrace);
            }

            writer.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
