using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using ServiceNowAlert.Alerting.Mail;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Normalisers;

namespace ServiceNowAlert.Alerting.Benchmarks;

/// <summary>The pure steps of the alert path, from trigger to MIME message, for the single-metric alarm sample.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class AlertPathBenchmarks
{
    private static readonly NormaliserOptions Options = new() { Region = "eu-west-1" };
    private byte[] _alarmEvent = [];
    private byte[] _deliveredAlarmEvent = [];
    private byte[] _logBatch = [];
    private AlertRequest _alert = null!;
    private AlertRenderer _renderer = null!;
    private RouteDefinition _route = null!;
    private RenderedAlert _rendered = null!;

    [GlobalSetup]
    public void Setup()
    {
        _alarmEvent = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", "cloudwatch-alarm-single-metric.json"));
        // The sample is AWS's documentation copy, indented for reading; EventBridge hands Lambda the same event without
        // the indentation, which the reader no longer has to step over. Its strings keep their escapes as AWS writes
        // them (\" in reasonData, not the \u0022 that System.Text.Json's default encoder would write).
        _deliveredAlarmEvent = Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(_alarmEvent)!.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        _logBatch = LogBatch(5000);
        _alert = TriggerNormaliser.Normalise(_alarmEvent, Options).Alerts[0];
        _renderer = new AlertRenderer(AlertTemplates.Load());
        _route = RouteTable.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "routes.json")), "routes.json").Select(_alert)!;
        _rendered = _renderer.Render(_alert);
    }

    [Benchmark(Description = "normalise single-metric alarm event")]
    public NormaliseResult NormaliseAlarm() => TriggerNormaliser.Normalise(_alarmEvent, Options);

    [Benchmark(Description = "normalise single-metric alarm event, compact as delivered")]
    public NormaliseResult NormaliseDeliveredAlarm() => TriggerNormaliser.Normalise(_deliveredAlarmEvent, Options);

    [Benchmark(Description = "contract check of the alarm's alert (AlertValidator)")]
    public IReadOnlyList<AlertProblem> ValidateAlarmAlert() => AlertValidator.Validate(_alert);

    [Benchmark(Description = "parse the alarm event (JsonDocument)")]
    public int ParseAlarmEvent()
    {
        using var document = System.Text.Json.JsonDocument.Parse(_alarmEvent);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? 1 : 0;
    }

    [Benchmark(Description = "normalise 5,000-event log batch")]
    public NormaliseResult NormaliseLogBatch() => TriggerNormaliser.Normalise(_logBatch, Options);

    [Benchmark(Description = "render subject + text + HTML")]
    public RenderedAlert Render() => _renderer.Render(_alert);

    [Benchmark(Description = "build MIME message")]
    public MimeKit.MimeMessage BuildMessage() => AlertMessageBuilder.Build(_alert, _route, _rendered, DateTimeOffset.UnixEpoch);

    private static byte[] LogBatch(int count)
    {
        var events = string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"id":"e{{i}}","timestamp":{{1_764_039_600_000L + i}},"message":"[ERROR] request {{i}} failed: upstream timed out after 10000 ms"}"""));
        var json = $$"""{"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/aws/lambda/orders","logStream":"s","subscriptionFilters":["errors"],"logEvents":[{{events}}]}""";
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return Encoding.UTF8.GetBytes("{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(output.ToArray()) + "\"}}");
    }
}
