using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>One parsed template under cloudformation/, with lookups the policy tests share.</summary>
public sealed class CloudFormationTemplate
{
    public static readonly IReadOnlyList<string> FileNames = ["artifact-bucket.yaml", "callee.yaml", "caller.yaml"];

    private static readonly ConcurrentDictionary<string, CloudFormationTemplate> Cache = new(StringComparer.Ordinal);

    private CloudFormationTemplate(string fileName, JsonObject root)
    {
        FileName = fileName;
        Root = root;
    }

    public string FileName { get; }

    public JsonObject Root { get; }

    public JsonObject ResourcesSection => Root["Resources"]!.AsObject();

    public IEnumerable<(string Id, JsonObject Resource)> ResourceEntries =>
        ResourcesSection.Select(pair => (pair.Key, pair.Value!.AsObject()));

    public static CloudFormationTemplate Load(string fileName) =>
        Cache.GetOrAdd(fileName, name => new CloudFormationTemplate(name, CloudFormationYaml.Load(RepositoryPaths.Template(name))));

    public static IEnumerable<CloudFormationTemplate> All() => FileNames.Select(Load);

    public IEnumerable<(string Id, JsonObject Properties)> ResourcesOfType(string type) =>
        ResourceEntries.Where(r => r.Resource["Type"]?.GetValue<string>() == type)
            .Select(r => (r.Id, r.Resource["Properties"]?.AsObject() ?? new JsonObject()));

    public JsonObject Properties(string resourceId) =>
        ResourcesSection[resourceId]?["Properties"]?.AsObject()
        ?? throw new KeyNotFoundException($"find resource: {FileName} has no {resourceId} with properties");

    public JsonObject Parameter(string name) =>
        Root["Parameters"]?[name]?.AsObject()
        ?? throw new KeyNotFoundException($"find parameter: {FileName} has no parameter {name}");

    /// <summary>The parameters whose values CloudFormation masks (NoEcho true, as a boolean or a string).</summary>
    public IEnumerable<string> NoEchoParameters() =>
        (Root["Parameters"]?.AsObject() ?? [])
            .Where(p => p.Value?["NoEcho"] is JsonValue value
                && (value.GetValueKind() == System.Text.Json.JsonValueKind.True
                    || string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Key);

    /// <summary>Every statement of every policy document in the template, Fn::If branches included.</summary>
    public IEnumerable<PolicyStatement> PolicyStatements()
    {
        foreach (var (id, resource) in ResourceEntries)
        {
            var properties = resource["Properties"] as JsonObject;
            foreach (var (kind, document) in PolicyDocuments(resource["Type"]!.GetValue<string>(), properties))
            {
                foreach (var statement in Intrinsics.Items(document?["Statement"]).OfType<JsonObject>())
                {
                    yield return new PolicyStatement(FileName, id, kind, statement);
                }
            }
        }
    }

    private static IEnumerable<(PolicyKind Kind, JsonNode? Document)> PolicyDocuments(string type, JsonObject? properties)
    {
        if (properties is null)
        {
            yield break;
        }

        switch (type)
        {
            case "AWS::IAM::Role":
                yield return (PolicyKind.Trust, properties["AssumeRolePolicyDocument"]);
                foreach (var policy in Intrinsics.Items(properties["Policies"]))
                {
                    yield return (PolicyKind.Identity, policy?["PolicyDocument"]);
                }

                break;
            case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy":
                yield return (PolicyKind.Identity, properties["PolicyDocument"]);
                break;
            case "AWS::KMS::Key":
                yield return (PolicyKind.Key, properties["KeyPolicy"]);
                break;
            case "AWS::S3::BucketPolicy" or "AWS::SQS::QueuePolicy":
                yield return (PolicyKind.Resource, properties["PolicyDocument"]);
                break;
        }
    }
}
