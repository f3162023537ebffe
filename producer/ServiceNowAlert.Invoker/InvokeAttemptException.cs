namespace ServiceNowAlert.Invoker;

/// <summary>
/// One invoke of the alerting function gave no receipt: why, whether another attempt can help, and how long Lambda
/// asked us to wait first (429's Retry-After), if it did.
/// </summary>
internal sealed class InvokeAttemptException(string reason, bool isRetryable, TimeSpan? retryAfter, bool isConfiguration = false) : Exception(reason)
{
    public bool IsRetryable { get; } = isRetryable;

    /// <summary>The alerting function said its configuration is wrong: only an operator can fix it.</summary>
    public bool IsConfiguration { get; } = isConfiguration;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
