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
        var lines = text.Split('\n');
        if (lines.All(line => Encoding.UTF8.GetByteCount(line) <= MaxLineOctets))
        {
            return text;
        }

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
}
