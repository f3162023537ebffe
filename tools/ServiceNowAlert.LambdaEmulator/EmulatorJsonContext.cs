using System.Text.Json.Serialization;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>Source-generated JSON for the configuration file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EmulatorConfiguration))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
