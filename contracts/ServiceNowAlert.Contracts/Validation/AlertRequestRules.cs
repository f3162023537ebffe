using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// Every rule of the v1 request, written once and applied to the request object: to a normaliser's output by
/// <see cref="AlertValidator"/>, and to what <see cref="JsonRequestReader"/> read from JSON, whose problems come out
/// here at their field so that all problems are reported in the order of the fields below.
/// contracts/schemas/alert-request.v1.schema.json publishes the same rules; the ajv agreement test keeps the two in step.
/// </summary>
internal static partial class AlertRequestRules
{
    /// <summary>Records every problem; false when the version is one whose other fields these rules cannot judge.</summary>
    public static bool Check(AlertRequest request, ProblemCollector problems)
    {
        var rules = new FieldRules(problems);
        var version = rules.Text(request.SchemaVersion, "$.schemaVersion", "schemaVersion", 16, TextKind.SingleLine, required: true);
        if (version is not null && !CheckVersion(version, problems))
        {
            return false;
        }

        var alertId = rules.Text(request.AlertId, "$.alertId", "alertId", AlertLimits.MaxAlertIdLength, TextKind.SingleLine, required: true);
        rules.Matches(alertId, "$.alertId", "alertId", IdPattern().IsMatch, "letters, digits and . _ : - starting with a letter or digit");
        rules.Text(request.CorrelationKey, "$.correlationKey", "correlationKey", AlertLimits.MaxCorrelationKeyLength, TextKind.SingleLine, required: true);

        // An enum value is always a member here (AlertValidator sends any other through the JSON form); the reader
        // judged the JSON names and reports what it found in this place.
        problems.Release("$.status");
        problems.Release("$.severity");
        rules.Text(request.Source, "$.source", "source", AlertLimits.MaxSourceLength, TextKind.SingleLine, required: true);
        rules.Text(request.Title, "$.title", "title", AlertLimits.MaxTitleLength, TextKind.SingleLine, required: true);
        rules.Text(request.Description, "$.description", "description", AlertLimits.MaxDescriptionLength, TextKind.MultiLine);
        rules.Text(request.Application, "$.application", "application", AlertLimits.MaxApplicationLength, TextKind.SingleLine);
        rules.Text(request.ConfigurationItem, "$.configurationItem", "configurationItem", AlertLimits.MaxConfigurationItemLength, TextKind.SingleLine);
        rules.Text(request.Environment, "$.environment", "environment", AlertLimits.MaxEnvironmentLength, TextKind.SingleLine);
        var account = rules.Text(request.Account, "$.account", "account", 12, TextKind.SingleLine);
        rules.Matches(account, "$.account", "account", AwsIdentifiers.IsAccountId, "a 12-digit AWS account id");
        var region = rules.Text(request.Region, "$.region", "region", 32, TextKind.SingleLine);
        rules.Matches(region, "$.region", "region", AwsIdentifiers.IsRegion, "an AWS region such as eu-west-1");

        // Any instant is a valid occurredAt, written in UTC; only its JSON text can be wrong, which the reader judged.
        problems.Release("$.occurredAt");
        Strings(rules, request.Resources, "resources", AlertLimits.MaxResources, AlertLimits.MaxResourceLength, allowEmpty: false);
        Links(rules, request.Links);
        Details(rules, request.Details);
        Strings(rules, request.LogExcerpt, "logExcerpt", AlertLimits.MaxLogLines, AlertLimits.MaxLogLineLength, allowEmpty: true);
        Producer(rules, request.Producer);
        var route = rules.Text(request.Route, "$.route", "route", AlertLimits.MaxRouteLength, TextKind.SingleLine);
        rules.Matches(route, "$.route", "route", IdPattern().IsMatch, "a route name (letters, digits and . _ : -), never an address");
        return true;
    }

    private static bool CheckVersion(string version, ProblemCollector problems)
    {
        if (version == AlertSchemaVersion.Current)
        {
            return true;
        }

        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            problems.Add("$.schemaVersion", AlertProblemCodes.BadFormat, $"schemaVersion must look like 'major.minor' (for example {AlertSchemaVersion.Current}); got '{version}'");
            return true;
        }

        var major = int.Parse(match.Groups["major"].ValueSpan, CultureInfo.InvariantCulture);
        if (AlertSchemaVersion.SupportedMajors.Contains(major))
        {
            return true;
        }

