using System.Globalization;
using ServiceNowAlert.Hosting;
using static ServiceNowAlert.Hosting.LambdaLogExtensions;

namespace ServiceNowAlert.Alerting.Pipeline;

/// <summary>
/// Every log line the pipeline writes, in one place. Only ids, codes and counts are logged: never addresses' passwords,
/// message bodies or credentials.
/// </summary>
internal sealed class AlertingLog(ILambdaLog? sink)
{
    public void Rejected(string alertId, int problems, string firstProblem) =>
        sink?.Warn("reject alert: invalid or undeliverable", Field("alertId", alertId), Field("problems", problems), Field("firstProblem", firstProblem));

    public void Duplicate(string alertId, string? messageId) =>
        sink?.Info("skip alert: already sent", Field("alertId", alertId), Field("messageId", messageId));

    public void Suppressed(string alertId, string correlationKey) =>
        sink?.Info("skip alert: identical alert sent within the repeat interval", Field("alertId", alertId), Field("correlationKey", correlationKey));

    public void Retrying(string alertId, RetryAttempt retry) =>
        sink?.Warn("send alert: transient failure, retrying", Field("alertId", alertId), Field("attempt", retry.Attempt), Field("delayMs", retry.Delay.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)), Field("reason", retry.Failure.Message));

    public void Sent(string alertId, string? sourceAccount, string messageId, string route, int accepted, int refused, TimeSpan took) =>
        sink?.Info("send alert: accepted by the relay", Field("alertId", alertId), Field("sourceAccount", sourceAccount), Field("messageId", messageId), Field("route", route), Field("accepted", accepted), Field("refused", refused), Field("smtpMs", took.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)));

    public void GaveUp(string alertId, string reason) =>
        sink?.Error("send alert: failed for now; the invocation fails so the event is kept", null, Field("alertId", alertId), Field("reason", reason));

    public void StoreUnavailable(string alertId, string consequence, string reason) =>
        sink?.Warn("idempotency store unavailable: " + consequence, Field("alertId", alertId), Field("reason", reason));
}
