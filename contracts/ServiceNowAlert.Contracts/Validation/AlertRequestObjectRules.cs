namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// The rules of <see cref="AlertRequestRules"/> applied to a request built in code, field by field, without writing it
/// as JSON and reading it back (which cost a normaliser most of its time). The problems, their order, paths and messages
/// are the same as the reader reports for the request's JSON form; <c>AlertValidatorTests</c> holds the two equal over
/// generated valid and invalid requests. What only the JSON form can judge (a null entry, an enum value with no name,
/// an unpaired surrogate, which the writer replaces) is left to that form: <see cref="TryCheck"/> then returns false.
/// </summary>
internal static class AlertRequestObjectRules
{
    public static bool TryCheck(AlertRequest request, ProblemCollector problems)
    {
        if (!IsPlain(request))
        {
            return false;
        }

        var rules = new ElementRules(problems);
        var version = Text(rules, request.SchemaVersion, "$.schemaVersion", "schemaVersion", required: true, 16, TextKind.SingleLine);
        if (version is not null && !AlertRequestRules.CheckVersion(version, rules))
        {
            return true;
        }

        var alertId = Text(rules, request.AlertId, "$.alertId", "alertId", required: true, AlertLimits.MaxAlertIdLength, TextKind.SingleLine);
        rules.Matches(alertId, "$.alertId", "alertId", AlertRequestRules.IdPattern(), "letters, digits and . _ : - starting with a letter or digit");
        Text(rules, request.CorrelationKey, "$.correlationKey", "correlationKey", required: true, AlertLimits.MaxCorrelationKeyLength, TextKind.SingleLine);
        Text(rules, request.Source, "$.source", "source", required: true, AlertLimits.MaxSourceLength, TextKind.SingleLine);
        Text(rules, request.Title, "$.title", "title", required: true, AlertLimits.MaxTitleLength, TextKind.SingleLine);
        Text(rules, request.Description, "$.description", "description", required: false, AlertLimits.MaxDescriptionLength, TextKind.MultiLine);
        Text(rules, request.Application, "$.application", "application", required: false, AlertLimits.MaxApplicationLength, TextKind.SingleLine);
        Text(rules, request.ConfigurationItem, "$.configurationItem", "configurationItem", required: false, AlertLimits.MaxConfigurationItemLength, TextKind.SingleLine);
        Text(rules, request.Environment, "$.environment", "environment", required: false, AlertLimits.MaxEnvironmentLength, TextKind.SingleLine);
        var account = Text(rules, request.Account, "$.account", "account", required: false, 12, TextKind.SingleLine);
        rules.Matches(account, "$.account", "account", AlertRequestRules.AccountPattern(), "a 12-digit AWS account id");
        var region = Text(rules, request.Region, "$.region", "region", required: false, 32, TextKind.SingleLine);
        rules.Matches(region, "$.region", "region", AlertRequestRules.RegionPattern(), "an AWS region such as eu-west-1");

        // occurredAt: the writer always produces an RFC 3339 UTC timestamp, which the reader accepts.
        Strings(rules, request.Resources, "resources", AlertLimits.MaxResources, AlertLimits.MaxResourceLength, allowEmpty: false);
        Links(rules, request.Links);
        Details(rules, request.Details);
        Strings(rules, request.LogExcerpt, "logExcerpt", AlertLimits.MaxLogLines, AlertLimits.MaxLogLineLength, allowEmpty: true);
        var route = Text(rules, request.Route, "$.route", "route", required: false, AlertLimits.MaxRouteLength, TextKind.SingleLine);
        rules.Matches(route, "$.route", "route", AlertRequestRules.IdPattern(), "a route name (letters, digits and . _ : -), never an address");
        return true;
    }

    private static string? Text(ElementRules rules, string? value, string path, string name, bool required, int maxLength, TextKind kind)
    {
        if (value is null)
        {
            if (required)
            {
                rules.Problems.Add(path, AlertProblemCodes.Required, $"{name} is required");
            }

            return null;
        }

        return ElementRules.IsValidText(value, maxLength, kind, allowEmpty: false) ? value : rules.Text(value, path, name, maxLength, kind, allowEmpty: false);
    }

