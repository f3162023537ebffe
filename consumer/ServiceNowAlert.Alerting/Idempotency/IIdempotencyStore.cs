namespace ServiceNowAlert.Alerting.Idempotency;

/// <summary>Remembers which alertIds were sent, so a redelivered request sends nothing. State: in progress → sent.</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims an alert for sending; for <see cref="IdempotencyClaim.AlreadySent"/> also the Message-ID it went out with.</summary>
    Task<(IdempotencyClaim Claim, string? MessageId)> TryClaimAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>Marks a claimed alert as sent.</summary>
    Task CompleteAsync(string alertId, string messageId, CancellationToken cancellationToken);

    /// <summary>Gives a claim back after a failed attempt, so a retry can claim it again.</summary>
    Task ReleaseAsync(string alertId, CancellationToken cancellationToken);
}
