using System.Text.Json.Serialization;

namespace ServiceNowAlert.Alerting.Routing;

/// <summary>Source-generated JSON for the routes file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RoutesDocument))]
internal sealed partial class RoutesJsonContext : JsonSerializerContext;
