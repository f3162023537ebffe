using System.Text.Json.Nodes;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers.Tests;

/// <summary>Generic EventBridge events keep what AWS's security and health services say about severity, resolution and identity.</summary>
public sealed class WellKnownEventTests
{
    private static readonly NormaliserOptions Options = new() { Region = "eu-west-1", DefaultSeverity = AlertSeverity.Major };

    [Theory]
    [InlineData(9.5, AlertSeverity.Critical)]
    [InlineData(8, AlertSeverity.Major)]
    [InlineData(5, AlertSeverity.Minor)]
    [InlineData(2, AlertSeverity.Warning)]
    [InlineData(0.5, AlertSeverity.Info)]
    [InlineData(42, AlertSeverity.Major)]
    public void GuardDutyFinding_TakesItsSeverityFromGuardDutysScoreBands(double score, AlertSeverity expected)
    {
        var alert = Single(Event("aws.guardduty", "GuardDuty Finding", new JsonObject { ["severity"] = score, ["title"] = "probe", ["arn"] = "arn:aws:guardduty:us-east-1:123456789012:detector/d/finding/f1" }));

        Assert.Equal(expected, alert.Severity);
    }

    [Fact]
    public void GuardDutyFindingUpdates_ShareOneCorrelationKeyFromTheFindingArn()
    {
        var first = Single(Event("aws.guardduty", "GuardDuty Finding", new JsonObject { ["severity"] = 5, ["title"] = "first seen", ["arn"] = "arn:aws:guardduty:us-east-1:123456789012:detector/d/finding/f1" }, id: "e1"));
        var update = Single(Event("aws.guardduty", "GuardDuty Finding", new JsonObject { ["severity"] = 5, ["title"] = "seen again", ["arn"] = "arn:aws:guardduty:us-east-1:123456789012:detector/d/finding/f1" }, id: "e2"));

        Assert.Equal(first.CorrelationKey, update.CorrelationKey);
        Assert.NotEqual(first.AlertId, update.AlertId);
    }

    [Fact]
    public void HealthEvent_OpenFiresAndClosedResolvesTheSameEventWithItsDescription()
    {
        JsonObject Health(string status) => new()
        {
            ["eventArn"] = "arn:aws:health:af-south-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_7f35c8ae",
            ["service"] = "EC2",
            ["eventTypeCode"] = "AWS_EC2_OPERATIONAL_ISSUE",
            ["statusCode"] = status,
            ["eventDescription"] = new JsonArray(new JsonObject { ["language"] = "en_US", ["latestDescription"] = "We are investigating increased API error rates." }),
        };

        var open = Single(Event("aws.health", "AWS Health Event", Health("open"), id: "h1"));
        var closed = Single(Event("aws.health", "AWS Health Event", Health("closed"), id: "h2"));

        Assert.Equal((AlertStatus.Firing, AlertStatus.Resolved), (open.Status, closed.Status));
        Assert.Equal(open.CorrelationKey, closed.CorrelationKey);
        Assert.Equal("We are investigating increased API error rates.", open.Description);
    }

    [Theory]
    [InlineData("""{"severity":"HIGH","title":"CVE-2026-0001 in openssl"}""", AlertSeverity.Major)]
    [InlineData("""{"severity":"critical"}""", AlertSeverity.Critical)]
    [InlineData("""{"severity":{"score":1,"description":"Low"}}""", AlertSeverity.Warning)]
    [InlineData("""{"findings":[{"Id":"arn:aws:securityhub:finding/1","Severity":{"Label":"INFORMATIONAL"}}]}""", AlertSeverity.Info)]
    [InlineData("""{"severity":"loud"}""", AlertSeverity.Major)]
    [InlineData("""{"severity":5}""", AlertSeverity.Major)]
    [InlineData("""{}""", AlertSeverity.Major)]
    public void SeverityLabels_AreReadAndAnythingElseKeepsTheConfiguredDefault(string detail, AlertSeverity expected)
    {
        // A bare number from a source other than GuardDuty is not on GuardDuty's scale (syslog's 5 is "notice").
        var alert = Single(Event("my.app", "Scan Finding", JsonNode.Parse(detail)!.AsObject()));

        Assert.Equal(expected, alert.Severity);
    }

    private static AlertRequest Single(JsonObject envelope) => Assert.Single(TriggerNormaliser.Normalise(Events.Bytes(envelope), Options).Alerts);

    private static JsonObject Event(string source, string detailType, JsonObject detail, string id = "7bf73129") => new()
    {
        ["version"] = "0",
        ["id"] = id,
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = "123456789012",
        ["time"] = "2026-11-25T03:00:00Z",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray(),
        ["detail"] = detail,
    };
}
