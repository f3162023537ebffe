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

    public static ScriptObject Build(AlertRequest request, bool html)
    {
        string E(string? value) => html ? WebUtility.HtmlEncode(value ?? string.Empty) : value ?? string.Empty;
        var (background, foreground) = SeverityStyle.For(request.Severity, request.Status);
        var (excerpt, omitted) = Excerpt(request.LogExcerpt);
        var model = new ScriptObject
        {
            ["status"] = request.Status == AlertStatus.Resolved ? "resolved" : "firing",
            ["status_label"] = request.Status == AlertStatus.Resolved ? "RESOLVED" : "FIRING",
            ["severity"] = request.Severity.ToString().ToLowerInvariant(),
            ["severity_label"] = request.Severity.ToString().ToUpperInvariant(),
            ["servicenow_severity"] = ServiceNowSeverity.From(request.Severity, request.Status),
            ["severity_color"] = background,
            ["severity_text_color"] = foreground,
            ["title"] = E(request.Title),
            ["description"] = request.Description is null ? null : E(request.Description),
            ["source"] = E(request.Source),
            ["application"] = request.Application is null ? null : E(request.Application),
            ["environment"] = request.Environment is null ? null : E(request.Environment),
            ["configuration_item"] = request.ConfigurationItem is null ? null : E(request.ConfigurationItem),
            ["account"] = request.Account is null ? null : E(request.Account),
            ["region"] = request.Region is null ? null : E(request.Region),
            ["occurred_at"] = request.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            ["alert_id"] = E(request.AlertId),
            ["correlation_key"] = E(request.CorrelationKey),
            ["resources"] = Array(request.Resources.Select(E)),
            ["links"] = Array(request.Links.Where(link => IsWebUrl(link.Url)).Select(link => Pair("title", E(link.Title), "url", E(link.Url)))),
            ["details"] = Array(request.Details.Select(detail => Pair("name", E(detail.Key), "value", E(detail.Value)))),
            ["log_excerpt"] = Array(excerpt.Select(E)),
            ["log_omitted"] = omitted,
            ["servicenow_fields"] = Array(ServiceNowFields.Build(request).Select(field => Pair("name", field.Key, "value", field.Value))),
            ["summary"] = Array(Summary(request).Select(row => Pair("name", E(row.Key), "value", E(row.Value)))),
        };
        return model;
    }

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
