namespace ServiceNowAlert.Alerting;

/// <summary>The function's own configuration is wrong (routes, templates, SMTP settings); start-up must fail.</summary>
public sealed class AlertingConfigurationException : Exception
{
    public AlertingConfigurationException()
    {
    }

    public AlertingConfigurationException(string message)
        : base(message)
    {
    }

    public AlertingConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
