namespace ServiceNowAlert.Invoker;

/// <summary>
/// The invocation must fail so Lambda keeps the event (async retries, then the on-failure destination):
/// <see cref="ErrorType"/> says whether the trigger was unusable, an alert could not be delivered, or could not be
/// because the alerting function's configuration is wrong.
/// </summary>
public sealed class InvokerException : Exception
{
    public const string InvalidTrigger = "ServiceNowAlert.InvalidTrigger";
    public const string DeliveryFailed = "ServiceNowAlert.DeliveryFailed";

    // Every undelivered alert failed on the alerting function's configuration: redrive once an operator has fixed it.
    public const string ConfigurationError = Contracts.AlertErrorTypes.ConfigurationError;

    public InvokerException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    public InvokerException()
        : this(DeliveryFailed, "deliver alerts: failed")
    {
    }

    public InvokerException(string message)
        : this(DeliveryFailed, message)
    {
    }

    public InvokerException(string message, Exception innerException)
        : this(DeliveryFailed, message, innerException)
    {
    }

    public string ErrorType { get; }
}
