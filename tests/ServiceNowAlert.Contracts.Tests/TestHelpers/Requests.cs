using System.Text;

namespace ServiceNowAlert.Contracts.Tests.TestHelpers;

/// <summary>Small valid requests to start a test from.</summary>
internal static class Requests
{
    public const string MinimalJson = """
        {"schemaVersion":"1.0","alertId":"a-1","correlationKey":"k-1","status":"firing","severity":"major",
         "source":"test","title":"Something broke","occurredAt":"2026-11-25T03:00:00Z"}
        """;

    public static AlertRequest Minimal() => new()
    {
        AlertId = "a-1",
        CorrelationKey = "k-1",
        Status = AlertStatus.Firing,
        Severity = AlertSeverity.Major,
        Source = "test",
        Title = "Something broke",
        OccurredAt = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero),
    };

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>The minimal request with one property replaced by raw JSON.</summary>
    public static byte[] WithProperty(string name, string rawJsonValue)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(MinimalJson)!.AsObject();
        node[name] = System.Text.Json.Nodes.JsonNode.Parse(rawJsonValue);
        return Utf8(node.ToJsonString());
    }
}
