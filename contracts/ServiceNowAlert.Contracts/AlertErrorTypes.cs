namespace ServiceNowAlert.Contracts;

/// <summary>
/// Lambda <c>errorType</c> values the alerting function reports when it fails an invocation; the invoker retries the transient ones.
/// </summary>
public static class AlertErrorTypes
{
    /// <summary>Delivery failed for a reason that may pass (relay down, 4xx, timeout); the request is sound.</summary>
    public const string TransientDeliveryFailure = "ServiceNowAlert.TransientDeliveryFailure";

    /// <summary>A dependency of the function itself failed for now (parameter store, idempotency table).</summary>
    public const string TransientDependencyFailure = "ServiceNowAlert.TransientDependencyFailure";

    /// <summary>
    /// The function's configuration is wrong (a missing, undecryptable or malformed SSM parameter, an unreadable routes
    /// file or template, a bad setting): nothing changes until an operator fixes it, so no one retries it.
    /// </summary>
    public const string ConfigurationError = "ServiceNowAlert.ConfigurationError";

    /// <summary>True when the invoker should try again for this error type.</summary>
    /// <param name="errorType">The <c>errorType</c> from the function error body.</param>
    /// <returns>Whether a retry can help.</returns>
    public static bool IsRetryable(string? errorType) =>
        errorType is TransientDeliveryFailure or TransientDependencyFailure;
}
