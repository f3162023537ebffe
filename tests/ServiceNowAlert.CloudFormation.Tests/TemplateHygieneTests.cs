using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed partial class TemplateHygieneTests
{
    // aws cloudformation deploy sends the template inline (no --s3-bucket) only up to this size.
    private const int InlineTemplateBodyLimit = 51_200;

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Template_FitsTheInlineTemplateBodyLimit(string fileName)
    {
        Assert.True(new FileInfo(RepositoryPaths.Template(fileName)).Length < InlineTemplateBodyLimit);
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void EveryParameter_IsUsed(string fileName)
    {
        var template = CloudFormationTemplate.Load(fileName);
        var body = string.Join("\n", new[] { "Resources", "Outputs", "Conditions", "Rules" }.Select(s => template.Root[s]?.ToJsonString() ?? ""));

        var unused = template.Root["Parameters"]!.AsObject().Select(p => p.Key)
            .Where(name => !body.Contains($"{{\"Ref\":\"{name}\"}}", StringComparison.Ordinal) && !body.Contains("${" + name + "}", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unused);
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void EveryCondition_IsDeclaredAndUsed(string fileName)
    {
        var template = CloudFormationTemplate.Load(fileName);
        var declared = template.Root["Conditions"]?.AsObject().Select(c => c.Key).ToList() ?? [];
        var used = ConditionUses(template.Root["Conditions"]).Concat(ConditionUses(template.ResourcesSection))
            .Concat(ConditionUses(template.Root["Outputs"])).ToHashSet();

        Assert.Equal(declared.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void EveryScannerSuppression_GivesAReason(string fileName)
    {
        foreach (var (id, resource) in CloudFormationTemplate.Load(fileName).ResourceEntries)
        {
            var metadata = resource["Metadata"];
            foreach (var rule in Intrinsics.Items(metadata?["cfn_nag"]?["rules_to_suppress"]).OfType<JsonObject>())
            {
                Assert.False(string.IsNullOrWhiteSpace(rule["reason"]?.GetValue<string>()), $"{id} {rule["id"]}");
            }

            foreach (var skip in Intrinsics.Items(metadata?["checkov"]?["skip"]).OfType<JsonObject>())
            {
                Assert.False(string.IsNullOrWhiteSpace(skip["comment"]?.GetValue<string>()), $"{id} {skip["id"]}");
            }
        }
    }

    [Theory]
    [InlineData("s3-callee.json", "artifact-bucket.yaml")]
    [InlineData("s3-caller.json", "artifact-bucket.yaml")]
    [InlineData("callee.json", "callee.yaml")]
    [InlineData("caller.json", "caller.yaml")]
    public void ParameterFile_NamesOnlyTemplateParametersAndMeetsTheirConstraints(string paramsFile, string templateFile)
    {
        var template = CloudFormationTemplate.Load(templateFile);
        var parameters = new TemplateParameters(template, ParameterFiles.Values(paramsFile));

        Assert.Empty(parameters.Unknown);
        Assert.DoesNotContain(parameters.Errors(), e => !e.EndsWith(": no value and no default", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("callee.json", "callee.yaml")]
    [InlineData("caller.json", "caller.yaml")]
    [InlineData("s3-callee.json", "artifact-bucket.yaml")]
    public void ParameterFile_AndDeployScript_SupplyEveryParameterWithoutADefault(string paramsFile, string templateFile)
    {
        var supplied = ParameterFiles.Values(paramsFile).Keys
            .Concat(DeployScriptParameter().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.CloudFormation, "deploy.sh"))).Select(m => m.Groups[1].Value))
            .ToHashSet();

        var missing = CloudFormationTemplate.Load(templateFile).Root["Parameters"]!.AsObject()
            .Where(p => p.Value!["Default"] is null && !supplied.Contains(p.Key))
            .Select(p => p.Key)
            .ToList();

        Assert.Empty(missing);
    }

    // A resource's or output's Condition key, the first argument of Fn::If, and {"Condition": name} inside conditions.
    private static IEnumerable<string> ConditionUses(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => pair switch
        {
            { Key: "Condition", Value: JsonValue name } => [name.GetValue<string>()],
            { Key: "Fn::If", Value: JsonArray args } => args.Take(1).Select(a => a!.GetValue<string>()).Concat(args.Skip(1).SelectMany(ConditionUses)),
            _ => ConditionUses(pair.Value),
        }),
        JsonArray array => array.SelectMany(ConditionUses),
        _ => [],
    };

    public static TheoryData<string> TemplateFiles() => new(CloudFormationTemplate.FileNames);

    [GeneratedRegex("\"([A-Za-z0-9]+)=\\$")]
    private static partial Regex DeployScriptParameter();
}
