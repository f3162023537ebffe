using MimeKit;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Mail;

/// <summary>Builds the one email of an alert: multipart/alternative, text first (ServiceNow reads it), then HTML.</summary>
public static class AlertMessageBuilder
{
    public static MimeMessage Build(AlertRequest request, RouteDefinition route, RenderedAlert rendered, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(rendered);
        var message = new MimeMessage { Subject = rendered.Subject, Date = sentAt };
        message.From.Add(MailboxAddress.Parse(route.From));
        message.To.AddRange(route.To.Select(MailboxAddress.Parse));
        message.Cc.AddRange(route.Cc.Select(MailboxAddress.Parse));

        // Bcc recipients are envelope-only (see Recipients): never in a header.
        var domain = MessageIds.DomainOf(route.From);
        message.MessageId = MessageIds.ForAlert(request.AlertId, domain);
        var thread = MessageIds.ForThread(request.CorrelationKey, domain);
        message.References.Add(thread);
        if (request.Status == AlertStatus.Resolved)
        {
            message.InReplyTo = thread;
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Headers.Add("X-Alert-Id", request.AlertId);
        message.Headers.Add("X-Alert-Status", request.Status == AlertStatus.Resolved ? "resolved" : "firing");
        message.Headers.Add("X-Alert-Severity", request.Severity.ToString().ToLowerInvariant());
        message.Headers.Add("X-Correlation-Key", request.CorrelationKey);
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = rendered.Text },
            new TextPart("html") { Text = rendered.Html },
        };
        return message;
    }

    /// <summary>Every envelope recipient, To, Cc and Bcc, each once.</summary>
    public static IReadOnlyList<MailboxAddress> Recipients(RouteDefinition route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return [.. route.To.Concat(route.Cc).Concat(route.Bcc)
            .Select(MailboxAddress.Parse)
            .DistinctBy(mailbox => mailbox.Address, StringComparer.OrdinalIgnoreCase)];
    }
}
