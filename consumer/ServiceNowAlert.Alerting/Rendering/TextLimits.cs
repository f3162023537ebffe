using System.Text;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>Line and body limits of mail and of ServiceNow's inbound email parser.</summary>
internal static class TextLimits
{
    /// <summary>RFC 5322: a line is at most 998 octets, not counting CRLF.</summary>
    public const int MaxLineOctets = 998;

    /// <summary>ServiceNow truncates inbound email bodies at 524,288 characters.</summary>
    public const int MaxBodyCharacters = 524_288;

    public const char Ellipsis = '…';

    /// <summary>Cuts text to at most <paramref name="maxOctets"/> UTF-8 bytes on a character boundary, marking the cut.</summary>
    public static string TruncateOctets(string text, int maxOctets)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxOctets)
        {
            return text;
        }

        var budget = maxOctets - 3; // the ellipsis is 3 octets in UTF-8
        var builder = new StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            builder.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }

        return builder.Append(Ellipsis).ToString();
    }

    /// <summary>Makes one line of any text: line breaks and tabs become spaces.</summary>
    public static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Replace('\t', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');

    /// <summary>Hard-wraps every line longer than the mail limit, on character boundaries.</summary>
    public static string WrapLongLines(string text)
    {
        if (!HasLongLine(text))
        {
            return text;
        }

        var lines = text.Split('\n');
        var builder = new StringBuilder(text.Length + 64);
        foreach (var line in lines)
        {
            var used = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (used + rune.Utf8SequenceLength > MaxLineOctets)
                {
                    builder.Append('\n');
                    used = 0;
                }

                builder.Append(rune.ToString());
                used += rune.Utf8SequenceLength;
            }

            builder.Append('\n');
        }

        return builder.ToString(0, builder.Length - 1);
    }

    /// <summary>
    /// The text part's UTF-8 bytes from the characters a template wrote: <see cref="NormaliseBody"/>, then
    /// <see cref="WrapLongLines"/>, then cut to ServiceNow's body limit. Almost every body needs none of that beyond
    /// trimming its end, and is encoded straight from the span.
    /// </summary>
    public static byte[] BodyUtf8(ReadOnlySpan<char> written)
    {
        if (written.IndexOfAny(OtherLineEndings) >= 0 || written.Length >= MaxBodyCharacters || HasLongLine(written))
        {
            var text = WrapLongLines(NormaliseBody(written.ToString()));
            if (text.Length > MaxBodyCharacters)
            {
                text = text[..(MaxBodyCharacters - 80)] + "\n\n[text truncated here: ServiceNow reads at most 524288 characters]\n";
            }

            return Encoding.UTF8.GetBytes(text);
        }

        var trimmed = written.TrimEnd();
        var bytes = new byte[Encoding.UTF8.GetByteCount(trimmed) + 1];
        Encoding.UTF8.GetBytes(trimmed, bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>
    /// The text as the text part carries it: line endings made LF, trailing whitespace cut, one final LF. Copies once
    /// at most.
    /// </summary>
    public static string NormaliseBody(string text)
    {
        if (text.AsSpan().IndexOfAny(OtherLineEndings) >= 0)
        {
            text = text.ReplaceLineEndings("\n");
        }

        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.Length == text.Length - 1 && text[^1] == '\n' ? text : string.Concat(trimmed, "\n");
    }

    private static readonly System.Buffers.SearchValues<char> OtherLineEndings = System.Buffers.SearchValues.Create("\r\f\u0085\u2028\u2029");

    // A quick scan first: almost every body has no line near the limit, and then nothing needs to be copied.
    private static bool HasLongLine(ReadOnlySpan<char> text)
    {
        var rest = text;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.Length > MaxLineOctets / 4 && Encoding.UTF8.GetByteCount(line) > MaxLineOctets)
            {
                return true;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return false;
    }
}
