using System.Globalization;
using System.Net;
using Scriban.Runtime;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// Turns a request into the values templates see: an <see cref="AlertView"/> for the compiled defaults and, for override
/// templates, plain <see cref="ScriptObject"/>s of strings and numbers, never the .NET objects (AOT-safe, and a template
/// can reach nothing else). For HTML every string is escaped here, before any template runs, so an override template
/// cannot forget to.
/// </summary>
internal static class AlertModelBuilder
{
    /// <summary>Log lines shown at most; the rest is counted and the count is stated in the email.</summary>
    public const int MaxLogLinesShown = 50;

    /// <summary>Characters of log excerpt shown at most, so a body stays far below ServiceNow's limit.</summary>
    public const int MaxLogCharactersShown = 64 * 1024;

    public static AlertView View(AlertRequest request, bool html, IReadOnlyList<KeyValuePair<string, string>>? serviceNowFields = null)
    {
        string E(string? value) => html ? WebUtility.HtmlEncode(value ?? string.Empty) : value ?? string.Empty;
        string? Optional(string? value) => value is null ? null : E(value);
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
            Title = E(request.Title),
            Description = Optional(request.Description),
            Source = E(request.Source),
            Application = Optional(request.Application),
            Environment = Optional(request.Environment),
            ConfigurationItem = Optional(request.ConfigurationItem),
            Account = Optional(request.Account),
            Region = Optional(request.Region),
            OccurredAt = request.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            AlertId = E(request.AlertId),
            CorrelationKey = E(request.CorrelationKey),
            Resources = [.. request.Resources.Select(E)],
            Links = [.. request.Links.Where(link => IsWebUrl(link.Url)).Select(link => new KeyValuePair<string, string>(E(link.Title), E(link.Url)))],
            Details = [.. request.Details.Select(detail => new KeyValuePair<string, string>(E(detail.Key), E(detail.Value)))],
            LogExcerpt = [.. excerpt.Select(E)],
            LogOmitted = omitted,
            ServiceNowFields = serviceNowFields ?? ServiceNowFields.Build(request),
            Summary = [.. Summary(request).Select(row => new KeyValuePair<string, string>(E(row.Key), E(row.Value)))],
        };
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
    };

    private static IEnumerable<KeyValuePair<string, string>> Summary(AlertRequest request)
    {
        yield return new("Severity", $"{request.Severity.ToString().ToLowerInvariant()} (ServiceNow {ServiceNowSeverity.From(request.Severity, request.Status)})");
        foreach (var (name, value) in new[]
        {
            ("Application", request.Application), ("Environment", request.Environment), ("Node", request.ConfigurationItem),
            ("Account", request.Account is null ? null : request.Region is null ? request.Account : $"{request.Account} ({request.Region})"),
        })
        {
            if (value is not null)
            {
                yield return new(name, value);
            }
        }
    }

    private static (IReadOnlyList<string> Shown, int Omitted) Excerpt(IReadOnlyList<string> lines)
    {
        var shown = new List<string>();
        var characters = 0;
        foreach (var line in lines.Take(MaxLogLinesShown))
        {
            if (characters + line.Length > MaxLogCharactersShown)
            {
                break;
            }

            shown.Add(line);
            characters += line.Length;
        }

        return (shown, lines.Count - shown.Count);
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
