using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// EventBridge "CloudWatch Alarm State Change" (single-metric, metric-math, anomaly-detection and composite alarms):
/// ALARM fires, OK resolves, INSUFFICIENT_DATA is ignored or fires at a configured severity.
/// </summary>
internal static partial class AlarmNormaliser
{
    public const string DetailType = "CloudWatch Alarm State Change";

    public static NormaliseResult Normalise(JsonElement envelope, NormaliserOptions options)
    {
        var detail = Json.At(envelope, "detail") ?? default;
        var name = Json.Str(detail, "alarmName");
        var state = Json.Str(detail, "state", "value");
        if (name is null || state is null)
        {
            return NormaliseResult.Fail("cloudwatch-alarm", "normalise alarm event: detail.alarmName and detail.state.value are required");
        }

        var region = Json.Str(envelope, "region");
        var account = Json.Str(envelope, "account");
        var arn = Json.Array(envelope, "resources").Select(Json.SafeString).FirstOrDefault(resource => resource is not null && resource.Contains(":alarm:", StringComparison.Ordinal))
            ?? $"arn:aws:cloudwatch:{region}:{account}:alarm:{name}";
        var (status, severity, note) = StatusOf(state, name, Json.Str(detail, "configuration", "description"), options);
        if (note is not null)
        {
            return new NormaliseResult { TriggerKind = "cloudwatch-alarm", Notes = [note] };
        }

        var stateTime = Json.Time(Json.Str(detail, "state", "timestamp")) ?? Json.Time(Json.Str(envelope, "time")) ?? DateTimeOffset.UnixEpoch;
        var details = Details(detail);
        var request = new AlertRequest
        {
            AlertId = "cwalarm-" + Text.Hash(arn, state, Json.Str(detail, "state", "timestamp") ?? Json.Str(envelope, "id")),
            CorrelationKey = Text.Key(arn),
            Status = status,
            Severity = severity,
            Source = "aws.cloudwatch",
            Title = Text.SingleLine($"{name} is {(state == "ALARM" ? "in ALARM" : state)}", AlertLimits.MaxTitleLength),
            Description = Description(detail),
            ConfigurationItem = ConfigurationItem(detail),
            Account = account is not null && AccountPattern().IsMatch(account) ? account : null,
            Region = region is not null && RegionPattern().IsMatch(region) ? region : null,
            OccurredAt = stateTime,
            Resources = [Text.SingleLine(arn, AlertLimits.MaxResourceLength)],
            Links = region is null ? [] : [new AlertLink("Alarm in the CloudWatch console", $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#alarmsV2:alarm/{Uri.EscapeDataString(name)}")],
            Details = details,
        };
        return new NormaliseResult { TriggerKind = "cloudwatch-alarm", Alerts = [request] };
    }

    private static (AlertStatus Status, AlertSeverity Severity, string? Note) StatusOf(string state, string name, string? description, NormaliserOptions options)
    {
        var severity = options.SeverityRules.FirstOrDefault(rule => rule.Matches(name))?.Severity
            ?? SeverityToken(description)
            ?? options.DefaultSeverity;
        return state switch
        {
            "ALARM" => (AlertStatus.Firing, severity, null),
            "OK" => (AlertStatus.Resolved, severity, null),
            "INSUFFICIENT_DATA" when options.InsufficientDataSeverity is { } configured => (AlertStatus.Firing, configured, null),
            "INSUFFICIENT_DATA" => (AlertStatus.Firing, severity, $"skip alarm {name}: INSUFFICIENT_DATA is ignored (set SNALERT_INSUFFICIENT_DATA to a severity to alert on it)"),
            _ => (AlertStatus.Firing, severity, $"skip alarm {name}: unknown state '{state}'"),
        };
    }

    private static AlertSeverity? SeverityToken(string? description)
    {
        var match = description is null ? null : SeverityTokenPattern().Match(description);
        return match is { Success: true } && Enum.TryParse<AlertSeverity>(match.Groups["level"].Value, ignoreCase: true, out var severity) ? severity : null;
    }

    private static string? Description(JsonElement detail)
    {
        var reason = Json.Str(detail, "state", "reason");
        var alarmDescription = Json.Str(detail, "configuration", "description");
        var rule = Json.Str(detail, "configuration", "alarmRule");
        var text = string.Join("\n\n", new[] { reason, alarmDescription, rule is null ? null : "Alarm rule: " + rule }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return text.Length == 0 ? null : Text.MultiLine(text, AlertLimits.MaxDescriptionLength);
    }

    private static string? ConfigurationItem(JsonElement detail)
    {
        var dimension = Json.Array(detail, "configuration", "metrics")
            .SelectMany(metric => Json.Properties(metric, "metricStat", "metric", "dimensions"))
            .Select(property => Json.SafeString(property.Value))
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
        return dimension is null ? null : Text.SingleLine(dimension, AlertLimits.MaxConfigurationItemLength);
    }

    private static OrderedDictionary<string, string> Details(JsonElement detail)
    {
        var details = new OrderedDictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value) && details.Count < AlertLimits.MaxDetails && !details.ContainsKey(key))
            {
                details[key] = Text.MultiLine(value, AlertLimits.MaxDetailValueLength);
            }
        }

        Add("alarm_name", Json.Str(detail, "alarmName"));
        Add("state", Json.Str(detail, "state", "value"));
        Add("previous_state", Json.Str(detail, "previousState", "value"));
        var metrics = Json.Array(detail, "configuration", "metrics").ToList();
        foreach (var (metric, index) in metrics.Select((metric, index) => (metric, index)))
        {
            var prefix = metrics.Count == 1 ? string.Empty : $"metric{index + 1}_";
            Add(prefix + "namespace", Json.Str(metric, "metricStat", "metric", "namespace"));
            Add(prefix + "metric_name", Json.Str(metric, "metricStat", "metric", "name"));
            Add(prefix + "statistic", Json.Str(metric, "metricStat", "stat"));
            Add(prefix + "period", Json.Str(metric, "metricStat", "period"));
            Add(prefix + "expression", Json.Str(metric, "expression"));
            Add(prefix + "label", Json.Str(metric, "label"));
            var dimensions = string.Join(", ", Json.Properties(metric, "metricStat", "metric", "dimensions").Select(property => $"{property.Name}={Json.SafeString(property.Value)}"));
            Add(prefix + "dimensions", dimensions);
        }

        Add("threshold_metric", Json.Str(detail, "configuration", "thresholdMetricId"));
        Add("alarm_rule", Json.Str(detail, "configuration", "alarmRule"));
        if (Json.Str(detail, "state", "reasonData") is { } reasonData)
        {
            try
            {
                using var data = JsonDocument.Parse(reasonData);
                Add("threshold", Json.Str(data.RootElement, "threshold"));
                Add("evaluated_statistic", Json.Str(data.RootElement, "statistic"));
                var points = Json.Array(data.RootElement, "recentDatapoints").Select(point => point.GetRawText()).ToList();
                Add("recent_datapoints", string.Join(", ", points));
                Add("evaluated_from", Json.Str(data.RootElement, "startDate"));
            }
            catch (JsonException)
            {
                Add("reason_data", reasonData);
            }
        }

        return details;
    }

    [GeneratedRegex(@"severity\s*[:=]\s*(?<level>critical|major|minor|warning|info)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeverityTokenPattern();

    [GeneratedRegex(@"^[0-9]{12}$", RegexOptions.CultureInvariant)]
    internal static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    internal static partial Regex RegionPattern();
}
