namespace ServiceNowAlert.Alerting.Idempotency;

/// <summary>The answer to "may this instance send alert X now?".</summary>
public enum IdempotencyClaim
{
    /// <summary>Nobody has sent it: this instance now owns it.</summary>
    Claimed,

    /// <summary>It was sent before; <see cref="IIdempotencyStore"/> knows the Message-ID.</summary>
    AlreadySent,

    /// <summary>Another attempt is sending it right now; treat as transient so the caller retries later.</summary>
    InProgress,
}
