namespace ServiceNowAlert.Invoker;

/// <summary>
/// One invoke of the alerting function gave no receipt: why, whether another attempt can help, and how long Lambda
/// asked us to wait first (429's Retry-After), if it did.
/// </summary>
internal sealed class InvokeAttemptException(string reason, bool isRetryable, TimeSpan? retryAfter) : Exception(reason)
{
    public bool IsRetryable { get; } = isRetryable;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
