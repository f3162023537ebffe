using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Normalisers.Tests;

/// <summary>The AWS sample events, and crafted variants of them.</summary>
internal static class Events
{
    public static byte[] Sample(string name) => File.ReadAllBytes(RepositoryPaths.Combine("samples", "events", name));

    public static JsonObject Alarm() => JsonNode.Parse(Sample("cloudwatch-alarm-single-metric.json"))!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static byte[] LogsPayload(string messageType, int events, string? message = null)
    {
        var logEvents = new JsonArray();
        for (var i = 0; i < events; i++)
        {
            logEvents.Add(new JsonObject { ["id"] = $"e{i}", ["timestamp"] = 1_764_039_600_000L + i, ["message"] = message ?? $"[ERROR] request {i} failed" });
        }

        var data = new JsonObject
        {
            ["messageType"] = messageType,
            ["owner"] = "111122223333",
            ["logGroup"] = "/aws/lambda/orders",
            ["logStream"] = "2026/11/25/[$LATEST]abc",
            ["subscriptionFilters"] = new JsonArray("errors"),
            ["logEvents"] = logEvents,
        };
        return Bytes(new JsonObject { ["awslogs"] = new JsonObject { ["data"] = Convert.ToBase64String(Gzip(Encoding.UTF8.GetBytes(data.ToJsonString()))) } });
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
