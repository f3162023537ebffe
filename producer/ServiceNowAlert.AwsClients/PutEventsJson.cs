using System.Text.Json.Serialization;

namespace ServiceNowAlert.AwsClients;

/// <summary>The PutEvents wire shapes (AWS JSON 1.1, PascalCase).</summary>
internal sealed record PutEventsRequest(List<PutEventsRequestEntry> Entries);

/// <summary>One entry on the wire.</summary>
internal sealed record PutEventsRequestEntry(string Source, string DetailType, string Detail, string EventBusName, List<string> Resources);

/// <summary>The PutEvents answer.</summary>
internal sealed record PutEventsResponse(int FailedEntryCount, List<PutEventsResultEntry>? Entries);

/// <summary>One entry's result on the wire.</summary>
internal sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage);

[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResponse))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class PutEventsJsonContext : JsonSerializerContext;
