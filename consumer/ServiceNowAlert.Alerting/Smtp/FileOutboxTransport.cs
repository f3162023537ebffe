using MimeKit;

namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>
/// Writes each message to a folder instead of sending it: <c>&lt;alertId&gt;.eml</c> (the whole MIME message, openable in
/// any mail client) and <c>&lt;alertId&gt;.html</c> (its HTML part, for a browser), each prefixed with the producer account
/// when the alert has one. The CLI's default and local runs use it.
/// </summary>
public sealed class FileOutboxTransport(string directory) : ISmtpTransport
{
    private static readonly FormatOptions WireFormat = CreateWireFormat();

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
        using (var eml = File.Create(Path.Combine(Directory, name + ".eml")))
        {
            WriteEml(message, eml, cancellationToken);
        }

        File.WriteAllText(Path.Combine(Directory, name + ".html"), message.HtmlBody ?? string.Empty);
        return Task.FromResult(new SmtpDelivery(recipients.Count, []));
    }

    /// <summary>
    /// Writes the message as a relay with 8BITMIME would receive it: every part that needs one gets a
    /// Content-Transfer-Encoding (8bit for UTF-8 text, quoted-printable or base64 where a line would pass 998 octets).
    /// MailKit's SmtpClient does this itself before it sends; a file written without it would carry 8-bit text in parts
    /// that declare none, which strict MIME readers refuse. Lines end in CRLF, as on the wire (RFC 5322), whatever the
    /// platform's own line ending.
    /// </summary>
    public static void WriteEml(MimeMessage message, Stream target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Prepare(EncodingConstraint.EightBit, 998);
        message.WriteTo(WireFormat, target, cancellationToken);
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }

    /// <summary>The file name (without extension) a message is written under.</summary>
    public static string FileNameOf(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return FileNameOf(message.Headers["X-Alert-Id"] ?? message.MessageId ?? "message", message.Headers["X-Alert-Producer-Account"]);
    }

    /// <summary>The file name (without extension) of an alert's files, in characters safe on any file system.</summary>
    /// <param name="alertId">The alert's id.</param>
    /// <param name="producerAccount">Its producer account, or null: two accounts may send the same alertId, and each alert gets its own file.</param>
    /// <returns>The name.</returns>
    public static string FileNameOf(string alertId, string? producerAccount)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        var id = producerAccount is null ? alertId : $"{producerAccount}-{alertId}";
        return string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
    }
}
