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
        // Each object on the way is looked up once; a missing one is the default element, which reads as null.
        var detail = Json.At(envelope, "detail"u8) ?? default;
        var stateElement = Json.At(detail, "state"u8) ?? default;
        var configuration = Json.At(detail, "configuration"u8) ?? default;
        var name = Json.Str(detail, "alarmName"u8);
        var state = Json.Str(stateElement, "value"u8);
        if (name is null || state is null)
        {
            return NormaliseResult.Fail("cloudwatch-alarm", "normalise alarm event: detail.alarmName and detail.state.value are required");
        }

        var region = Json.Str(envelope, "region"u8);
        var account = Json.Str(envelope, "account"u8);
        var arn = AlarmArn(envelope) ?? $"arn:aws:cloudwatch:{region}:{account}:alarm:{name}";
        var description = Json.Str(configuration, "description"u8);
        var (status, severity, note) = StatusOf(state, name, description, options);
        if (note is not null)
        {
            return new NormaliseResult { TriggerKind = "cloudwatch-alarm", Notes = [note] };
        }

        var stateTimestamp = Json.Str(stateElement, "timestamp"u8);
        var stateTime = Json.Time(stateTimestamp) ?? Json.Time(Json.Str(envelope, "time"u8)) ?? DateTimeOffset.UnixEpoch;
        var metrics = Json.At(configuration, "metrics"u8) is { ValueKind: JsonValueKind.Array } array ? array : default;
        var request = new AlertRequest
        {
            AlertId = "cwalarm-" + Text.Hash(arn, state, stateTimestamp ?? Json.Str(envelope, "id"u8)),
            CorrelationKey = Text.Key(arn),
            Status = status,
            Severity = severity,
            Source = "aws.cloudwatch",
            Title = Text.SingleLine(state == "ALARM" ? name + " is in ALARM" : name + " is " + state, AlertLimits.MaxTitleLength),
            Description = Description(stateElement, description, Json.Str(configuration, "alarmRule"u8)),
            ConfigurationItem = ConfigurationItem(metrics),
            Account = account is not null && AccountPattern().IsMatch(account) ? account : null,
            Region = region is not null && RegionPattern().IsMatch(region) ? region : null,
            OccurredAt = stateTime,
            Resources = [Text.SingleLine(arn, AlertLimits.MaxResourceLength)],
            Links = region is null ? [] : [new AlertLink("Alarm in the CloudWatch console", $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#alarmsV2:alarm/{Uri.EscapeDataString(name)}")],
            Details = Details(detail, stateElement, configuration, metrics),
        };
        return new NormaliseResult { TriggerKind = "cloudwatch-alarm", Alerts = [request] };
    }

    private static string? AlarmArn(JsonElement envelope)
    {
        if (Json.At(envelope, "resources"u8) is { ValueKind: JsonValueKind.Array } resources)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (Json.SafeString(resource) is { } text && text.Contains(":alarm:", StringComparison.Ordinal))
                {
                    return text;
                }
            }
        }

        return null;
    }

    private static (AlertStatus Status, AlertSeverity Severity, string? Note) StatusOf(string state, string name, string? description, NormaliserOptions options)
    {
        var severity = RuleSeverity(name, options) ?? SeverityToken(description) ?? options.DefaultSeverity;
        return state switch
        {
            "ALARM" => (AlertStatus.Firing, severity, null),
            "OK" => (AlertStatus.Resolved, severity, null),
            "INSUFFICIENT_DATA" when options.InsufficientDataSeverity is { } configured => (AlertStatus.Firing, configured, null),
            "INSUFFICIENT_DATA" => (AlertStatus.Firing, severity, $"skip alarm {name}: INSUFFICIENT_DATA is ignored (set SNALERT_INSUFFICIENT_DATA to a severity to alert on it)"),
            _ => (AlertStatus.Firing, severity, $"skip alarm {name}: unknown state '{state}'"),
        };
    }

    private static AlertSeverity? RuleSeverity(string name, NormaliserOptions options)
    {
        foreach (var rule in options.SeverityRules)
        {
            if (rule.Matches(name))
            {
                return rule.Severity;
            }
        }

        return null;
    }

    private static AlertSeverity? SeverityToken(string? description)
    {
        // The token needs the word "severity"; most descriptions do not hold it, and then the regex need not run.
        if (description is null || !description.Contains("severity", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var match = SeverityTokenPattern().Match(description);
        return match.Success && Enum.TryParse<AlertSeverity>(match.Groups["level"].Value, ignoreCase: true, out var severity) ? severity : null;
    }

    private static string? Description(JsonElement stateElement, string? alarmDescription, string? rule)
    {
        string? text = null;
        foreach (var part in (ReadOnlySpan<string?>)[Json.Str(stateElement, "reason"u8), alarmDescription, rule is null ? null : "Alarm rule: " + rule])
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                text = text is null ? part : string.Concat(text, "\n\n", part);
            }
        }

        return text is null ? null : Text.MultiLine(text, AlertLimits.MaxDescriptionLength);
    }

    private static string? ConfigurationItem(JsonElement metrics)
    {
        if (metrics.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var metric in metrics.EnumerateArray())
        {
            if (Dimensions(metric) is { } dimensions)
            {
                foreach (var property in dimensions.EnumerateObject())
                {
                    if (Json.SafeString(property.Value) is { Length: > 0 } value)
                    {
                        return Text.SingleLine(value, AlertLimits.MaxConfigurationItemLength);
                    }
                }
            }
        }

        return null;
    }

    private static JsonElement? Dimensions(JsonElement metric) =>
        Json.At(MetricStat(metric), "metric"u8) is { } described && Json.At(described, "dimensions"u8) is { ValueKind: JsonValueKind.Object } dimensions ? dimensions : null;

    private static JsonElement MetricStat(JsonElement metric) => Json.At(metric, "metricStat"u8) ?? default;

    private static OrderedDictionary<string, string> Details(JsonElement detail, JsonElement stateElement, JsonElement configuration, JsonElement metrics)
    {
        var details = new OrderedDictionary<string, string>(16);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value) && details.Count < AlertLimits.MaxDetails)
            {
                details.TryAdd(key, Text.MultiLine(value, AlertLimits.MaxDetailValueLength));
            }
        }

        Add("alarm_name", Json.Str(detail, "alarmName"u8));
        Add("state", Json.Str(stateElement, "value"u8));
        Add("previous_state", Json.Str(Json.At(detail, "previousState"u8) ?? default, "value"u8));
        var count = metrics.ValueKind == JsonValueKind.Array ? metrics.GetArrayLength() : 0;
        for (var index = 0; index < count; index++)
        {
            var metric = metrics[index];
            var metricStat = MetricStat(metric);
            var described = Json.At(metricStat, "metric"u8) ?? default;
            var prefix = count == 1 ? string.Empty : $"metric{index + 1}_";
            Add(prefix + "namespace", Json.Str(described, "namespace"u8));
            Add(prefix + "metric_name", Json.Str(described, "name"u8));
            Add(prefix + "statistic", Json.Str(metricStat, "stat"u8));
            Add(prefix + "period", Json.Str(metricStat, "period"u8));
            Add(prefix + "expression", Json.Str(metric, "expression"u8));
            Add(prefix + "label", Json.Str(metric, "label"u8));
            Add(prefix + "dimensions", DimensionsText(metric));
        }

        Add("threshold_metric", Json.Str(configuration, "thresholdMetricId"u8));
        Add("alarm_rule", Json.Str(configuration, "alarmRule"u8));
        if (Json.Str(stateElement, "reasonData"u8) is { } reasonData)
        {
            if (ReasonData.TryRead(reasonData, out var read))
            {
                Add("threshold", read.Threshold);
                Add("evaluated_statistic", read.Statistic);
                Add("recent_datapoints", read.RecentDatapoints);
                Add("evaluated_from", read.StartDate);
            }
            else
            {
                Add("reason_data", reasonData);
            }
        }

        return details;
    }

    private static string? DimensionsText(JsonElement metric)
    {
        if (Dimensions(metric) is not { } dimensions)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder();
        foreach (var property in dimensions.EnumerateObject())
        {
            builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(property.Name).Append('=').Append(Json.SafeString(property.Value));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"severity\s*[:=]\s*(?<level>critical|major|minor|warning|info)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeverityTokenPattern();

    [GeneratedRegex(@"^[0-9]{12}$", RegexOptions.CultureInvariant)]
    internal static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    internal static partial Regex RegionPattern();
}
