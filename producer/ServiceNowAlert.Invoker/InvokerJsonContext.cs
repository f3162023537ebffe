using System.Text.Json.Serialization;

namespace ServiceNowAlert.Invoker;

/// <summary>
/// Source-generated JSON for the invoker's response, which is only ever written: serialize-only code, so the first
/// response of a cold start does not first build the property metadata a reader would need.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(InvokerResponse))]
public sealed partial class InvokerJsonContext : JsonSerializerContext;
