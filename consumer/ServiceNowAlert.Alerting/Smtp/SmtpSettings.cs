namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>How to reach the relay.</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 2525;

    public SmtpTlsMode Tls { get; init; } = SmtpTlsMode.StartTls;

    /// <summary>PEM file of a CA to trust for the relay's certificate, besides the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary>
    /// Off by default: the function's egress reaches only the relay and the VPC endpoints, so a CRL or OCSP fetch would
    /// hang until the deadline. Turn it on where the relay's CA endpoints are reachable.
    /// </summary>
    public bool CheckCertificateRevocation { get; init; }

    /// <summary>Upper bound for any one network step; the invocation's remaining time bounds it further.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most envelope recipients in one SMTP transaction.</summary>
    public int MaxRecipientsPerTransaction { get; init; } = 100;
}
