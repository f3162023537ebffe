using ServiceNowAlert.Contracts.Tests.TestHelpers;

namespace ServiceNowAlert.Contracts.Tests;

public sealed class AlertValidatorTests
{
    [Fact]
    public void Validate_RequestBuiltInCode_AppliesTheReaderRules()
    {
        var request = Requests.Minimal() with
        {
            Title = "line one\r\nBcc: someone@example.com",
            Links = [new AlertLink("Run", "javascript:alert(1)")],
            LogExcerpt = [.. Enumerable.Repeat("x", AlertLimits.MaxLogLines + 1)],
        };

        var problems = AlertValidator.Validate(request);

        Assert.Equal(["$.title", "$.links[0].url", "$.logExcerpt"], problems.Select(problem => problem.Path));
    }

    [Fact]
    public void Validate_ValidRequest_HasNoProblems()
    {
        Assert.Empty(AlertValidator.Validate(Requests.Minimal()));
    }

    [Fact]
    public void Validate_NonUtcTimestamp_IsWrittenAsUtcAndAccepted()
    {
        var request = Requests.Minimal() with { OccurredAt = new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.FromHours(2)) };

        Assert.Empty(AlertValidator.Validate(request));
        Assert.Contains("\"occurredAt\":\"2026-11-25T03:00:00Z\"", System.Text.Encoding.UTF8.GetString(AlertJson.Serialize(request)), StringComparison.Ordinal);
    }
}
