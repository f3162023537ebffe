using CsCheck;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Contracts.Tests.TestHelpers;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Alerting.Tests.TestHelpers;

/// <summary>Sample requests and routes for the alerting tests.</summary>
internal static class Alerts
{
    public static string SampleFolder => RepositoryPaths.Combine("samples", "requests", "valid");

    public static TheoryData<string> SampleNames() => [.. Directory.GetFiles(SampleFolder, "*.json").Select(file => Path.GetFileNameWithoutExtension(file)).Order()];

    public static byte[] SampleBytes(string name) => File.ReadAllBytes(Path.Combine(SampleFolder, name + ".json"));

    public static AlertRequest Sample(string name) => AlertRequestReader.Read(SampleBytes(name)).Request!;

    /// <summary>What an independent checker of the output is given: every sample, the hostile alert and generated ones.</summary>
    public static List<(string Name, AlertRequest Request)> Corpus(int generated)
    {
        var corpus = new List<(string Name, AlertRequest Request)>();
        foreach (var sample in SampleNames())
        {
            corpus.Add((sample, Sample(sample)));
        }

        corpus.Add(("hostile", Hostile()));
        corpus.AddRange(AlertGenerators.Request.Array[generated].Single().Select((request, index) => ($"generated-{index}", request)));
        return corpus;
    }

    public static RouteTable Routes() => RouteTable.Parse(File.ReadAllText(RepositoryPaths.Combine("samples", "routes", "routes.json")), "samples/routes/routes.json");

    public static AlertRequest Minimal(string alertId = "a-1", AlertStatus status = AlertStatus.Firing) => new()
    {
        AlertId = alertId,
        CorrelationKey = "orders/prod/5xx",
        Status = status,
        Severity = AlertSeverity.Major,
        Source = "orders-api",
        Title = "Orders API 5xx above 5%",
        OccurredAt = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero),
    };

    /// <summary>Script, markup, quote, javascript: and template syntax in every field an email shows.</summary>
    public const string Attack = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>{{ 7 * 7 }}{% raw %}";

    public static AlertRequest Hostile() => Minimal() with
    {
        Title = Attack,
        Description = Attack + "\n" + Attack,
        Application = Attack,
        Environment = Attack,
        ConfigurationItem = Attack,
        Source = Attack,
        CorrelationKey = Attack,
        Resources = [Attack],
        Links = [new AlertLink(Attack, "https://example.com/?q=\"><script>alert(1)</script>"), new AlertLink("js", "javascript:alert(1)")],
        Details = new OrderedDictionary<string, string> { [Attack] = Attack },
        LogExcerpt = [Attack],
    };
}
