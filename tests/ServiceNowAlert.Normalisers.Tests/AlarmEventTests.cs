using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers.Tests;

/// <summary>The one-pass alarm reader gives the alerts the document path gives, and declines exactly what that path would not route as an alarm.</summary>
public sealed class AlarmEventTests
{
    private static readonly NormaliserOptions Options = new() { Region = "eu-west-1" };

    private static readonly JsonNode?[] Values =
    [
        null, 5, 1.5, true, "", " ", "x\u0000y", "a\nb", new JsonObject { ["k"] = "v" }, new JsonArray(1, "2"),
        "2019-10-02T17:04:40+0530", "2019-10-02T17:04:40.1234567Z", "bad-time", "severity:critical", "  spaced  out  ", "<script>",
        "INSUFFICIENT_DATA", "OK", "ALARM", "{\"threshold\":1,\"threshold\":2,\"recentDatapoints\":[1,{\"a\":[2]}]}", "{not json",
        new string('x', 3000), "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:other", "eu-west-1", "123456789012", "CloudWatch Alarm State Change",
    ];

    public static IEnumerable<JsonObject> Bases()
    {
        var single = Events.Alarm();
        yield return single;

        var metricMath = (JsonObject)single.DeepClone();
        metricMath["detail"]!["configuration"]!["metrics"] = JsonNode.Parse("""
            [{"id":"e1","expression":"m1/m2","label":"Expression1","returnData":true},
             {"id":"m1","metricStat":{"metric":{"namespace":"AWS/EC2","name":"CPUUtilization","dimensions":{"InstanceId":"i-1"}},"period":300,"stat":"Average"},"returnData":false},
             {"id":"m2","metricStat":{"metric":{"namespace":"AWS/EC2","name":"NetworkIn","dimensions":{"InstanceId":"i-1","Other":"x"}},"period":300,"stat":"Sum"},"returnData":false}]
            """);
        yield return metricMath;

        var anomaly = (JsonObject)metricMath.DeepClone();
        anomaly["detail"]!["configuration"]!["thresholdMetricId"] = "ad1";
        anomaly["detail"]!["configuration"]!["metrics"]![0]!["expression"] = "ANOMALY_DETECTION_BAND(m1, 2)";
        yield return anomaly;

        var composite = (JsonObject)single.DeepClone();
        composite["detail"]!["configuration"] = new JsonObject { ["alarmRule"] = "ALARM(CpuHigh) OR ALARM(DiskHigh)", ["description"] = "composite severity: major" };
        composite["detail"]!["state"]!["reasonData"] = """{"triggeringAlarms":[{"arn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:CpuHigh"}]}""";
        yield return composite;
    }

    private static readonly JsonObject[] BaseEvents = [.. Bases()];

