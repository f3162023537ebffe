using System.Text;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Emitter;

/// <summary>
/// Puts alerts on an EventBridge bus as <c>detail-type: ServiceNow Alert</c> events, which the invoker's rule picks up.
/// Every alert is checked against the contract first and nothing is put if any is invalid. Calls carry at most 10
/// entries; entries EventBridge failed (throttling, internal errors) are retried on their own, with backoff.
/// </summary>
public sealed class AlertEmitter(IEventPublisher publisher, string eventBusName, string source, TimeProvider time, int maxAttempts = 4)
{
    public const string DetailType = "ServiceNow Alert";
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    public async Task<IReadOnlyList<EmitOutcome>> EmitAsync(IReadOnlyList<AlertRequest> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var invalid = alerts.Select(alert => (Alert: alert, Problems: AlertValidator.Validate(alert))).Where(check => check.Problems.Count > 0).ToList();
        if (invalid.Count > 0)
        {
            return [.. alerts.Select(alert => invalid.FirstOrDefault(check => ReferenceEquals(check.Alert, alert)) is { Alert: not null } bad
                ? new EmitOutcome(alert.AlertId, null, "the alert breaks the contract; nothing was put", bad.Problems)
                : new EmitOutcome(alert.AlertId, null, "another alert in the batch breaks the contract; nothing was put", []))];
        }

        var outcomes = new EmitOutcome?[alerts.Count];
        var pending = Enumerable.Range(0, alerts.Count).ToList();
        for (var attempt = 1; pending.Count > 0 && attempt <= maxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(FirstDelay * Math.Pow(2, attempt - 2), time, cancellationToken);
            }

            var retry = new List<int>();
            foreach (var batch in pending.Chunk(EventBridgePublisher.MaxEntriesPerCall))
            {
                var entries = batch.Select(index => new EventEntry(source, DetailType, Encoding.UTF8.GetString(AlertJson.Serialize(alerts[index])), eventBusName, alerts[index].Resources.Take(10).ToList())).ToList();
                var results = await publisher.PutEventsAsync(entries, cancellationToken);
                for (var i = 0; i < batch.Length; i++)
                {
                    var result = results[i];
                    outcomes[batch[i]] = new EmitOutcome(alerts[batch[i]].AlertId, result.EventId, result.Succeeded ? null : $"{result.ErrorCode}: {result.ErrorMessage}", []);
                    if (!result.Succeeded && IsRetryable(result.ErrorCode))
                    {
                        retry.Add(batch[i]);
                    }
                }
            }

            pending = retry;
        }

        return [.. outcomes.Select(outcome => outcome!)];
    }

    private static bool IsRetryable(string? errorCode) =>
        errorCode is "ThrottlingException" or "InternalException" or "InternalFailure" or "ServiceUnavailable";
}
