namespace ServiceNowAlert.Hosting.Client;

/// <summary>The Runtime API answered with a status the runtime cannot use.</summary>
public sealed class RuntimeApiException : Exception
{
    public RuntimeApiException()
    {
    }

    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
