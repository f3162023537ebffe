using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// Every rule of the v1 request, applied to the parsed JSON so that wrong types and broken limits are all reported in
/// one pass. contracts/schemas/alert-request.v1.schema.json states the same rules; a test keeps the two in step.
/// </summary>
internal static partial class AlertRequestRules
{
    private static readonly string[] Statuses = ["firing", "resolved"];
    private static readonly string[] Severities = ["critical", "major", "minor", "warning", "info"];

    public static void Check(JsonElement root, ProblemCollector problems)
    {
        var rules = new ElementRules(problems);
        const string path = JsonPath.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, AlertProblemCodes.WrongType, $"the alert request must be a JSON object, not {ElementRules.Describe(root.ValueKind)}");
            return;
        }

        if (!CheckVersion(root, rules))
        {
            return;
        }

        var alertId = rules.Text(root, path, "alertId", required: true, AlertLimits.MaxAlertIdLength, TextKind.SingleLine);
        rules.Matches(alertId, "$.alertId", "alertId", IdPattern(), "letters, digits and . _ : - starting with a letter or digit");
        rules.Text(root, path, "correlationKey", required: true, AlertLimits.MaxCorrelationKeyLength, TextKind.SingleLine);
        rules.OneOf(root, path, "status", Statuses);
        rules.OneOf(root, path, "severity", Severities);
        rules.Text(root, path, "source", required: true, AlertLimits.MaxSourceLength, TextKind.SingleLine);
        rules.Text(root, path, "title", required: true, AlertLimits.MaxTitleLength, TextKind.SingleLine);
        rules.Text(root, path, "description", required: false, AlertLimits.MaxDescriptionLength, TextKind.MultiLine);
        rules.Text(root, path, "application", required: false, AlertLimits.MaxApplicationLength, TextKind.SingleLine);
        rules.Text(root, path, "configurationItem", required: false, AlertLimits.MaxConfigurationItemLength, TextKind.SingleLine);
        rules.Text(root, path, "environment", required: false, AlertLimits.MaxEnvironmentLength, TextKind.SingleLine);
        var account = rules.Text(root, path, "account", required: false, 12, TextKind.SingleLine);
        rules.Matches(account, "$.account", "account", AccountPattern(), "a 12-digit AWS account id");
        var region = rules.Text(root, path, "region", required: false, 32, TextKind.SingleLine);
        rules.Matches(region, "$.region", "region", RegionPattern(), "an AWS region such as eu-west-1");
        CheckOccurredAt(root, rules);
        CheckStrings(root, rules, "resources", AlertLimits.MaxResources, AlertLimits.MaxResourceLength, allowEmpty: false);
        CheckLinks(root, rules);
        CheckDetails(root, rules);
        CheckStrings(root, rules, "logExcerpt", AlertLimits.MaxLogLines, AlertLimits.MaxLogLineLength, allowEmpty: true);
        var route = rules.Text(root, path, "route", required: false, AlertLimits.MaxRouteLength, TextKind.SingleLine);
        rules.Matches(route, "$.route", "route", IdPattern(), "a route name (letters, digits and . _ : -), never an address");
    }

    private static bool CheckVersion(JsonElement root, ElementRules rules)
    {
        var version = rules.Text(root, JsonPath.Root, "schemaVersion", required: true, 16, TextKind.SingleLine);
        return version is null || CheckVersion(version, rules);
    }

    /// <summary>False when the version is one whose other fields this reader cannot judge.</summary>
    public static bool CheckVersion(string version, ElementRules rules)
    {
        if (version == AlertSchemaVersion.Current)
        {
            return true;
        }

        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            rules.Problems.Add("$.schemaVersion", AlertProblemCodes.BadFormat, $"schemaVersion must look like 'major.minor' (for example {AlertSchemaVersion.Current}); got '{version}'");
            return true;
        }

        var major = int.Parse(match.Groups["major"].ValueSpan, CultureInfo.InvariantCulture);
        if (AlertSchemaVersion.SupportedMajors.Contains(major))
        {
            return true;
        }

        // Other fields mean something else in another major, so judging them by v1 rules would only mislead.
        rules.Problems.Add("$.schemaVersion", AlertProblemCodes.UnsupportedVersion, $"schemaVersion {version} is not supported; this reader supports {AlertSchemaVersion.SupportedText}");
        return false;
    }

    private static void CheckOccurredAt(JsonElement root, ElementRules rules)
    {
        var text = rules.Text(root, JsonPath.Root, "occurredAt", required: true, 40, TextKind.SingleLine);
        if (text is not null && (!TimestampPattern().IsMatch(text) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            rules.Problems.Add("$.occurredAt", AlertProblemCodes.BadFormat, $"occurredAt must be an RFC 3339 UTC timestamp such as 2026-11-25T03:00:00Z; got '{text}'");
        }
    }

    private static void CheckStrings(JsonElement root, ElementRules rules, string name, int maxCount, int maxLength, bool allowEmpty)
    {
        var array = rules.Container(root, JsonPath.Root, name, JsonValueKind.Array, maxCount);
        if (array is null)
        {
            return;
        }

        var index = 0;
        foreach (var item in array.Value.EnumerateArray())
        {
            var path = JsonPath.Index(JsonPath.Property(JsonPath.Root, name), index++);
            rules.Text(item, path, $"{name} entry", maxLength, TextKind.SingleLine, allowEmpty);
        }
    }

    private static void CheckLinks(JsonElement root, ElementRules rules)
    {
        var links = rules.Container(root, JsonPath.Root, "links", JsonValueKind.Array, AlertLimits.MaxLinks);
        if (links is null)
        {
            return;
        }

        var index = 0;
        foreach (var link in links.Value.EnumerateArray())
        {
            var path = JsonPath.Index("$.links", index++);
            if (link.ValueKind != JsonValueKind.Object)
            {
                rules.Problems.Add(path, AlertProblemCodes.WrongType, $"a link must be an object with title and url, not {ElementRules.Describe(link.ValueKind)}");
                continue;
            }

            rules.Text(link, path, "title", required: true, AlertLimits.MaxLinkTitleLength, TextKind.SingleLine);
            CheckUrl(rules.Text(link, path, "url", required: true, AlertLimits.MaxUrlLength, TextKind.SingleLine), path, rules);
        }
    }

    public static void CheckUrl(string? url, string linkPath, ElementRules rules)
    {
        if (url is not null && !IsWebUrl(url))
        {
            rules.Problems.Add(JsonPath.Property(linkPath, "url"), AlertProblemCodes.BadFormat, $"url must be an absolute http or https URL; got '{url}'");
        }
    }

    private static void CheckDetails(JsonElement root, ElementRules rules)
    {
        var details = rules.Container(root, JsonPath.Root, "details", JsonValueKind.Object, AlertLimits.MaxDetails);
        if (details is null)
        {
            return;
        }

        foreach (var detail in details.Value.EnumerateObject())
        {
            var path = JsonPath.Property("$.details", detail.Name);
            CheckDetailName(detail.Name, path, rules);
            rules.Text(detail.Value, path, $"detail '{detail.Name}'", AlertLimits.MaxDetailValueLength, TextKind.MultiLine, allowEmpty: true);
        }
    }

    public static bool IsValidDetailName(string name) =>
        name.Length > 0 && (TextRules.IsClean(name, TextKind.SingleLine)
            ? name.Length <= AlertLimits.MaxDetailNameLength
            : TextRules.CodePointLength(name) <= AlertLimits.MaxDetailNameLength && TextRules.FindForbiddenInSingleLine(name) < 0 && !TextRules.HasLoneSurrogate(name));

    public static void CheckDetailName(string name, string path, ElementRules rules)
    {
        if (!IsValidDetailName(name))
        {
            rules.Problems.Add(path, AlertProblemCodes.BadFormat, $"a detail name must be 1 to {AlertLimits.MaxDetailNameLength} characters on one line without control characters");
        }
    }

    public static bool IsWebUrl(string url) => PlainWebUrl.Matches(url) || IsWebUrlByUri(url);

    /// <summary>The full check, which <see cref="PlainWebUrl"/> short-cuts for the common shape.</summary>
    internal static bool IsWebUrlByUri(string url) =>
        WebUrlPattern().IsMatch(url) &&
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.Host.Length > 0;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:\-]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<major>[0-9]{1,4})\.(?<minor>[0-9]{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[0-9]{12}$", RegexOptions.CultureInvariant)]
    internal static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    internal static partial Regex RegionPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|\+00:00)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^[hH][tT][tT][pP][sS]?://[^\s/?#]+([/?#][^\s]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WebUrlPattern();
}
