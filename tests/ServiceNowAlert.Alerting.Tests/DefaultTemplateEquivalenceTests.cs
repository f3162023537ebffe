using CsCheck;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Contracts.Tests.TestHelpers;

namespace ServiceNowAlert.Alerting.Tests;

/// <summary>
/// The compiled defaults (<c>DefaultAlertWriter</c>) must write exactly what Scriban writes from the embedded .sbn
/// templates, for every sample, every shape of alert and generated ones; otherwise the two have drifted apart.
/// </summary>
public sealed class DefaultTemplateEquivalenceTests
{
    private static readonly AlertRenderer Compiled = new(AlertTemplates.Load());
    private static readonly AlertRenderer Interpreted = new(AlertTemplates.Load(), compiledDefaults: false);

    [Theory]
    [MemberData(nameof(Alerts.SampleNames), MemberType = typeof(Alerts))]
    public void Render_Sample_IsTheSameCompiledAndInterpreted(string sample) => AssertSame(Alerts.Sample(sample));

    public static TheoryData<string> Shapes() => ["minimal", "resolved", "environment-only", "account-without-region", "account-and-region", "long-log", "hostile", "no-web-links"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Render_EveryShape_IsTheSameCompiledAndInterpreted(string shape)
    {
        var minimal = Alerts.Minimal();
        var request = shape switch
        {
            "resolved" => Alerts.Minimal("r-1", AlertStatus.Resolved) with { Severity = AlertSeverity.Warning },
            "environment-only" => minimal with { Environment = "staging", ConfigurationItem = null, Application = null },
            "account-without-region" => minimal with { Account = "111122223333", Region = null },
            "account-and-region" => minimal with { Account = "111122223333", Region = "eu-west-1" },
            "long-log" => minimal with { LogExcerpt = [.. Enumerable.Range(0, 80).Select(i => $"2026-11-25T03:00:{i % 60:D2}Z ERROR line {i}")] },
            "hostile" => Alerts.Hostile() with { Details = new OrderedDictionary<string, string> { [Alerts.Attack] = Alerts.Attack, ["metric_name"] = "CPU" }, Resources = [Alerts.Attack, "&amp;"] },
            "no-web-links" => minimal with { Links = [new AlertLink("ftp", "ftp://example.com/x")] },
            _ => minimal,
        };

        AssertSame(request);
    }

    [Fact]
    public void Render_GeneratedRequests_AreTheSameCompiledAndInterpreted() =>
        AlertGenerators.Request.Sample(request => AssertSame(request), iter: 300);

    private static void AssertSame(AlertRequest request)
    {
        var compiled = Compiled.Render(request);
        var interpreted = Interpreted.Render(request);

        Assert.Equal(interpreted.Subject, compiled.Subject);
        Assert.Equal(interpreted.Text, compiled.Text);
        Assert.Equal(interpreted.Html, compiled.Html);
    }
}
