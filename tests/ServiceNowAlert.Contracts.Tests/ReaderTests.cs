using System.Text;
using ServiceNowAlert.Contracts.Tests.TestHelpers;

namespace ServiceNowAlert.Contracts.Tests;

public sealed class ReaderTests
{
    [Fact]
    public void Read_RequestWithManyProblems_ReturnsEveryProblemAtOnce()
    {
        var json = """
            {"schemaVersion":"1.0","alertId":"bad id","status":"bogus","severity":3,"source":"",
             "title":"a\nb","occurredAt":"2026-11-25T04:00:00+01:00","links":[{"title":"x","url":"ftp://x"}],
             "details":{"n":1},"account":"1"}
            """;

        var problems = AlertRequestReader.Read(Requests.Utf8(json)).Problems;

        Assert.Equal(
            ["$.alertId", "$.correlationKey", "$.status", "$.severity", "$.source", "$.title", "$.account", "$.occurredAt", "$.links[0].url", "$.details.n"],
            problems.Select(problem => problem.Path));
    }

    [Fact]
    public void Read_RequestOverTheEventBridgeEntryLimit_IsRejectedAsTooLarge()
    {
        var oversize = Requests.WithProperty("description", $"\"{new string('x', AlertLimits.MaxRequestBytes)}\"");

        var problem = Assert.Single(AlertRequestReader.Read(oversize).Problems);

        Assert.Equal(AlertProblemCodes.TooLarge, problem.Code);
        Assert.Contains("262144", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnpairedSurrogateEscape_IsReportedNotThrown()
    {
        var json = Requests.MinimalJson.Replace("Something broke", "bad \\ud800 text", StringComparison.Ordinal);

        var problem = Assert.Single(AlertRequestReader.Read(Requests.Utf8(json)).Problems);

        Assert.Equal("$.title", problem.Path);
        Assert.Equal(AlertProblemCodes.BadFormat, problem.Code);
    }

    [Fact]
    public void Read_UnpairedSurrogateEscapeInAPropertyName_IsReportedNotThrown()
    {
        var json = Requests.MinimalJson.Replace("\"source\"", "\"s\\udc00\"", StringComparison.Ordinal);

        var problem = Assert.Single(AlertRequestReader.Read(Requests.Utf8(json)).Problems);

        Assert.Equal(AlertProblemCodes.BadFormat, problem.Code);
    }

    [Fact]
    public void Read_InvalidUtf8_IsMalformedJson()
    {
        var bytes = Requests.Utf8(Requests.MinimalJson);
        bytes[Array.IndexOf(bytes, (byte)'S')] = 0xC3; // a lead byte with no continuation

        Assert.Equal(AlertProblemCodes.MalformedJson, Assert.Single(AlertRequestReader.Read(bytes).Problems).Code);
    }

    [Fact]
    public void Read_NestingDeeperThanTheLimit_IsMalformedJson()
    {
        var deep = Requests.WithProperty("extra", new string('[', 40) + new string(']', 40));

        Assert.Equal(AlertProblemCodes.MalformedJson, Assert.Single(AlertRequestReader.Read(deep).Problems).Code);
    }

    [Fact]
    public void Read_NullOptionalFields_AreTreatedAsAbsent()
    {
        var json = Requests.WithProperty("description", "null");

        var result = AlertRequestReader.Read(json);

        Assert.True(result.IsValid);
        Assert.Null(result.Request!.Description);
    }

    [Fact]
    public void Read_UnknownProperties_AreIgnored()
    {
        var result = AlertRequestReader.Read(Requests.WithProperty("addedInVersion1_7", """{"anything":[1,2]}"""));

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Read_NewerMinorVersion_IsAccepted()
    {
        Assert.True(AlertRequestReader.Read(Requests.WithProperty("schemaVersion", "\"1.42\"")).IsValid);
    }

    [Fact]
    public void Read_UnsupportedMajor_NamesTheSupportedVersions()
    {
        var problem = Assert.Single(AlertRequestReader.Read(Requests.WithProperty("schemaVersion", "\"3.0\"")).Problems);

        Assert.Equal(AlertProblemCodes.UnsupportedVersion, problem.Code);
        Assert.Contains("1.x", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Details_KeepsTheirOrder()
    {
        var request = AlertRequestReader.Read(Requests.WithProperty("details", """{"zeta":"1","alpha":"2","mid":"3"}""")).Request!;

        Assert.Equal(["zeta", "alpha", "mid"], request.Details.Keys);
    }

    [Fact]
    public void Read_DuplicateDetailName_IsReported()
    {
        var json = Requests.MinimalJson.TrimEnd()[..^1] + ""","details":{"a":"1","a":"2"}}""";

        var problem = Assert.Single(AlertRequestReader.Read(Requests.Utf8(json)).Problems);

        Assert.Equal((AlertProblemCodes.DuplicateKey, "$.details.a"), (problem.Code, problem.Path));
    }

    [Fact]
    public void Read_ZeroOffsetTimestamp_IsWrittenBackWithZ()
    {
        var request = AlertRequestReader.Read(Requests.WithProperty("occurredAt", "\"2026-11-25T03:00:00.250+00:00\"")).Request!;

        Assert.Contains("\"occurredAt\":\"2026-11-25T03:00:00.25Z\"", Encoding.UTF8.GetString(AlertJson.Serialize(request)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title", "\"x\"", true)]
    [InlineData("title", "\"é\u00e9😀\"", true)]
    [InlineData("detailName", "\"a b\"", true)]
    [InlineData("detailName", "\"\"", false)]
    public void Read_DetailAndTitleCharacters_FollowTheRules(string field, string value, bool valid)
    {
        var json = field == "detailName"
            ? Requests.WithProperty("details", $$"""{{{value}}:"v"}""")
            : Requests.WithProperty(field, value);

        Assert.Equal(valid, AlertRequestReader.Read(json).IsValid);
    }

    [Fact]
    public void Read_ProblemPathOfAnOddDetailName_IsQuoted()
    {
        var json = Requests.WithProperty("details", $$"""{"disk 'c'":"{{new string('v', AlertLimits.MaxDetailValueLength + 1)}}"}""");

        Assert.Equal("$.details['disk \\'c\\'']", Assert.Single(AlertRequestReader.Read(json).Problems).Path);
    }

    [Fact]
    public void Read_InvalidRequestWithReadableId_StillReportsTheId()
    {
        var result = AlertRequestReader.Read(Requests.WithProperty("title", "\"\""));

        Assert.False(result.IsValid);
        Assert.Equal("a-1", result.AlertId);
    }

    [Fact]
    public void TryReadResult_NotAReceipt_ReturnsAnErrorInsteadOfThrowing()
    {
        Assert.False(AlertJson.TryReadResult("{\"status\":\"sent\"}"u8, out _, out var missing));
        Assert.False(AlertJson.TryReadResult("<html>"u8, out _, out var garbage));
        Assert.False(AlertJson.TryReadResult("null"u8, out _, out var empty));

        Assert.All(new[] { missing, garbage, empty }, error => Assert.StartsWith("read alert result:", error, StringComparison.Ordinal));
    }

    [Fact]
    public void TryReadResult_Receipt_RoundTrips()
    {
        var receipt = new AlertResult { Status = AlertResultStatus.Sent, AlertId = "a-1", MessageId = "<m@x>", AcceptedRecipients = 2 };

        Assert.True(AlertJson.TryReadResult(AlertJson.Serialize(receipt), out var read, out _));

        Assert.Equal(AlertJson.Serialize(receipt), AlertJson.Serialize(read!));
    }

    [Fact]
    public void Read_RequestWithoutOptionalCollections_HasEmptyCollectionsNotNull()
    {
        // The source generator assigns null to init-only properties that are absent; the contract must not pass that on.
        var request = AlertRequestReader.Read(Requests.Utf8(Requests.MinimalJson)).Request!;

        Assert.Equal((0, 0, 0, 0), (request.Resources.Count, request.Links.Count, request.Details.Count, request.LogExcerpt.Count));
    }

    [Fact]
    public void TryReadResult_ReceiptWithoutLists_HasEmptyListsNotNull()
    {
        Assert.True(AlertJson.TryReadResult("{\"status\":\"sent\",\"alertId\":\"a\"}"u8, out var result, out _));

        Assert.Equal((0, 0), (result!.FailedRecipients.Count, result.Problems.Count));
    }
}
