using CsCheck;
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

    /// <summary>Ways to break a request, each aimed at one rule; several are applied at once.</summary>
    private static readonly Func<AlertRequest, string, AlertRequest>[] Breakers =
    [
        (r, s) => r with { AlertId = s },
        (r, s) => r with { AlertId = null! },
        (r, s) => r with { CorrelationKey = s },
        (r, s) => r with { Source = s },
        (r, s) => r with { Title = s },
        (r, s) => r with { Title = null! },
        (r, s) => r with { Description = s },
        (r, s) => r with { Application = s },
        (r, s) => r with { ConfigurationItem = s },
        (r, s) => r with { Environment = s },
        (r, s) => r with { Account = s },
        (r, s) => r with { Region = s },
        (r, s) => r with { Route = s },
        (r, s) => r with { Producer = new AlertProducer(s, s) },
        (r, s) => r with { Producer = new AlertProducer("111111111111", s) },
        (r, s) => r with { Producer = new AlertProducer(null!, "Payments prod") },
        (r, s) => r with { SchemaVersion = s },
        (r, s) => r with { SchemaVersion = "2.0" },
        (r, s) => r with { SchemaVersion = "1.7" },
        (r, s) => r with { SchemaVersion = null! },
        (r, s) => r with { Status = (AlertStatus)7 },
        (r, s) => r with { Severity = (AlertSeverity)(-1) },
        (r, s) => r with { Resources = [.. r.Resources, s] },
        (r, s) => r with { Resources = [.. Enumerable.Repeat("arn:x", AlertLimits.MaxResources + 1)] },
        (r, s) => r with { Resources = [.. r.Resources, null!] },
        (r, s) => r with { LogExcerpt = [.. r.LogExcerpt, s] },
        (r, s) => r with { Links = [.. r.Links, new AlertLink(s, "https://example.com/")] },
        (r, s) => r with { Links = [.. r.Links, new AlertLink("runbook", s)] },
        (r, s) => r with { Links = [.. r.Links, new AlertLink(null!, "javascript:alert(1)")] },
        (r, s) => r with { Links = [.. r.Links, null!] },
        (r, s) => r with { Details = new(r.Details) { [s] = "value" } },
        (r, s) => r with { Details = new(r.Details) { ["name"] = s } },
        (r, s) => r with { Details = new(r.Details) { ["name"] = null! } },
        (r, s) => r with { Details = new(Enumerable.Range(0, AlertLimits.MaxDetails + 1).Select(i => KeyValuePair.Create($"d{i}", "v"))) },
    ];

    /// <summary>Strings that break one rule or another: empty, too long, line breaks, controls, surrogates, bad formats.</summary>
    private static readonly Gen<string> BadText = Gen.OneOf(
        Gen.Const(string.Empty),
        Gen.Const(" "),
        Gen.Int[1, 40_000].Select(length => new string('x', length)),
        Gen.Int[1, 3_000].Select(length => string.Concat(Enumerable.Repeat("😀", length))),
        Gen.OneOf("a\nb", "a\r\nBcc: x@example.com", "tab\there", "nul\0", "c1\u0085", "ls\u2028", "\u007f"),
        Gen.OneOf("lone \ud800 high", "lone \udc00 low", "\ud83d", "pair 😀 ok"),
        Gen.OneOf("javascript:alert(1)", "ftp://example.com/", "https://", "http://exa mple.com/", "https://example.com/ok"),
        Gen.OneOf("123456789012", "12345678901", "eu-west-1", "EU-WEST-1", "-starts-with-dash", "has space", "a.b_c:d-e"),
        AlertGenerators.SingleLine(1, 30));

    [Fact]
    public void Validate_AnyRequestBuiltInCode_ReportsExactlyWhatTheReaderReportsForItsJson()
    {
        Gen.Select(AlertGenerators.Request, Gen.Int[0, Breakers.Length - 1].Array[0, 4], BadText.Array[4, 4]).Sample((request, breakers, texts) =>
        {
            var broken = request;
            for (var i = 0; i < breakers.Length; i++)
            {
                broken = Breakers[breakers[i]](broken, texts[i]);
            }

            var expected = AlertRequestReader.Read(AlertJson.Serialize(broken)).Problems;
            Assert.Equal(expected, AlertValidator.Validate(broken));
        }, iter: 20_000);
    }
}
