using System.Text;
using System.Text.Json.Nodes;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers.Tests;

public sealed class OtherTriggerTests
{
    private static readonly NormaliserOptions Options = new() { Region = "eu-west-1" };

    [Fact]
    public void LogsSample_BecomesOneAlertWithCountTimesAndExcerpt()
    {
        var alert = Assert.Single(TriggerNormaliser.Normalise(Events.Sample("cloudwatch-logs-subscription.json"), Options).Alerts);

        Assert.Equal("2 log events matched testFilter in testLogGroup", alert.Title);
        Assert.Equal(["[ERROR] First test message", "[ERROR] Second test message"], alert.LogExcerpt);
        Assert.Equal("2", alert.Details["event_count"]);
        Assert.Equal("logs:testLogGroup:testLogStream:testFilter", alert.CorrelationKey);
    }

    [Fact]
    public void LogsBatchOf5000Events_IsOneBoundedAlertThatSaysHowMuchWasLeftOut()
    {
        var alert = Assert.Single(TriggerNormaliser.Normalise(Events.LogsPayload("DATA_MESSAGE", 5000), Options).Alerts);

        Assert.Equal(40, alert.LogExcerpt.Count);
        Assert.Equal("5000", alert.Details["event_count"]);
        Assert.Equal("4960", alert.Details["events_left_out_of_excerpt"]);
        Assert.Contains("4960 are left out", alert.Description, StringComparison.Ordinal);
        Assert.Empty(AlertValidator.Validate(alert));
    }

