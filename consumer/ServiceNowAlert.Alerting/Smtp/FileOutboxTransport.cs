using MimeKit;

namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>
/// Writes each message to a folder instead of sending it: <c>&lt;alertId&gt;.eml</c> (the whole MIME message, openable in
/// any mail client) and <c>&lt;alertId&gt;.html</c> (its HTML part, for a browser). The CLI's default and local runs use it.
/// </summary>
public sealed class FileOutboxTransport(string directory) : ISmtpTransport
{
    public string Directory { get; } = directory;

    // Two small local files: written synchronously, because an async FileStream on Linux only moves the same blocking
    // write to a thread-pool thread, and costs a thread hop and its own start-up on a function's first invocation.
    public Task<SmtpDelivery> SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipients);
        cancellationToken.ThrowIfCancellationRequested();
        System.IO.Directory.CreateDirectory(Directory);
        var name = FileNameOf(message);
        message.WriteTo(Path.Combine(Directory, name + ".eml"), cancellationToken);
        File.WriteAllText(Path.Combine(Directory, name + ".html"), message.HtmlBody ?? string.Empty);
        return Task.FromResult(new SmtpDelivery(recipients.Count, []));
    }

    /// <summary>The file name (without extension) a message is written under.</summary>
    public static string FileNameOf(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.Headers["X-Alert-Id"] ?? message.MessageId ?? "message";
        return string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
    }
}
