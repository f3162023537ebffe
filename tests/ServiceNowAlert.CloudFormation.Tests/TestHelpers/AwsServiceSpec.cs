using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// AWS's machine-readable CloudFormation resource specification: the database of the npm package
/// <c>@aws-cdk/aws-service-spec</c> (generated from the CloudFormation registry schemas), which ./test.sh installs,
/// at the version pinned in tests/cfn-spec-harness/package-lock.json.
/// </summary>
public sealed class AwsServiceSpec
{
    private static readonly Lazy<AwsServiceSpec> LazyInstance = new(Load);

    private readonly Dictionary<string, JsonObject> _resources;
    private readonly Dictionary<string, JsonObject> _typeDefinitions;

    private AwsServiceSpec(Dictionary<string, JsonObject> resources, Dictionary<string, JsonObject> typeDefinitions)
    {
        _resources = resources;
        _typeDefinitions = typeDefinitions;
    }

    public static AwsServiceSpec Instance => LazyInstance.Value;

    public static string DatabasePath =>
        Path.Combine(RepositoryPaths.Root, "tests", "cfn-spec-harness", "node_modules", "@aws-cdk", "aws-service-spec", "db.json.gz");

    /// <summary>The resource entity of a CloudFormation type (its <c>properties</c>, each with a type and <c>required</c>).</summary>
    public JsonObject Resource(string cloudFormationType) =>
        _resources.TryGetValue(cloudFormationType, out var resource)
            ? resource
            : throw new KeyNotFoundException($"load resource spec: AWS's specification has no resource type {cloudFormationType}");

    /// <summary>A property type (<c>{"type":"ref","reference":{"$ref":id}}</c>) resolved to its definition.</summary>
    public JsonObject TypeDefinition(string id) =>
        _typeDefinitions.TryGetValue(id, out var definition)
            ? definition
            : throw new KeyNotFoundException($"load resource spec: no type definition {id}");

    private static AwsServiceSpec Load()
    {
        if (!File.Exists(DatabasePath))
        {
            throw new FileNotFoundException(
                "load resource spec: tests/cfn-spec-harness is not installed; ./test.sh installs it (npm ci --prefix tests/cfn-spec-harness)",
                DatabasePath);
        }

        using var file = File.OpenRead(DatabasePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var schema = JsonNode.Parse(gzip)!["schema"]!;
        return new AwsServiceSpec(
            Entities(schema["resource"]).ToDictionary(r => r["cloudFormationType"]!.GetValue<string>(), StringComparer.Ordinal),
            Entities(schema["typeDefinition"]).ToDictionary(t => t["$id"]!.GetValue<string>(), StringComparer.Ordinal));
    }

    private static IEnumerable<JsonObject> Entities(JsonNode? table) =>
        table?["entities"]?.AsArray().Select(entity => entity!.AsObject())
        ?? throw new InvalidDataException("load resource spec: db.json.gz has no entities table; has the package's format changed?");
}
