using System.Buffers;
using System.Globalization;
using System.Text;
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

    public const string Source = "aws.cloudwatch";

    private static readonly SearchValues<string> SeverityWord = SearchValues.Create(["severity"], StringComparison.OrdinalIgnoreCase);

    public static NormaliseResult Normalise(AlarmEvent alarm, NormaliserOptions options)
    {
        var (name, state) = (alarm.AlarmName, alarm.StateValue);
        if (name is null || state is null)
        {
            return NormaliseResult.Fail("cloudwatch-alarm", "normalise alarm event: detail.alarmName and detail.state.value are required");
        }

        var (region, account) = (alarm.Region, alarm.Account);
        var arn = alarm.AlarmArn ?? $"arn:aws:cloudwatch:{region}:{account}:alarm:{name}";
        var (status, severity, note) = StatusOf(state, name, alarm.Description, options);
        if (note is not null)
        {
            return new NormaliseResult { TriggerKind = "cloudwatch-alarm", Notes = [note] };
        }

        var request = new AlertRequest
        {
            AlertId = "cwalarm-" + Text.Hash(arn, state, alarm.StateTimestamp ?? alarm.Id),
            CorrelationKey = Text.Key(arn),
            Status = status,
            Severity = severity,
            Source = AlarmNormaliser.Source,
            Title = Text.SingleLine(state == "ALARM" ? name + " is in ALARM" : name + " is " + state, AlertLimits.MaxTitleLength),
            Description = Description(alarm),
            ConfigurationItem = ConfigurationItem(alarm.Metrics),
            Account = AwsIdentifiers.IsAccountId(account) ? account : null,
            Region = AwsIdentifiers.IsRegion(region) ? region : null,
            OccurredAt = Json.Time(alarm.StateTimestamp) ?? Json.Time(alarm.Time) ?? DateTimeOffset.UnixEpoch,
            Resources = [Text.SingleLine(arn, AlertLimits.MaxResourceLength)],
            Links = region is null ? [] : [new AlertLink("Alarm in the CloudWatch console", $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#alarmsV2:alarm/{Uri.EscapeDataString(name)}")],
            Details = Details(alarm),
        };
        return new NormaliseResult { TriggerKind = "cloudwatch-alarm", Alerts = [request] };
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
        if (description is null || !description.AsSpan().ContainsAny(SeverityWord))
        {
            return null;
        }

        var match = SeverityTokenPattern().Match(description);
        return match.Success && Enum.TryParse<AlertSeverity>(match.Groups["level"].Value, ignoreCase: true, out var severity) ? severity : null;
    }

    private static string? Description(AlarmEvent alarm)
    {
        string? text = null;
        foreach (var part in (ReadOnlySpan<string?>)[alarm.StateReason, alarm.Description, alarm.AlarmRule is null ? null : "Alarm rule: " + alarm.AlarmRule])
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                text = text is null ? part : string.Concat(text, "\n\n", part);
            }
        }

        return text is null ? null : Text.MultiLine(text, AlertLimits.MaxDescriptionLength);
    }

    private static string? ConfigurationItem(List<AlarmMetric>? metrics)
    {
        foreach (var metric in metrics ?? [])
        {
            foreach (var (_, value) in metric.Dimensions ?? [])
            {
                if (!string.IsNullOrEmpty(value))
                {
                    return Text.SingleLine(value, AlertLimits.MaxConfigurationItemLength);
                }
            }
        }

        return null;
    }

    private static OrderedDictionary<string, string> Details(AlarmEvent alarm)
    {
        var details = new OrderedDictionary<string, string>(16);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value) && details.Count < AlertLimits.MaxDetails)
            {
                details.TryAdd(key, Text.MultiLine(value, AlertLimits.MaxDetailValueLength));
            }
        }

        Add("alarm_name", alarm.AlarmName);
        Add("state", alarm.StateValue);
        Add("previous_state", alarm.PreviousStateValue);
        var metrics = alarm.Metrics ?? [];
        for (var index = 0; index < metrics.Count; index++)
        {
            var metric = metrics[index];
            var prefix = metrics.Count == 1 ? string.Empty : $"metric{index + 1}_";
            Add(prefix + "namespace", metric.Namespace);
            Add(prefix + "metric_name", metric.Name);
            Add(prefix + "statistic", metric.Stat);
            Add(prefix + "period", metric.Period);
            Add(prefix + "expression", metric.Expression);
            Add(prefix + "label", metric.Label);
            Add(prefix + "dimensions", Dimensions(metric.Dimensions));
        }

        Add("threshold_metric", alarm.ThresholdMetricId);
        Add("alarm_rule", alarm.AlarmRule);
        if (alarm.StateReasonData is not { } text)
        {
            return details;
        }

        if (ReasonData.TryRead(text, out var data))
        {
            Add("threshold", data.Threshold);
            Add("evaluated_statistic", data.Statistic);
            Add("recent_datapoints", data.RecentDatapoints);
            Add("evaluated_from", data.StartDate);
        }
        else
        {
            Add("reason_data", text);
        }

        return details;
    }

    private static string? Dimensions(List<KeyValuePair<string, string?>>? dimensions)
    {
        if (dimensions is null)
        {
            return null;
        }

        if (dimensions.Count == 1)
        {
            return string.Concat(dimensions[0].Key, "=", dimensions[0].Value);
        }

        var joined = new StringBuilder();
        foreach (var (key, value) in dimensions)
        {
            joined.Append(joined.Length == 0 ? string.Empty : ", ").Append(key).Append('=').Append(value);
        }

        return joined.ToString();
    }

    [GeneratedRegex(@"severity\s*[:=]\s*(?<level>critical|major|minor|warning|info)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeverityTokenPattern();
}
