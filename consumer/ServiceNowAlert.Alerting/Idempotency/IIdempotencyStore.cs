namespace ServiceNowAlert.Alerting.Idempotency;

/// <summary>
/// Remembers which alertIds were sent, so a redelivered request sends nothing. State: in progress → sent.
/// Failures surface as <see cref="IdempotencyStoreException"/>; the pipeline decides what they mean.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims an alert for sending until <paramref name="claimExpires"/> (the attempt's own deadline: after it the
    /// attempt is certainly over, so another one may take over). For <see cref="IdempotencyClaim.AlreadySent"/> it
    /// also returns the Message-ID the alert went out with.
    /// </summary>
    Task<(IdempotencyClaim Claim, string? MessageId)> TryClaimAsync(string alertId, DateTimeOffset claimExpires, CancellationToken cancellationToken);

    /// <summary>Marks a claimed alert as sent.</summary>
    Task CompleteAsync(string alertId, string messageId, CancellationToken cancellationToken);

    /// <summary>Gives a claim back after a failed attempt, so a retry can claim it again.</summary>
    Task ReleaseAsync(string alertId, CancellationToken cancellationToken);
}
