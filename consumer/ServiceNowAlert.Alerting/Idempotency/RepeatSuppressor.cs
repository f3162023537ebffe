using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Idempotency;

/// <summary>
/// Noise control: an identical firing alert (same correlationKey, severity and title) within the repeat interval is
/// suppressed (the correlationKey scoped by the producer account, <see cref="ProducerScope"/>). A change of severity or title goes through; a resolved alert always goes through and clears the key.
/// </summary>
public sealed class RepeatSuppressor(TimeSpan interval, TimeProvider time, int capacity = 10_000)
{
    private readonly Dictionary<string, (string Fingerprint, DateTimeOffset SentAt)> _lastSent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool ShouldSuppress(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (interval <= TimeSpan.Zero || request.Status == AlertStatus.Resolved)
        {
            return false;
        }

        lock (_gate)
        {
            return _lastSent.TryGetValue(ProducerScope.CorrelationKey(request), out var last) &&
                last.Fingerprint == Fingerprint(request) &&
                time.GetUtcNow() - last.SentAt < interval;
        }
    }

    public void RecordSent(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (request.Status == AlertStatus.Resolved)
            {
                _lastSent.Remove(ProducerScope.CorrelationKey(request));
                return;
            }

            if (_lastSent.Count >= capacity)
            {
                _lastSent.Remove(_lastSent.MinBy(entry => entry.Value.SentAt).Key);
            }

            _lastSent[ProducerScope.CorrelationKey(request)] = (Fingerprint(request), time.GetUtcNow());
        }
    }

    private static string Fingerprint(AlertRequest request) => $"{request.Severity}\n{request.Title}";
}
