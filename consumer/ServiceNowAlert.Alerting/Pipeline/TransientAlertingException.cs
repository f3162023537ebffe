namespace ServiceNowAlert.Alerting.Pipeline;

/// <summary>
/// The alert could not be delivered for now, retries inside the deadline included. The function fails the invocation
/// with <see cref="ErrorType"/>, which the invoker retries and Lambda's async retries and DLQ keep.
/// </summary>
public sealed class TransientAlertingException : Exception
{
    public TransientAlertingException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    public TransientAlertingException()
        : this(Contracts.AlertErrorTypes.TransientDeliveryFailure, "deliver alert: failed for now")
    {
    }

    public TransientAlertingException(string message)
        : this(Contracts.AlertErrorTypes.TransientDeliveryFailure, message)
    {
    }

    public TransientAlertingException(string message, Exception innerException)
        : this(Contracts.AlertErrorTypes.TransientDeliveryFailure, message, innerException)
    {
    }

    public string ErrorType { get; }
}
