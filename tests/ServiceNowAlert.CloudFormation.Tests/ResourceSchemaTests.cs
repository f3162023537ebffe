using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed partial class ResourceSchemaTests
{
    private static readonly HashSet<string> ResourceAttributes = new(StringComparer.Ordinal)
    {
        "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata",
    };

    [Theory]
    [MemberData(nameof(EveryResource))]
    public void Resource_Properties_ValidateAgainstAwsResourceSchema(string fileName, string resourceId)
    {
        var resource = CloudFormationTemplate.Load(fileName).ResourcesSection[resourceId]!.AsObject();
        var validator = ResourceSpecValidator.ForType(resource["Type"]!.GetValue<string>());

        var errors = validator.Validate(resource["Properties"]);

        Assert.True(errors.Count == 0, $"{fileName} {resourceId}:\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(EveryResource))]
    public void Resource_Attributes_AreKnownAndReferToDeclaredConditionsAndResources(string fileName, string resourceId)
    {
        var template = CloudFormationTemplate.Load(fileName);
        var resource = template.ResourcesSection[resourceId]!.AsObject();

        Assert.All(resource.Select(p => p.Key), key => Assert.Contains(key, ResourceAttributes));
        if (resource["Condition"] is JsonValue condition)
        {
            Assert.True(template.Root["Conditions"]?[condition.GetValue<string>()] is not null, $"{resourceId}: unknown condition");
        }

        foreach (var dependency in Intrinsics.Strings(resource["DependsOn"]))
        {
            Assert.True(template.ResourcesSection.ContainsKey(dependency), $"{resourceId}: DependsOn unknown {dependency}");
        }

        foreach (var policy in new[] { "DeletionPolicy", "UpdateReplacePolicy" })
        {
            if (resource[policy] is JsonValue value)
            {
                Assert.Contains(value.GetValue<string>(), new[] { "Delete", "Retain", "Snapshot", "RetainExceptOnCreate" });
            }
        }
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Template_EveryRefAndGetAtt_NamesAParameterOrResource(string fileName)
    {
        var template = CloudFormationTemplate.Load(fileName);
        var parameters = template.Root["Parameters"]?.AsObject().Select(p => p.Key) ?? [];
        var known = new HashSet<string>(parameters.Concat(template.ResourcesSection.Select(p => p.Key)), StringComparer.Ordinal);

        var unknown = References(template.ResourcesSection).Concat(References(template.Root["Outputs"]))
            .Where(name => !name.StartsWith("AWS::", StringComparison.Ordinal) && !known.Contains(name))
            .ToList();

        Assert.Empty(unknown);
    }

    public static TheoryData<string, string> EveryResource()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in CloudFormationTemplate.All())
        {
            foreach (var (id, _) in template.ResourceEntries)
            {
                data.Add(template.FileName, id);
            }
        }

        return data;
    }

    public static TheoryData<string> TemplateFiles() => new(CloudFormationTemplate.FileNames);

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj when obj.Count == 1 && obj["Ref"] is JsonValue name => [name.GetValue<string>()],
        JsonObject obj when obj.Count == 1 && obj["Fn::GetAtt"] is JsonArray args => [args[0]!.GetValue<string>()],
        JsonObject obj when obj.Count == 1 && obj["Fn::Sub"] is JsonValue text =>
            SubVariable().Matches(text.GetValue<string>()).Select(m => m.Groups[1].Value),
        JsonObject obj => obj.SelectMany(pair => References(pair.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    // ${Name} or ${Name.Attribute} in an Fn::Sub string; ${!Literal} is not a reference.
    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)(?:\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex SubVariable();
}
