using System.Text;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// Keeps the HTML part of every valid alert under <see cref="AlertRenderer.MaxHtmlBytes"/>: Gmail clips an HTML body
/// over 102 KB behind "[Message clipped]", and the contract allows requests whose escaped values alone are several
/// times that. When the escaped values of a view add up to more than <see cref="ValueBytes"/>, every value longer than
/// one common length (the largest that fits) is cut to it and ends in an ellipsis, so shorter values are never
/// touched; a link whose URL is longer than that is left out, since a cut URL would lead somewhere else. The text
/// part keeps every value whole, and the HTML says so.
/// </summary>
internal static class HtmlBudget
{
    /// <summary>
    /// UTF-8 bytes for the escaped values. The default HTML template's own markup with every row the contract allows
    /// (6 summary rows, 64 details, 100 resources, 20 links, 50 log lines) and the note is about 24 KB; the values
    /// get what is left below 100,000 bytes, less a margin for an override template's extra markup.
    /// </summary>
    public const int ValueBytes = 68_000;

    private const int EllipsisBytes = 3;

    public static AlertView Fit(AlertView html)
    {
        var cap = Cap([.. Values(html).Select(value => Encoding.UTF8.GetByteCount(value))], ValueBytes);
        if (cap == int.MaxValue)
        {
            return html;
        }

        var fitted = html with { Shortened = true, Links = [.. html.Links.Where(link => Encoding.UTF8.GetByteCount(link.Value) <= cap)] };
        return fitted.WithEachValue(value => Shorten(value, cap));
    }

    /// <summary>
    /// The largest length such that the values, each cut to it, add up to at most <paramref name="budget"/>;
    /// <see cref="int.MaxValue"/> when they fit whole.
    /// </summary>
    internal static int Cap(int[] lengths, int budget)
    {
        Array.Sort(lengths);
        var remaining = budget;
        for (var i = 0; i < lengths.Length; i++)
        {
            var share = remaining / (lengths.Length - i);
            if (lengths[i] > share)
            {
                return share;
            }

            remaining -= lengths[i];
        }

        return int.MaxValue;
    }

    /// <summary>
    /// Cuts escaped HTML to at most <paramref name="maxBytes"/> UTF-8 bytes, ellipsis included, never inside a character
    /// reference or a character.
    /// </summary>
    internal static string Shorten(string escaped, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(escaped) <= maxBytes)
        {
            return escaped;
        }

        var used = 0;
        var end = 0;
        while (end < escaped.Length)
        {
            var semicolon = escaped[end] == '&' ? escaped.IndexOf(';', end) : -1;
            var next = semicolon >= 0 ? semicolon + 1
                : char.IsHighSurrogate(escaped[end]) && end + 1 < escaped.Length ? end + 2
                : end + 1;
            var bytes = Encoding.UTF8.GetByteCount(escaped.AsSpan(end, next - end));
            if (used + bytes > maxBytes - EllipsisBytes)
            {
                break;
            }

            used += bytes;
            end = next;
        }

        return string.Concat(escaped.AsSpan(0, end), TextLimits.Ellipsis.ToString());
    }

    // Each value as often as the default template shows it (the title and environment twice).
    private static IEnumerable<string> Values(AlertView html)
    {
        string?[] single = [html.Title, html.Title, html.Description, html.Source, html.Application, html.Environment, html.Environment, html.ConfigurationItem, html.Account, html.Region, html.AlertId, html.CorrelationKey];
        return single.OfType<string>()
            .Concat(html.Resources)
            .Concat(html.LogExcerpt)
            .Concat(html.Links.Concat(html.Details).Concat(html.Summary).SelectMany(pair => new[] { pair.Key, pair.Value }));
    }
}
