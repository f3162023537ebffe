using MimeKit;
using ServiceNowAlert.Alerting.Idempotency;
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
        message.MessageId = MessageIds.ForAlert(ProducerScope.AlertKey(request), domain);
        var thread = MessageIds.ForThread(ProducerScope.CorrelationKey(request), domain);
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
        message.Headers.Add("X-Correlation-Key", HeaderText.Literal(request.CorrelationKey));
        if (request.Producer is { } producer)
        {
            // For mail rules: the producer account as a header of its own (the name is in the subject and the body).
            message.Headers.Add("X-Alert-Producer-Account", producer.Account);
        }
        message.Body = new MultipartAlternative
        {
            Utf8Part("plain", rendered.TextUtf8),
            Utf8Part("html", rendered.HtmlUtf8),
        };
        return message;
    }

    // What TextPart.Text does (charset=utf-8, content the UTF-8 bytes), without decoding the rendered bytes to a string
    // and encoding them again. MimeKit chooses the transfer encoding when the message is prepared for sending.
    private static TextPart Utf8Part(string subtype, ReadOnlyMemory<byte> utf8)
    {
        var part = new TextPart(subtype);
        part.ContentType.Charset = "utf-8";
        var bytes = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(utf8, out var segment) ? segment : new ArraySegment<byte>(utf8.ToArray());
        part.Content = new MimeContent(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false));
        return part;
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
