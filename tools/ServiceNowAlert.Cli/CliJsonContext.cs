using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceNowAlert.Cli;

/// <summary>Source-generated JSON for the CLI's machine-readable output.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<ValidationReport>))]
[JsonSerializable(typeof(ServiceNowAlert.Invoker.InvokerResponse))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Like <see cref="JsonSerializerContext"/>'s default, but leaves '+', quotes and non-ASCII readable.</summary>
    public static CliJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
