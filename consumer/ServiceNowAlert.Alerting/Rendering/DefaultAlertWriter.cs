using System.Globalization;
using System.Text;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// The embedded default templates (Templates/*.sbn) compiled by hand into string building: the same output, byte for
/// byte, without a template interpreter (a Scriban run of the three defaults cost a render ~150 µs and ~200 KB).
/// <c>DefaultTemplateEquivalenceTests</c> renders every sample and hostile alert both ways and requires equal output,
/// so a change to a default .sbn that is not made here too fails the build's tests. Override templates still run in
/// Scriban.
/// </summary>
internal static class DefaultAlertWriter
{
    private const string Rule = "----------------------------------------------------------------";
    private const string HeadStart = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"supported-color-schemes\" content=\"light dark\">\n<title>";

    private const string HeadEnd = "</title>\n<style>\n@media (prefers-color-scheme: dark) {\n  .card { background-color: #1e1f22 !important; color: #e8e8e8 !important; }\n  .muted { color: #b0b3b8 !important; }\n  .cell { border-color: #3a3c40 !important; }\n  .mono { background-color: #2b2d31 !important; color: #e8e8e8 !important; }\n  a { color: #8ab4f8 !important; }\n}\n</style>\n</head>\n<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f3f4f6;\">\n<tr><td align=\"center\" style=\"padding:24px 12px;\">\n<table role=\"presentation\" class=\"card\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:640px;background-color:#ffffff;color:#1f2328;border-radius:6px;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;\">\n";

    private const string BandStart = "<tr><td style=\"background-color:";

    private const string BandTextColor = ";color:";

    private const string BandLabel = ";padding:14px 20px;border-radius:6px 6px 0 0;font-size:13px;font-weight:bold;letter-spacing:0.5px;\">";

    private const string BandSeparator = " &middot; ";

    private const string BandEnvironment = " &middot; ";

    private const string BandEnd = "</td></tr>";

    private const string TitleStart = "<tr><td style=\"padding:20px 20px 4px 20px;\"><h1 style=\"margin:0;font-size:20px;line-height:1.3;\">";

    private const string TitleEnd = "</h1>";

    private const string MetaLineStart = "<p class=\"muted\" style=\"margin:6px 0 0 0;color:#57606a;font-size:13px;\">";

    private const string MetaSeparator = " &middot; ";

    private const string MetaLineEnd = "</p></td></tr>";

    private const string DescriptionStart = "<tr><td style=\"padding:12px 20px;white-space:pre-wrap;\">";

    private const string DescriptionEnd = "</td></tr>";

    private const string TableOpen = "<tr><td style=\"padding:8px 20px;\">\n<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;font-size:13px;\">\n";

    private const string SummaryRowStart = "<tr><td class=\"cell muted\" style=\"padding:6px 12px 6px 0;border-bottom:1px solid #e5e7eb;color:#57606a;width:140px;vertical-align:top;\">";

    private const string SummaryRowMiddle = "</td><td class=\"cell\" style=\"padding:6px 0;border-bottom:1px solid #e5e7eb;word-break:break-word;\">";

    private const string SummaryRowEnd = "</td></tr>";

    private const string DetailRowStart = "<tr><td class=\"cell muted\" style=\"padding:6px 12px 6px 0;border-bottom:1px solid #e5e7eb;color:#57606a;width:140px;vertical-align:top;\">";

    private const string DetailRowMiddle = "</td><td class=\"cell\" style=\"padding:6px 0;border-bottom:1px solid #e5e7eb;word-break:break-word;white-space:pre-wrap;\">";

    private const string DetailRowEnd = "</td></tr>";

    private const string TableClose = "</table></td></tr>";

    private const string ResourcesTitle = "<tr><td style=\"padding:12px 20px 0 20px;font-weight:bold;\">Resources</td></tr>";

    private const string ResourcesStart = "<tr><td style=\"padding:4px 20px;font-family:Consolas,Menlo,monospace;font-size:12px;word-break:break-all;\">";

    private const string ResourceBreak = "<br>";

    private const string ResourcesEnd = "</td></tr>";

    private const string LinksStart = "<tr><td style=\"padding:12px 20px 0 20px;\">";

    private const string LinkStart = "<a href=\"";

    private const string LinkMiddle = "\" style=\"color:#0969da;text-decoration:underline;margin-right:16px;\">";

    private const string LinkEnd = "</a>";

    private const string LinksEnd = "</td></tr>";

    private const string LogTitleStart = "<tr><td style=\"padding:12px 20px 0 20px;font-weight:bold;\">Log excerpt";

    private const string LogOmittedStart = " <span class=\"muted\" style=\"font-weight:normal;color:#57606a;\">(";

    private const string LogOmittedMiddle = " lines shown, ";

    private const string LogOmittedEnd = " left out)</span>";

    private const string LogTitleEnd = "</td></tr>";

    private const string LogBodyStart = "<tr><td style=\"padding:6px 20px;\"><div class=\"mono\" style=\"background-color:#f6f8fa;color:#1f2328;padding:10px;border-radius:4px;font-family:Consolas,Menlo,monospace;font-size:12px;white-space:pre-wrap;word-break:break-all;\">";

    private const string LogLineBreak = "<br>";

    private const string LogBodyEnd = "</div></td></tr>";

    private const string FooterStart = "<tr><td class=\"muted\" style=\"padding:16px 20px 20px 20px;color:#57606a;font-size:11px;\">Alert ";

    private const string FooterCorrelation = " &middot; correlation ";

    private const string FooterEnd = " &middot; sent by ServiceNowAlert</td></tr>";

