using System.Globalization;
using System.Net;
using Scriban.Runtime;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// Turns a request into the values templates see: plain <see cref="ScriptObject"/>s of strings and numbers, never the
/// .NET objects (AOT-safe, and a template can reach nothing else). For HTML every string is escaped here, before any
/// template runs, so an override template cannot forget to.
/// </summary>
internal static class AlertModelBuilder
{
    /// <summary>Log lines shown at most; the rest is counted and the count is stated in the email.</summary>
    public const int MaxLogLinesShown = 50;

    /// <summary>Characters of log excerpt shown at most, so a body stays far below ServiceNow's limit.</summary>
    public const int MaxLogCharactersShown = 64 * 1024;

    /// <summary>What an alert whose title is white space only is called.</summary>
    public const string UntitledAlert = "(no title)";

    /// <summary>The values as they are, for the subject and the text part.</summary>
    public static AlertView View(AlertRequest request)
    {
        var (background, foreground) = SeverityStyle.For(request.Severity, request.Status);
        var (excerpt, omitted) = Excerpt(request.LogExcerpt);
        var resolved = request.Status == AlertStatus.Resolved;
        return new AlertView
        {
            Status = resolved ? "resolved" : "firing",
            StatusLabel = resolved ? "RESOLVED" : "FIRING",
            Severity = request.Severity.ToString().ToLowerInvariant(),
            SeverityLabel = request.Severity.ToString().ToUpperInvariant(),
            ServiceNowSeverity = ServiceNowSeverity.From(request.Severity, request.Status),
            SeverityColor = background,
            SeverityTextColor = foreground,
            // A title of white space only is valid in the contract, but would leave the subject, <title> and <h1> blank.
            Title = string.IsNullOrWhiteSpace(request.Title) ? UntitledAlert : request.Title,
            Description = request.Description,
            Source = request.Source,
            Application = request.Application,
            Environment = request.Environment,
            ConfigurationItem = request.ConfigurationItem,
            Account = request.Account,
            Region = request.Region,
            Producer = ProducerText(request.Producer),
            ProducerAccount = request.Producer?.Account,
            ProducerName = request.Producer?.Name,
            OccurredAt = request.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            AlertId = request.AlertId,
            CorrelationKey = request.CorrelationKey,
            Resources = request.Resources,
            Links = WebLinks(request.Links),
            Details = Pairs(request.Details),
            LogExcerpt = excerpt,
            LogOmitted = omitted,
            ServiceNowFields = ServiceNowFields.Build(request),
            Summary = Summary(request),
        };
    }

    /// <summary>
    /// The same values HTML-escaped, for the HTML part, and fitted to its size budget (<see cref="HtmlBudget"/>).
    /// </summary>
    public static AlertView ForHtml(AlertView plain) => HtmlBudget.Fit(plain.WithEachValue(WebUtility.HtmlEncode));

    private static List<KeyValuePair<string, string>> WebLinks(IReadOnlyList<AlertLink> links)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var web = new List<KeyValuePair<string, string>>(links.Count);
        foreach (var link in links)
        {
            if (IsWebUrl(link.Url))
            {
                // A title of nothing but white space would leave the link with no text to click: the URL stands in.
                web.Add(new(string.IsNullOrWhiteSpace(link.Title) ? link.Url : link.Title, link.Url));
            }
        }

        return web;
    }

    private static KeyValuePair<string, string>[] Pairs(OrderedDictionary<string, string> details)
    {
        if (details.Count == 0)
        {
            return [];
        }

        var pairs = new KeyValuePair<string, string>[details.Count];
        var i = 0;
        foreach (var detail in details)
        {
            pairs[i++] = detail;
        }

        return pairs;
    }

    public static ScriptObject ToScriptObject(AlertView view) => new()
    {
        ["status"] = view.Status,
        ["status_label"] = view.StatusLabel,
        ["severity"] = view.Severity,
        ["severity_label"] = view.SeverityLabel,
        ["servicenow_severity"] = view.ServiceNowSeverity,
        ["severity_color"] = view.SeverityColor,
        ["severity_text_color"] = view.SeverityTextColor,
        ["title"] = view.Title,
        ["description"] = view.Description,
        ["source"] = view.Source,
        ["application"] = view.Application,
        ["environment"] = view.Environment,
        ["configuration_item"] = view.ConfigurationItem,
        ["account"] = view.Account,
        ["region"] = view.Region,
        ["producer"] = view.Producer,
        ["producer_account"] = view.ProducerAccount,
        ["producer_name"] = view.ProducerName,
        ["occurred_at"] = view.OccurredAt,
        ["alert_id"] = view.AlertId,
        ["correlation_key"] = view.CorrelationKey,
        ["resources"] = Array(view.Resources),
        ["links"] = Array(view.Links.Select(link => Pair("title", link.Key, "url", link.Value))),
        ["details"] = Array(view.Details.Select(detail => Pair("name", detail.Key, "value", detail.Value))),
        ["log_excerpt"] = Array(view.LogExcerpt),
        ["log_omitted"] = view.LogOmitted,
        ["servicenow_fields"] = Array(view.ServiceNowFields.Select(field => Pair("name", field.Key, "value", field.Value))),
        ["summary"] = Array(view.Summary.Select(row => Pair("name", row.Key, "value", row.Value))),
        ["shortened"] = view.Shortened,
    };

    private static List<KeyValuePair<string, string>> Summary(AlertRequest request)
    {
        var rows = new List<KeyValuePair<string, string>>(6)
        {
            new("Severity", $"{request.Severity.ToString().ToLowerInvariant()} (ServiceNow {ServiceNowSeverity.From(request.Severity, request.Status)})"),
        };
        AddIfPresent(rows, "Application", request.Application);
        AddIfPresent(rows, "Environment", request.Environment);
        AddIfPresent(rows, "Node", request.ConfigurationItem);
        AddIfPresent(rows, "Producer account", ProducerText(request.Producer));
        AddIfPresent(rows, "Account", request.Account is null ? null : request.Region is null ? request.Account : $"{request.Account} ({request.Region})");
        return rows;
    }

    /// <summary>The producer account as people read it: "Payments prod (111111111111)", or the id alone.</summary>
    public static string? ProducerText(AlertProducer? producer) =>
        producer is null ? null : string.IsNullOrEmpty(producer.Name) ? producer.Account : $"{producer.Name} ({producer.Account})";

    private static void AddIfPresent(List<KeyValuePair<string, string>> rows, string name, string? value)
    {
        if (value is not null)
        {
            rows.Add(new(name, value));
        }
    }

    private static (IReadOnlyList<string> Shown, int Omitted) Excerpt(IReadOnlyList<string> lines)
    {
        var shown = 0;
        var characters = 0;
        while (shown < lines.Count && shown < MaxLogLinesShown && characters + lines[shown].Length <= MaxLogCharactersShown)
        {
            characters += lines[shown].Length;
            shown++;
        }

        return (shown == lines.Count ? lines : [.. lines.Take(shown)], lines.Count - shown);
    }

    // The contract already refuses other schemes; checked again because the HTML part must never carry a live non-web link.
    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static ScriptArray Array(IEnumerable<object> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    private static ScriptObject Pair(string firstName, string first, string secondName, string second) => new() { [firstName] = first, [secondName] = second };
}
