namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>How the connection to the relay is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain connect, then STARTTLS, which must be offered (the default: port 2525 relays).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465 style).</summary>
    Implicit,

    /// <summary>No TLS at all: only for local development, never the default.</summary>
    None,
}