    [Fact]
    public void LogsControlMessage_IsIgnoredWithANote()
    {
        var result = TriggerNormaliser.Normalise(Events.LogsPayload("CONTROL_MESSAGE", 1), Options);

        Assert.False(result.Failed);
        Assert.Empty(result.Alerts);
        Assert.Contains("CONTROL_MESSAGE", Assert.Single(result.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void LogsThatDecompressToMoreThanTheCap_AreRefusedNotExpanded()
    {
        var bomb = Events.Bytes(new JsonObject { ["awslogs"] = new JsonObject { ["data"] = Convert.ToBase64String(Events.Gzip(new byte[64 * 1024 * 1024])) } });

        var result = TriggerNormaliser.Normalise(bomb, Options);

        Assert.True(result.Failed);
        Assert.Contains("decompresses to more than", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"awslogs\":{\"data\":\"not base64!\"}}", "not base64 gzip")]
    [InlineData("{\"hello\":\"world\"}", "expected an EventBridge event")]
    [InlineData("42", "expected an EventBridge event")]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "the array is empty")]
    public void UnrecognisableInput_IsAStructuredErrorNamingWhatWasExpected(string payload, string expected)
    {
        var result = TriggerNormaliser.Normalise(Encoding.UTF8.GetBytes(payload), Options);

        Assert.True(result.Failed);
        Assert.Empty(result.Alerts);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void GuardDutyFinding_BecomesAGenericAlertWithFlattenedDetail()
    {
        var finding = JsonNode.Parse("""
            {"version":"0","id":"c8c4daa7-a20c-2f03-0070-b7393dd542ad","detail-type":"GuardDuty Finding","source":"aws.guardduty",
             "account":"123456789012","time":"2026-11-25T03:00:00Z","region":"us-east-1","resources":[],
             "detail":{"schemaVersion":"2.0","type":"UnauthorizedAccess:EC2/SSHBruteForce","severity":5,"title":"198.51.100.0 is performing SSH brute force attacks against i-99999999.",
               "description":"198.51.100.0 is performing SSH brute force attacks against i-99999999.","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-99999999"}}}}
            """)!;

        var alert = Assert.Single(TriggerNormaliser.Normalise(Events.Bytes(finding), Options).Alerts);

        Assert.Equal("aws.guardduty", alert.Source);
        Assert.StartsWith("GuardDuty Finding: 198.51.100.0 is performing", alert.Title, StringComparison.Ordinal);
        Assert.Equal("i-99999999", alert.Details["resource.instanceDetails.instanceId"]);
        Assert.Equal("UnauthorizedAccess:EC2/SSHBruteForce", alert.Details["type"]);
        Assert.Equal("event-", alert.AlertId[..6]);
    }

    [Fact]
    public void HugeGenericDetail_IsCappedAndSaysHowManyFieldsWereLeftOut()
    {
        var detail = new JsonObject();
        for (var i = 0; i < 200; i++)
        {
            detail[$"field{i}"] = i;
        }

        var alert = TriggerNormaliser.Normalise(Events.Bytes(new JsonObject { ["version"] = "0", ["id"] = "1", ["detail-type"] = "Big", ["source"] = "my.app", ["detail"] = detail }), Options).Alerts[0];

        Assert.Equal(AlertLimits.MaxDetails, alert.Details.Count);
        Assert.Equal("137 more fields not shown", alert.Details["_omitted_fields"]);
    }

    [Fact]
    public void CustomAppEvent_UsesTheDetailAndFillsGapsFromTheEnvelope()
    {
        var custom = JsonNode.Parse("""
            {"version":"0","id":"6a7e8feb","detail-type":"ServiceNow Alert","source":"orders.app","account":"111122223333",
             "time":"2026-11-25T03:00:00Z","region":"eu-west-1","resources":[],
             "detail":{"status":"firing","severity":"critical","title":"Payment provider unreachable","correlationKey":"orders/payments"}}
            """)!;

        var alert = Assert.Single(TriggerNormaliser.Normalise(Events.Bytes(custom), Options).Alerts);

        Assert.Equal(("orders.app", "111122223333", "eu-west-1"), (alert.Source, alert.Account, alert.Region));
        Assert.StartsWith("app-", alert.AlertId, StringComparison.Ordinal);
        Assert.Equal("orders/payments", alert.CorrelationKey);
    }

    [Fact]
    public void CustomAppEventWithOnlyTitleAndSeverity_FiresWithEverythingElseFromTheEnvelope()
    {
        var custom = JsonNode.Parse("""{"version":"0","id":"9","detail-type":"ServiceNow Alert","source":"com.example.test","account":"222222222222","time":"2026-11-25T03:00:00Z","region":"eu-west-1","resources":[],"detail":{"title":"ServiceNowAlert deployment test","severity":"warning","description":"Sent by hand after deploying"}}""")!;

        var alert = Assert.Single(TriggerNormaliser.Normalise(Events.Bytes(custom), Options).Alerts);

        Assert.Equal((AlertStatus.Firing, AlertSeverity.Warning, "com.example.test"), (alert.Status, alert.Severity, alert.Source));
        Assert.Equal(alert.AlertId, alert.CorrelationKey);
    }

    [Fact]
    public void CustomAppEventThatBreaksTheContract_IsRefusedWithItsProblems()
    {
        var custom = JsonNode.Parse("""{"version":"0","id":"1","detail-type":"ServiceNow Alert","source":"a","time":"2026-11-25T03:00:00Z","detail":{"status":"firing","severity":"loud","title":"x\ny"}}""")!;

        var result = TriggerNormaliser.Normalise(Events.Bytes(custom), Options);

        Assert.True(result.Failed);
        Assert.Contains(result.Problems, problem => problem.Path == "$.severity");
        Assert.Contains(result.Problems, problem => problem.Path == "$.title");
    }

    [Fact]
    public void DirectArrayWithOneInvalidRequest_SendsNoneAndSaysWhichOne()
    {
        var valid = JsonNode.Parse(File.ReadAllText(Testing.RepositoryPaths.Combine("samples", "requests", "valid", "firing-info-minimal.json")))!;
        var invalid = valid.DeepClone();
        invalid["title"] = "";

        var result = TriggerNormaliser.Normalise(Events.Bytes(new JsonArray(valid, invalid)), Options);

        Assert.True(result.Failed);
        Assert.Empty(result.Alerts);
        Assert.Equal("$[1].title", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void DirectSingleRequest_PassesThroughUnchanged()
    {
        var bytes = File.ReadAllBytes(Testing.RepositoryPaths.Combine("samples", "requests", "valid", "firing-critical-full.json"));

        var alert = Assert.Single(TriggerNormaliser.Normalise(bytes, Options).Alerts);

        Assert.Equal(AlertJson.Serialize(AlertRequestReader.Read(bytes).Request!), AlertJson.Serialize(alert));
    }
}
