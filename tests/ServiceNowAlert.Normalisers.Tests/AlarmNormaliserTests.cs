using System.Text.Json.Nodes;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers.Tests;

public sealed class AlarmNormaliserTests
{
    private static readonly NormaliserOptions Options = new();

    [Fact]
    public void SingleMetricAlarmSample_BecomesOneFiringAlertWithMetricFactsAndAConsoleLink()
    {
        var result = TriggerNormaliser.Normalise(Events.Sample("cloudwatch-alarm-single-metric.json"), Options);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal("cloudwatch-alarm", result.TriggerKind);
        Assert.Equal(AlertStatus.Firing, alert.Status);
        Assert.Equal("ServerCpuTooHigh is in ALARM", alert.Title);
        Assert.Equal("arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh", alert.CorrelationKey);
        Assert.Equal("i-12345678901234567", alert.ConfigurationItem);
        Assert.Equal(("123456789012", "us-east-1"), (alert.Account, alert.Region));
        Assert.Equal("AWS/EC2", alert.Details["namespace"]);
        Assert.Equal("CPUUtilization", alert.Details["metric_name"]);
        Assert.Equal("50.0", alert.Details["threshold"]);
        Assert.Equal("99.50160229693434", alert.Details["recent_datapoints"]);
        Assert.Equal("InstanceId=i-12345678901234567", alert.Details["dimensions"]);
        Assert.StartsWith("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh", alert.Links[0].Url, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2019, 10, 2, 17, 4, 40, 989, TimeSpan.Zero), alert.OccurredAt);
        Assert.Empty(AlertValidator.Validate(alert));
    }

    [Fact]
    public void SameEventDeliveredTwice_GetsTheSameAlertId()
    {
        var first = TriggerNormaliser.Normalise(Events.Sample("cloudwatch-alarm-single-metric.json"), Options).Alerts[0];
        var again = TriggerNormaliser.Normalise(Events.Sample("cloudwatch-alarm-single-metric.json"), Options).Alerts[0];

        Assert.Equal(first.AlertId, again.AlertId);
    }

    [Fact]
    public void OkState_ResolvesWithTheSameCorrelationKeyAndANewAlertId()
    {
        var ok = Events.Alarm();
        ok["detail"]!["state"]!["value"] = "OK";
        ok["detail"]!["state"]!["timestamp"] = "2019-10-02T17:30:00.000+0000";

        var firing = TriggerNormaliser.Normalise(Events.Sample("cloudwatch-alarm-single-metric.json"), Options).Alerts[0];
        var resolved = TriggerNormaliser.Normalise(Events.Bytes(ok), Options).Alerts[0];

        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(firing.CorrelationKey, resolved.CorrelationKey);
        Assert.NotEqual(firing.AlertId, resolved.AlertId);
    }

    [Fact]
    public void InsufficientData_IsIgnoredWithANoteByDefault_AndAlertsWhenConfigured()
    {
        var insufficient = Events.Alarm();
        insufficient["detail"]!["state"]!["value"] = "INSUFFICIENT_DATA";

        var ignored = TriggerNormaliser.Normalise(Events.Bytes(insufficient), Options);
        var alerted = TriggerNormaliser.Normalise(Events.Bytes(insufficient), Options with { InsufficientDataSeverity = AlertSeverity.Warning });

        Assert.Empty(ignored.Alerts);
        Assert.Contains("INSUFFICIENT_DATA is ignored", Assert.Single(ignored.Notes), StringComparison.Ordinal);
        Assert.Equal(AlertSeverity.Warning, Assert.Single(alerted.Alerts).Severity);
    }

    [Fact]
    public void Severity_ComesFromRulesThenTheDescriptionTokenThenTheDefault()
    {
        var tagged = Events.Alarm();
        tagged["detail"]!["configuration"]!["description"] = "CPU too high. severity:critical";

        var byRule = TriggerNormaliser.Normalise(Events.Bytes(tagged), Options with { SeverityRules = [new SeverityRule("Server*High", AlertSeverity.Minor)] }).Alerts[0];
        var byToken = TriggerNormaliser.Normalise(Events.Bytes(tagged), Options).Alerts[0];
        var byDefault = TriggerNormaliser.Normalise(Events.Sample("cloudwatch-alarm-single-metric.json"), Options with { DefaultSeverity = AlertSeverity.Warning }).Alerts[0];

        Assert.Equal((AlertSeverity.Minor, AlertSeverity.Critical, AlertSeverity.Warning), (byRule.Severity, byToken.Severity, byDefault.Severity));
    }

    [Fact]
    public void CompositeAlarmWithoutMetricsOrReasonData_BecomesAnAlertWithItsRule()
    {
        var composite = JsonNode.Parse("""
            {"version":"0","id":"d3dfc86d","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch",
             "account":"123456789012","time":"2022-07-22T15:57:45Z","region":"us-east-1",
             "resources":["arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServiceAggregatedAlarm"],
             "detail":{"alarmName":"ServiceAggregatedAlarm",
               "state":{"actionsSuppressedBy":"WaitPeriod","value":"ALARM","reason":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.FirstChild transitioned to ALARM at Friday 22 July, 2022 15:57:45 UTC","timestamp":"2022-07-22T15:57:45.394+0000"},
               "previousState":{"value":"OK","timestamp":"2022-07-22T15:56:14.552+0000"},
               "configuration":{"alarmRule":"ALARM(SuppressionDemo.EventBridge.FirstChild) OR ALARM(SuppressionDemo.EventBridge.SecondChild)","actionsSuppressor":"ServiceMaintenanceAlarm"}}}
            """)!;

        var alert = Assert.Single(TriggerNormaliser.Normalise(Events.Bytes(composite), Options).Alerts);

        Assert.Contains("ALARM(SuppressionDemo.EventBridge.FirstChild) OR", alert.Details["alarm_rule"], StringComparison.Ordinal);
        Assert.Contains("Alarm rule:", alert.Description, StringComparison.Ordinal);
        Assert.Null(alert.ConfigurationItem);
    }

    [Fact]
    public void MetricMathAlarm_ListsEachMetricAndItsExpression()
    {
        var math = Events.Alarm();
        math["detail"]!["configuration"]!["metrics"] = JsonNode.Parse("""
            [{"id":"e1","expression":"m1/m2*100","label":"Error rate","returnData":true},
             {"id":"m1","metricStat":{"metric":{"namespace":"AWS/ApplicationELB","name":"HTTPCode_Target_5XX_Count","dimensions":{"LoadBalancer":"app/orders/50dc"}},"period":60,"stat":"Sum"},"returnData":false},
             {"id":"m2","metricStat":{"metric":{"namespace":"AWS/ApplicationELB","name":"RequestCount","dimensions":{"LoadBalancer":"app/orders/50dc"}},"period":60,"stat":"Sum"},"returnData":false}]
            """);

        var alert = TriggerNormaliser.Normalise(Events.Bytes(math), Options).Alerts[0];

        Assert.Equal("m1/m2*100", alert.Details["metric1_expression"]);
        Assert.Equal("HTTPCode_Target_5XX_Count", alert.Details["metric2_metric_name"]);
        Assert.Equal("RequestCount", alert.Details["metric3_metric_name"]);
        Assert.Equal("app/orders/50dc", alert.ConfigurationItem);
    }

    [Fact]
    public void HostileAlarmName_IsMadeSafeForHeadersAndStillValid()
    {
        var hostile = Events.Alarm();
        hostile["detail"]!["alarmName"] = "cpu\r\nBcc: attacker@example.com\u0000" + new string('x', 400);

        var alert = Assert.Single(TriggerNormaliser.Normalise(Events.Bytes(hostile), Options).Alerts);

        Assert.DoesNotContain('\n', alert.Title);
        Assert.DoesNotContain('\r', alert.Title);
        Assert.True(alert.Title.Length <= AlertLimits.MaxTitleLength);
        Assert.Empty(AlertValidator.Validate(alert));
    }
}