    private const string Closing = "</table>\n</td></tr>\n</table>\n</body>\n</html>\n";

    public static void Subject(AlertView view, StringBuilder subject)
    {
        subject.Append('[').Append(view.StatusLabel).Append("] ").Append(view.SeverityLabel).Append(": ").Append(view.Title);
        if (view.ConfigurationItem is not null)
        {
            subject.Append(" (").Append(view.ConfigurationItem).Append(')');
        }

        if (view.Environment is not null)
        {
            subject.Append(" [").Append(view.Environment).Append(']');
        }
    }

    public static void Text(AlertView view, StringBuilder text)
    {
        foreach (var (name, value) in view.ServiceNowFields)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        text.Append('\n').Append(Rule).Append('\n');
        text.Append(view.StatusLabel).Append(" - ").Append(view.SeverityLabel).Append(" - ").Append(view.Title).Append('\n');
        text.Append(Rule).Append('\n');
        if (view.Description is not null)
        {
            text.Append('\n').Append(view.Description).Append('\n');
        }

        text.Append("\nWhen:        ").Append(view.OccurredAt).Append('\n');
        text.Append("Source:      ").Append(view.Source).Append('\n');
        Line(text, "Application: ", view.Application);
        Line(text, "Environment: ", view.Environment);
        Line(text, "Node:        ", view.ConfigurationItem);
        if (view.Account is not null)
        {
            text.Append("Account:     ").Append(view.Account);
            if (view.Region is not null)
            {
                text.Append(" (").Append(view.Region).Append(')');
            }

            text.Append('\n');
        }

        if (view.Resources.Count > 0)
        {
            text.Append("\nResources:\n");
            foreach (var resource in view.Resources)
            {
                text.Append("  - ").Append(resource).Append('\n');
            }
        }

        Pairs(text, "\nDetails:\n", view.Details);
        Pairs(text, "\nLinks:\n", view.Links);
        if (view.LogExcerpt.Count > 0)
        {
            text.Append("\nLog excerpt");
            if (view.LogOmitted > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({view.LogExcerpt.Count} lines shown, {view.LogOmitted} left out)");
            }

            text.Append(":\n");
            foreach (var line in view.LogExcerpt)
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        text.Append("\nAlert ").Append(view.AlertId).Append(" / correlation ").Append(view.CorrelationKey);
    }

    public static void Html(AlertView view, StringBuilder html)
    {
        html.Append(HeadStart).Append(view.Title).Append(HeadEnd);
        html.Append(BandStart).Append(view.SeverityColor).Append(BandTextColor).Append(view.SeverityTextColor).Append(BandLabel).Append(view.StatusLabel).Append(BandSeparator).Append(view.SeverityLabel);
        if (view.Environment is not null)
        {
            html.Append(BandEnvironment).Append(view.Environment);
        }

        html.Append(BandEnd).Append('\n');
        html.Append(TitleStart).Append(view.Title).Append(TitleEnd).Append('\n');
        html.Append(MetaLineStart).Append(view.OccurredAt).Append(MetaSeparator).Append(view.Source).Append(MetaLineEnd).Append('\n');
        if (view.Description is not null)
        {
            html.Append(DescriptionStart).Append(view.Description).Append(DescriptionEnd).Append('\n');
        }

        html.Append(TableOpen);
        foreach (var (name, value) in view.Summary)
        {
            html.Append(SummaryRowStart).Append(name).Append(SummaryRowMiddle).Append(value).Append(SummaryRowEnd).Append('\n');
        }

        foreach (var (name, value) in view.Details)
        {
            html.Append(DetailRowStart).Append(name).Append(DetailRowMiddle).Append(value).Append(DetailRowEnd).Append('\n');
        }

        html.Append(TableClose).Append('\n');
        if (view.Resources.Count > 0)
        {
            html.Append(ResourcesTitle).Append('\n').Append(ResourcesStart);
            foreach (var resource in view.Resources)
            {
                html.Append(resource).Append(ResourceBreak);
            }

            html.Append(ResourcesEnd).Append('\n');
        }

        if (view.Links.Count > 0)
        {
            html.Append(LinksStart);
            foreach (var (title, url) in view.Links)
            {
                html.Append(LinkStart).Append(url).Append(LinkMiddle).Append(title).Append(LinkEnd);
            }

            html.Append(LinksEnd).Append('\n');
        }

        if (view.LogExcerpt.Count > 0)
        {
            html.Append(LogTitleStart);
            if (view.LogOmitted > 0)
            {
                html.Append(LogOmittedStart).Append(view.LogExcerpt.Count.ToString(CultureInfo.InvariantCulture)).Append(LogOmittedMiddle).Append(view.LogOmitted.ToString(CultureInfo.InvariantCulture)).Append(LogOmittedEnd);
            }

            html.Append(LogTitleEnd).Append('\n').Append(LogBodyStart);
            foreach (var line in view.LogExcerpt)
            {
                html.Append(line).Append(LogLineBreak);
            }

            html.Append(LogBodyEnd).Append('\n');
        }

        html.Append(FooterStart).Append(view.AlertId).Append(FooterCorrelation).Append(view.CorrelationKey).Append(FooterEnd).Append('\n');
        html.Append(Closing);
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (value is not null)
        {
            text.Append(label).Append(value).Append('\n');
        }
    }

    private static void Pairs(StringBuilder text, string heading, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        text.Append(heading);
        foreach (var (name, value) in pairs)
        {
            text.Append("  ").Append(name).Append(": ").Append(value).Append('\n');
        }
    }
}
