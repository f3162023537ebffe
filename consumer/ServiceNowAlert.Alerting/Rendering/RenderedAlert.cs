using System.Text;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// The three rendered parts of one alert email. The bodies are held as the UTF-8 bytes the MIME parts carry, so a render
/// allocates each body once, at the size it is sent; <see cref="Text"/> and <see cref="Html"/> decode them on demand.
/// </summary>
public sealed class RenderedAlert : IEquatable<RenderedAlert>
{
    public RenderedAlert(string subject, string text, string html)
        : this(subject, Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(html))
    {
    }

    public RenderedAlert(string subject, byte[] textUtf8, byte[] htmlUtf8)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(textUtf8);
        ArgumentNullException.ThrowIfNull(htmlUtf8);
        Subject = subject;
        TextUtf8 = textUtf8;
        HtmlUtf8 = htmlUtf8;
    }

    /// <summary>One line of at most 200 characters, not yet RFC 2047 encoded (MimeKit does that).</summary>
    public string Subject { get; }

    /// <summary>The text part: LF line endings, no line over 998 octets, one final LF.</summary>
    public ReadOnlyMemory<byte> TextUtf8 { get; }

    public ReadOnlyMemory<byte> HtmlUtf8 { get; }

    public string Text => Encoding.UTF8.GetString(TextUtf8.Span);

    public string Html => Encoding.UTF8.GetString(HtmlUtf8.Span);

    public bool Equals(RenderedAlert? other) =>
        other is not null && Subject == other.Subject && TextUtf8.Span.SequenceEqual(other.TextUtf8.Span) && HtmlUtf8.Span.SequenceEqual(other.HtmlUtf8.Span);

    public override bool Equals(object? obj) => Equals(obj as RenderedAlert);

    public override int GetHashCode() => HashCode.Combine(Subject, TextUtf8.Length, HtmlUtf8.Length);
}
