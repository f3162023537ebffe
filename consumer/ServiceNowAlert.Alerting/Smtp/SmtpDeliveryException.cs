namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>Delivery failed; <see cref="IsTransient"/> says whether trying again can help.</summary>
public sealed class SmtpDeliveryException : Exception
{
    public SmtpDeliveryException(string message, bool isTransient, int smtpCode = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        SmtpCode = smtpCode;
    }

    public SmtpDeliveryException()
    {
    }

    public SmtpDeliveryException(string message)
        : base(message)
    {
    }

    public SmtpDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool IsTransient { get; }

    /// <summary>The relay's reply code when it gave one, else 0.</summary>
    public int SmtpCode { get; }
}
