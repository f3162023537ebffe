using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// The largest request the contract allows, made of what HTML escaping grows most ('&amp;' is one byte of JSON and
    /// five of HTML): every list at its most items and every value at its longest, the longest values (resources,
    /// detail values, log lines, URLs) as long as 256 KiB of JSON holds them all.
    /// </summary>
    public static AlertRequest LargestAllowed()
    {
        // The longest length whose request still fits, found by halving.
        var (fits, tooLong) = (24, AlertLimits.MaxDetailValueLength + 1);
        while (tooLong - fits > 1)
        {
            var middle = (fits + tooLong) / 2;
            (fits, tooLong) = RelaxedJson(Largest(middle)).Length <= AlertLimits.MaxRequestBytes ? (middle, tooLong) : (fits, middle);
        }

        return Largest(fits);
    }

    /// <summary>The request as a client may write it: markup characters raw, not escaped as System.Text.Json does by default.</summary>
    public static byte[] RelaxedJson(AlertRequest request) =>
        Encoding.UTF8.GetBytes(JsonNode.Parse(AlertJson.Serialize(request))!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    private static AlertRequest Largest(int longest) => Minimal() with
    {
        AlertId = new string('a', AlertLimits.MaxAlertIdLength),
        CorrelationKey = Escapable(AlertLimits.MaxCorrelationKeyLength),
        Source = Escapable(AlertLimits.MaxSourceLength),
        Title = Escapable(AlertLimits.MaxTitleLength),
        Description = Escapable(AlertLimits.MaxDescriptionLength),
        Application = Escapable(AlertLimits.MaxApplicationLength),
        ConfigurationItem = Escapable(AlertLimits.MaxConfigurationItemLength),
        Environment = Escapable(AlertLimits.MaxEnvironmentLength),
        Account = "111122223333",
        Region = "eu-west-1",
        Resources = [.. Enumerable.Range(0, AlertLimits.MaxResources).Select(_ => Escapable(longest))],
        Links = [.. Enumerable.Range(0, AlertLimits.MaxLinks).Select(_ => new AlertLink(Escapable(AlertLimits.MaxLinkTitleLength), "https://example.com/?q=" + new string('&', longest - 23)))],
        Details = new OrderedDictionary<string, string>(Enumerable.Range(0, AlertLimits.MaxDetails).ToDictionary(i => $"{i:D2}" + Escapable(AlertLimits.MaxDetailNameLength - 2), _ => Escapable(longest))),
        LogExcerpt = [.. Enumerable.Range(0, AlertLimits.MaxLogLines).Select(_ => Escapable(longest))],
    };

    // Code points, as the contract counts them: '&' and '\'' grow fivefold in HTML, an emoji becomes a 9-byte reference.
    private static string Escapable(int codePoints) =>
        string.Concat(Enumerable.Range(0, codePoints).Select(i => (i % 8) switch { 3 => "<", 5 => "'", 7 => "\U0001F600", _ => "&" }));
}
