namespace ServiceNowAlert.Hosting;

/// <summary>Shorthands for <see cref="ILambdaLog.Write"/>.</summary>
public static class LambdaLogExtensions
{
    public static void Debug(this ILambdaLog log, string message, params KeyValuePair<string, string?>[] fields) =>
        log.Write(LambdaLogLevel.Debug, message, fields);

    public static void Info(this ILambdaLog log, string message, params KeyValuePair<string, string?>[] fields) =>
        log.Write(LambdaLogLevel.Info, message, fields);

    public static void Warn(this ILambdaLog log, string message, params KeyValuePair<string, string?>[] fields) =>
        log.Write(LambdaLogLevel.Warn, message, fields);

    public static void Error(this ILambdaLog log, string message, Exception? exception, params KeyValuePair<string, string?>[] fields) =>
        log.Write(LambdaLogLevel.Error, message, fields, exception);

    /// <summary>A log field; the name is what CloudWatch Logs Insights queries by.</summary>
    public static KeyValuePair<string, string?> Field(string name, object? value) =>
        new(name, value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        });
}
