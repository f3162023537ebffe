using System.Globalization;

namespace ServiceNowAlert.Alerting.Pipeline;

/// <summary>
/// Every log line the pipeline writes, in one place. Only ids, codes and counts are logged: never addresses' passwords,
/// message bodies or credentials.
/// </summary>
internal sealed class AlertingLog(IAlertingLogSink? sink)
{
    public void Rejected(string alertId, int problems, string firstProblem) =>
        Write("WARN", "reject alert: invalid or undeliverable", ("alertId", alertId), ("problems", problems.ToString(CultureInfo.InvariantCulture)), ("firstProblem", firstProblem));

    public void Duplicate(string alertId, string? messageId) =>
        Write("INFO", "skip alert: already sent", ("alertId", alertId), ("messageId", messageId));

    public void Suppressed(string alertId, string correlationKey) =>
        Write("INFO", "skip alert: identical alert sent within the repeat interval", ("alertId", alertId), ("correlationKey", correlationKey));

    public void Retrying(string alertId, int attempt, TimeSpan delay, string reason) =>
        Write("WARN", "send alert: transient failure, retrying", ("alertId", alertId), ("attempt", attempt.ToString(CultureInfo.InvariantCulture)), ("delayMs", delay.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)), ("reason", reason));

    public void Sent(string alertId, string messageId, string route, int accepted, int refused, TimeSpan took) =>
        Write("INFO", "send alert: accepted by the relay", ("alertId", alertId), ("messageId", messageId), ("route", route), ("accepted", accepted.ToString(CultureInfo.InvariantCulture)), ("refused", refused.ToString(CultureInfo.InvariantCulture)), ("smtpMs", took.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)));

    public void GaveUp(string alertId, string reason) =>
        Write("ERROR", "send alert: failed for now; the invocation fails so the event is kept", ("alertId", alertId), ("reason", reason));

    public void StoreUnavailable(string alertId, string consequence, string reason) =>
        Write("WARN", "idempotency store unavailable: " + consequence, ("alertId", alertId), ("reason", reason));

    private void Write(string level, string message, params (string Name, string? Value)[] fields) =>
        sink?.Write(level, message, [.. fields.Select(field => new KeyValuePair<string, string?>(field.Name, field.Value))]);
}
