namespace ServiceNowAlert.Alerting.Idempotency;

/// <summary>
/// Per-instance memory of recent alertIds, used when no idempotency table is configured: it catches redeliveries that
/// reach the same warm instance, within a bounded window (oldest forgotten first).
/// </summary>
public sealed class InMemoryIdempotencyStore(int capacity = 10_000) : IIdempotencyStore
{
    private readonly Dictionary<string, string?> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public Task<(IdempotencyClaim Claim, string? MessageId)> TryClaimAsync(string alertId, DateTimeOffset claimExpires, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(alertId, out var messageId))
            {
                return Task.FromResult(messageId is null ? (IdempotencyClaim.InProgress, (string?)null) : (IdempotencyClaim.AlreadySent, messageId));
            }

            _entries[alertId] = null;
            _order.Enqueue(alertId);
            while (_order.Count > capacity)
            {
                _entries.Remove(_order.Dequeue());
            }

            return Task.FromResult((IdempotencyClaim.Claimed, (string?)null));
        }
    }

    public Task CompleteAsync(string alertId, string messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.ContainsKey(alertId))
            {
                _entries[alertId] = messageId;
            }
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string alertId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(alertId, out var messageId) && messageId is null)
            {
                _entries.Remove(alertId);
            }
        }

        return Task.CompletedTask;
    }
}
