using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Idempotency;

/// <summary>
/// The keys an alert is remembered by, scoped by its producer account: two accounts that send the same alertId or
/// correlationKey (an alarm deployed to both by one StackSet) are two alerts, not a duplicate of each other. An alert
/// without a producer keeps its keys as they were, so ids claimed before the producer existed still match. The
/// separator cannot occur in an alertId, so a scoped key never equals an unscoped one.
/// </summary>
public static class ProducerScope
{
    /// <summary>The idempotency key and the Message-ID's seed.</summary>
    public static string AlertKey(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Producer is { } producer ? $"{producer.Account}/{request.AlertId}" : request.AlertId;
    }

    /// <summary>The repeat suppression key and the mail thread's seed.</summary>
    public static string CorrelationKey(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Producer is { } producer ? $"{producer.Account}/{request.CorrelationKey}" : request.CorrelationKey;
    }
}
