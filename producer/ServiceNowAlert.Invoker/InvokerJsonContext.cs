using System.Text.Json.Serialization;

namespace ServiceNowAlert.Invoker;

/// <summary>Source-generated JSON for the invoker's response.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InvokerResponse))]
public sealed partial class InvokerJsonContext : JsonSerializerContext;
