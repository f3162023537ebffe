using System.Text.Json.Serialization;
using ServiceNowAlert.Contracts.Json;

namespace ServiceNowAlert.Contracts;

/// <summary>Source-generated JSON metadata for the contract: camelCase, enums as strings, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(AlertRequest))]
[JsonSerializable(typeof(AlertResult))]
[JsonSerializable(typeof(List<AlertRequest>))]
[JsonSerializable(typeof(List<AlertResult>))]
[JsonSerializable(typeof(List<AlertProblem>))]
public sealed partial class AlertJsonContext : JsonSerializerContext;
