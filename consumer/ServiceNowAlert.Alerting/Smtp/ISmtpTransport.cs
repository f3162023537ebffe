using MimeKit;

namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>Sends a message to its envelope recipients. Throws <see cref="SmtpDeliveryException"/> on failure.</summary>
public interface ISmtpTransport
{
    Task<SmtpDelivery> SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken cancellationToken);
}
