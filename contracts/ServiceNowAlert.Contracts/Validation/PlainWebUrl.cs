namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// A cheap recogniser for the URLs alerts almost always carry (lower-case http or https, a DNS host name, an optional
/// port, then printable ASCII from RFC 3986's character set). It only ever says yes to URLs that the full check
/// (the pattern, then <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>) also accepts, and leaves everything else
/// to it: parsing a <see cref="Uri"/> costs about 1 µs, a tenth of normalising an alarm event.
/// </summary>
/// <remarks>Held to that promise by a property test over URLs generated on both sides of every rule below.</remarks>
internal static class PlainWebUrl
{
    private const int MaxLabelLength = 63;
    private const int MaxHostLength = 253;

    public static bool Matches(string url)
    {
        if (url.Length > AlertLimits.MaxUrlLength)
        {
            return false;
        }

        int at;
        if (url.StartsWith("https://", StringComparison.Ordinal))
        {
            at = "https://".Length;
        }
        else if (url.StartsWith("http://", StringComparison.Ordinal))
        {
            at = "http://".Length;
        }
        else
        {
            return false;
        }

        return Host(url, ref at) && Port(url, ref at) && Rest(url, at);
    }

    // Labels of a-z, 0-9 and inner hyphens, 1-63 long, at most 253 in all; the last label starts with a letter, so no
    // host can be read as an IPv4 address in any of its short forms.
    private static bool Host(string url, ref int at)
    {
        var start = at;
        var label = at;
        for (; at < url.Length; at++)
        {
            var c = url[at];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                continue;
            }

            if (c == '-' && at > label)
            {
                continue;
            }

            if (c == '.' && IsLabel(url, label, at))
            {
                label = at + 1;
                continue;
            }

            break;
        }

        return IsLabel(url, label, at) && url[label] is >= 'a' and <= 'z' && at - start <= MaxHostLength;
    }

    private static bool IsLabel(string url, int start, int end) =>
        end > start && end - start <= MaxLabelLength && url[start] != '-' && url[end - 1] != '-';

    private static bool Port(string url, ref int at)
    {
        if (at == url.Length || url[at] != ':')
        {
            return true;
        }

        var start = ++at;
        var value = 0;
        while (at < url.Length && char.IsAsciiDigit(url[at]) && at - start < 5)
        {
            value = (value * 10) + (url[at++] - '0');
        }

        return at > start && value <= ushort.MaxValue && (at == url.Length || !char.IsAsciiDigit(url[at]));
    }

    // Path, query and fragment from RFC 3986's unreserved, reserved (without brackets) and percent-encoded characters,
    // with at most one '#'.
    private static bool Rest(string url, int at)
    {
        if (at == url.Length)
        {
            return true;
        }

        if (url[at] is not ('/' or '?' or '#'))
        {
            return false;
        }

        var fragment = false;
        for (; at < url.Length; at++)
        {
            var c = url[at];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/' or '?')
            {
                continue;
            }

            if (c == '#' && !fragment)
            {
                fragment = true;
                continue;
            }

            if (c == '%' && at + 2 < url.Length && char.IsAsciiHexDigit(url[at + 1]) && char.IsAsciiHexDigit(url[at + 2]))
            {
                at += 2;
                continue;
            }

            return false;
        }

        return true;
    }
}
