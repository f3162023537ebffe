namespace ServiceNowAlert.AwsClients;

/// <summary>
/// AssumeRole did not give credentials. <see cref="IsRetryable"/> says whether another attempt can help: a refusal
/// (AccessDenied, a bad ExternalId, a malformed request) cannot; throttling, 5xx, timeouts and unreadable answers can.
/// </summary>
public sealed class RoleAssumptionException : Exception
{
    public RoleAssumptionException(string message, bool isRetryable, Exception? innerException = null)
        : base(message, innerException) => IsRetryable = isRetryable;

    public RoleAssumptionException()
    {
    }

    public RoleAssumptionException(string message)
        : base(message)
    {
    }

    public RoleAssumptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool IsRetryable { get; }
}