        // Other fields mean something else in another major, so judging them by v1 rules would only mislead.
        problems.Add("$.schemaVersion", AlertProblemCodes.UnsupportedVersion, $"schemaVersion {version} is not supported; this reader supports {AlertSchemaVersion.SupportedText}");
        return false;
    }

    private static void Strings(FieldRules rules, IReadOnlyList<string> values, string name, int maxCount, int maxLength, bool allowEmpty)
    {
        var path = "$." + name;
        if (!rules.Count(path, name, values.Count, maxCount))
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            // Paths and labels are built only for an entry that has a problem to report.
            if (values[i] is null || !FieldRules.IsValidText(values[i], maxLength, TextKind.SingleLine, allowEmpty))
            {
                rules.Text(values[i], JsonPath.Index(path, i), $"{name} entry", maxLength, TextKind.SingleLine, allowEmpty: allowEmpty);
            }
        }
    }

    private static void Links(FieldRules rules, IReadOnlyList<AlertLink> links)
    {
        if (!rules.Count("$.links", "links", links.Count, AlertLimits.MaxLinks))
        {
            return;
        }

        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link is { Title: not null, Url: not null } && FieldRules.IsValidText(link.Title, AlertLimits.MaxLinkTitleLength, TextKind.SingleLine, allowEmpty: false) &&
                FieldRules.IsValidText(link.Url, AlertLimits.MaxUrlLength, TextKind.SingleLine, allowEmpty: false) && IsWebUrl(link.Url))
            {
                continue;
            }

            var path = JsonPath.Index("$.links", i);
            if (link is null)
            {
                rules.Problems.Release(path);
                continue;
            }

            rules.Text(link.Title, JsonPath.Property(path, "title"), "title", AlertLimits.MaxLinkTitleLength, TextKind.SingleLine, required: true);
            var url = rules.Text(link.Url, JsonPath.Property(path, "url"), "url", AlertLimits.MaxUrlLength, TextKind.SingleLine, required: true);
            if (url is not null && !IsWebUrl(url))
            {
                rules.Problems.Add(JsonPath.Property(path, "url"), AlertProblemCodes.BadFormat, $"url must be an absolute http or https URL; got '{url}'");
            }
        }
    }

    private static void Producer(FieldRules rules, AlertProducer? producer)
    {
        if (producer is null)
        {
            // A producer of the wrong JSON type reads as none; the reader explained it at this path.
            rules.Problems.Release("$.producer");
            return;
        }

        var account = rules.Text(producer.Account, "$.producer.account", "producer account", 12, TextKind.SingleLine, required: true);
        rules.Matches(account, "$.producer.account", "producer account", AwsIdentifiers.IsAccountId, "a 12-digit AWS account id");
        rules.Text(producer.Name, "$.producer.name", "producer name", AlertLimits.MaxProducerNameLength, TextKind.SingleLine);
    }

    private static void Details(FieldRules rules, OrderedDictionary<string, string> details)
    {
        if (!rules.Count("$.details", "details", details.Count, AlertLimits.MaxDetails))
        {
            return;
        }

        foreach (var (name, value) in details)
        {
            if (IsValidDetailName(name) && value is not null && FieldRules.IsValidText(value, AlertLimits.MaxDetailValueLength, TextKind.MultiLine, allowEmpty: true))
            {
                continue;
            }

            var path = JsonPath.Property("$.details", name);
            if (!IsValidDetailName(name))
            {
                rules.Problems.Add(path, AlertProblemCodes.BadFormat, $"a detail name must be 1 to {AlertLimits.MaxDetailNameLength} characters on one line without control characters");
            }

            rules.Text(value, path, $"detail '{name}'", AlertLimits.MaxDetailValueLength, TextKind.MultiLine, allowEmpty: true);
        }
    }

    public static bool IsValidDetailName(string name) =>
        name.Length > 0 && (TextRules.IsClean(name, TextKind.SingleLine)
            ? name.Length <= AlertLimits.MaxDetailNameLength
            : TextRules.CodePointLength(name) <= AlertLimits.MaxDetailNameLength && TextRules.FindForbiddenInSingleLine(name) < 0 && !TextRules.HasLoneSurrogate(name));

    public static bool IsWebUrl(string url) => PlainWebUrl.Matches(url) || IsWebUrlByUri(url);

    /// <summary>The full check, which <see cref="PlainWebUrl"/> short-cuts for the common shape.</summary>
    internal static bool IsWebUrlByUri(string url) =>
        WebUrlPattern().IsMatch(url) &&
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.Host.Length > 0;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<major>[0-9]{1,4})\.(?<minor>[0-9]{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[hH][tT][tT][pP][sS]?://[^\s/?#]+([/?#][^\s]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WebUrlPattern();
}