    [Fact]
    public void TryRead_MutatedAlarmEvents_GiveTheDocumentPathsAlerts()
    {
        var read = 0;
        Gen.Select(Gen.Int[0, BaseEvents.Length - 1], Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 9], Gen.Int[0, Values.Length - 1]).Array[0, 4], Gen.Int[0, 10], Gen.Bool)
            .Sample((baseIndex, mutations, duplicate, indented) =>
            {
                var bytes = Mutate(BaseEvents[baseIndex], mutations, duplicate, indented);
                var fast = AlarmEvent.TryRead(bytes, out var alarm);
                var routed = RoutesAsAlarm(bytes, out var reference);
                Assert.Equal(routed, fast);
                if (fast)
                {
                    read++;
                    Assert.Equal(Describe(AlarmNormaliser.Normalise(reference!, Options)), Describe(AlarmNormaliser.Normalise(alarm!, Options)));
                }
            }, iter: 5_000, threads: 1);
        Assert.True(read > 2_000, $"only {read} mutated events were alarms");
    }

    // reasonData is read from the event's bytes without a string in between; these are the texts where that differs
    // most from reading a string: escapes, a lone surrogate escape, a document larger than the stack buffer.
    [Theory]
    [InlineData("""{\"threshold\":50.0,\"statistic\":\"Av\\u00e9rage\",\"recentDatapoints\":[1,2]}""")]
    [InlineData("""{\"threshold\":\"\\ud800\"}""")]
    [InlineData("""\ud800{\"threshold\":1}""")]
    [InlineData("""{\"threshold\":1""")]
    [InlineData("""{\"threshold\":1}\n""")]
    [InlineData("big")]
    public void TryRead_ReasonDataTexts_GiveTheDocumentPathsAlerts(string reasonData)
    {
        if (reasonData == "big")
        {
            reasonData = "{\\\"statistic\\\":\\\"" + new string('s', 1500) + "\\u00e9\\\",\\\"threshold\\\":2}";
        }

        var text = Encoding.UTF8.GetString(Events.Sample("cloudwatch-alarm-single-metric.json"));
        var at = text.IndexOf("\"reasonData\"", StringComparison.Ordinal);
        var valueStart = text.IndexOf('"', text.IndexOf(':', at) + 1);
        var valueEnd = valueStart + 1;
        while (text[valueEnd] != '"' || text[valueEnd - 1] == '\\')
        {
            valueEnd++;
        }

        var bytes = Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, valueStart + 1), reasonData, text.AsSpan(valueEnd)));

        Assert.True(AlarmEvent.TryRead(bytes, out var alarm));
        Assert.True(RoutesAsAlarm(bytes, out var reference));
        Assert.Equal(Describe(AlarmNormaliser.Normalise(reference!, Options)), Describe(AlarmNormaliser.Normalise(alarm!, Options)));
    }

    [Fact]
    public void Normalise_SampleAlarm_IsTheSameThroughEitherPath()
    {
        var bytes = Events.Sample("cloudwatch-alarm-single-metric.json");
        Assert.True(AlarmEvent.TryRead(bytes, out var alarm));
        Assert.True(RoutesAsAlarm(bytes, out var reference));
        Assert.Equal(Describe(AlarmNormaliser.Normalise(reference!, Options)), Describe(AlarmNormaliser.Normalise(alarm!, Options)));
        Assert.Contains("cwalarm-", Describe(TriggerNormaliser.Normalise(bytes, Options)), StringComparison.Ordinal);
    }

    private static byte[] Mutate(JsonObject baseEvent, (int Path, int Operation, int Value)[] mutations, int duplicate, bool indented)
    {
        var root = (JsonObject)baseEvent.DeepClone();
        foreach (var (pathSeed, operation, value) in mutations)
        {
            var nodes = Descendants(root).ToList();
            var target = nodes[pathSeed % nodes.Count];
            var parent = target.Parent;
            if (operation < 3)
            {
                Remove(parent, target);
            }
            else
            {
                target.ReplaceWith(Values[value]?.DeepClone());
            }
        }

        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

        // A repeated member: the last one counts in a document, and must count in the reader too.
        text = duplicate switch
        {
            0 => text.Replace("\"region\":", "\"region\":\"ap-south-1\",\"region\":", StringComparison.Ordinal),
            1 => text.Replace("\"state\":", "\"state\":{\"value\":\"OK\",\"reason\":\"earlier\"},\"state\":", StringComparison.Ordinal),
            2 => text.Replace("\"configuration\":", "\"configuration\":{\"description\":\"first\"},\"configuration\":", StringComparison.Ordinal),
            3 => text.Replace("\"metric\":", "\"metric\":{\"name\":\"first\",\"dimensions\":{\"A\":\"1\"}},\"metric\":", StringComparison.Ordinal),
            4 => text.Replace("\"detail-type\":", "\"detail-type\":\"Other\",\"detail-type\":", StringComparison.Ordinal),
            5 => text + " ",
            6 => text.Replace("\"reasonData\":", "\"reasonData\":\"{\\\"threshold\\\":7}\",\"reasonData\":", StringComparison.Ordinal),
            _ => text,
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(member => member.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static void Remove(JsonNode? parent, JsonNode target)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove(obj.First(member => ReferenceEquals(member.Value, target)).Key);
        }
        else if (parent is JsonArray array)
        {
            array.Remove(target);
        }
    }

    // What TriggerNormaliser's dispatch routes to the alarm normaliser, read through a document.
    private static bool RoutesAsAlarm(byte[] bytes, out AlarmEvent? alarm)
    {
        alarm = null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Json.At(root, "awslogs"u8) is not null || Json.At(root, "detail"u8) is null ||
                Json.Str(root, "detail-type"u8) != AlarmNormaliser.DetailType || Json.Str(root, "source"u8) != "aws.cloudwatch")
            {
                return false;
            }

            alarm = AlarmEvent.From(root);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe(NormaliseResult result) =>
        $"{result.TriggerKind}|{result.Error}|{string.Join(";", result.Notes)}|{string.Join(";", result.Alerts.Select(alert => Encoding.UTF8.GetString(AlertJson.Serialize(alert))))}";
}
