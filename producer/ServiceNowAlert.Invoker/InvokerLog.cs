using System.Globalization;
using ServiceNowAlert.Hosting;
using static ServiceNowAlert.Hosting.LambdaLogExtensions;

namespace ServiceNowAlert.Invoker;

/// <summary>
/// Every log line the invoker writes, in one place, with the field names the alerting side uses for the same things.
/// Only ids, ARNs and reasons are logged: never credentials or alert bodies.
/// </summary>
internal sealed class InvokerLog(ILambdaLog? sink)
{
    public void Note(string triggerKind, string note) =>
        sink?.Info("normalise trigger: noted", Field("trigger", triggerKind), Field("note", note));

    public void Retrying(string alertId, RetryAttempt retry) =>
        sink?.Warn("invoke alert: attempt failed, retrying", Field("alertId", alertId), Field("attempt", retry.Attempt), Field("delayMs", retry.Delay.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)), Field("reason", retry.Failure.Message));
}