    private static void Strings(ElementRules rules, IReadOnlyList<string> values, string name, int maxCount, int maxLength, bool allowEmpty)
    {
        if (values.Count == 0)
        {
            return;
        }

        var path = "$." + name;
        rules.Count(path, name, values.Count, maxCount);
        for (var i = 0; i < values.Count; i++)
        {
            if (!ElementRules.IsValidText(values[i], maxLength, TextKind.SingleLine, allowEmpty))
            {
                rules.Text(values[i], JsonPath.Index(path, i), $"{name} entry", maxLength, TextKind.SingleLine, allowEmpty);
            }
        }
    }

    private static void Links(ElementRules rules, IReadOnlyList<AlertLink> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        rules.Count("$.links", "links", links.Count, AlertLimits.MaxLinks);
        for (var i = 0; i < links.Count; i++)
        {
            var (title, url) = (links[i].Title, links[i].Url);
            if (title is not null && url is not null && ElementRules.IsValidText(title, AlertLimits.MaxLinkTitleLength, TextKind.SingleLine, allowEmpty: false) &&
                ElementRules.IsValidText(url, AlertLimits.MaxUrlLength, TextKind.SingleLine, allowEmpty: false) && AlertRequestRules.IsWebUrl(url))
            {
                continue;
            }

            var path = JsonPath.Index("$.links", i);
            Text(rules, links[i].Title, JsonPath.Property(path, "title"), "title", required: true, AlertLimits.MaxLinkTitleLength, TextKind.SingleLine);
            AlertRequestRules.CheckUrl(Text(rules, links[i].Url, JsonPath.Property(path, "url"), "url", required: true, AlertLimits.MaxUrlLength, TextKind.SingleLine), path, rules);
        }
    }

    private static void Details(ElementRules rules, OrderedDictionary<string, string> details)
    {
        if (details.Count == 0)
        {
            return;
        }

        rules.Count("$.details", "details", details.Count, AlertLimits.MaxDetails);
        foreach (var (name, value) in details)
        {
            // Paths and labels are built only for a detail that has a problem to report.
            if (AlertRequestRules.IsValidDetailName(name) && ElementRules.IsValidText(value, AlertLimits.MaxDetailValueLength, TextKind.MultiLine, allowEmpty: true))
            {
                continue;
            }

            var path = JsonPath.Property("$.details", name);
            AlertRequestRules.CheckDetailName(name, path, rules);
            rules.Text(value, path, $"detail '{name}'", AlertLimits.MaxDetailValueLength, TextKind.MultiLine, allowEmpty: true);
        }
    }

    /// <summary>True when every value is one the JSON form writes as the same string, so judging the object is exact.</summary>
    private static bool IsPlain(AlertRequest request)
    {
        if (!Enum.IsDefined(request.Status) || !Enum.IsDefined(request.Severity))
        {
            return false;
        }

        foreach (var value in (ReadOnlySpan<string?>)[request.SchemaVersion, request.AlertId, request.CorrelationKey, request.Source, request.Title, request.Description, request.Application, request.ConfigurationItem, request.Environment, request.Account, request.Region, request.Route])
        {
            if (value is not null && HasUnpairedSurrogate(value))
            {
                return false;
            }
        }

        return AllPlain(request.Resources) && AllPlain(request.LogExcerpt) && LinksPlain(request.Links) && DetailsPlain(request.Details);
    }

    private static bool AllPlain(IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            if (value is null || HasUnpairedSurrogate(value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LinksPlain(IReadOnlyList<AlertLink> links)
    {
        foreach (var link in links)
        {
            if (link is null || (link.Title is not null && HasUnpairedSurrogate(link.Title)) || (link.Url is not null && HasUnpairedSurrogate(link.Url)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DetailsPlain(OrderedDictionary<string, string> details)
    {
        foreach (var (name, value) in details)
        {
            if (value is null || HasUnpairedSurrogate(name) || HasUnpairedSurrogate(value))
            {
                return false;
            }
        }

        return true;
    }

    // An unpaired surrogate is written as U+FFFD, so only the JSON form can say what the reader will see.
    private static bool HasUnpairedSurrogate(string value) => TextRules.HasLoneSurrogate(value);
}
