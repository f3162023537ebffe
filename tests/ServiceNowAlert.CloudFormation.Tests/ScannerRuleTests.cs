using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>
/// What cfn-lint, checkov and cfn_nag check by default, held as tests so that a template change that would make
/// one of them fire fails here first (the rule id is named on each test).
/// </summary>
public sealed partial class ScannerRuleTests
{
    // cfn-lint I3011's stateful types that these templates use, and the versions a rollback goes back to.
    private static readonly HashSet<string> StatefulTypes = new(StringComparer.Ordinal)
    {
        "AWS::KMS::Key", "AWS::S3::Bucket", "AWS::Logs::LogGroup", "AWS::SQS::Queue",
        "AWS::SecretsManager::Secret", "AWS::DynamoDB::Table", "AWS::Lambda::Version",
    };

    // cfn-lint I3011 and W3011.
    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void EveryStatefulResource_IsRetainedOnDeleteAndOnReplace(string fileName)
    {
        var stateful = CloudFormationTemplate.Load(fileName).ResourceEntries
            .Where(r => StatefulTypes.Contains(r.Resource["Type"]!.GetValue<string>()))
            .ToList();

        var offenders = stateful
            .Where(r => r.Resource["DeletionPolicy"]?.GetValue<string>() != "Retain"
                || r.Resource["UpdateReplacePolicy"]?.GetValue<string>() != "Retain")
            .Select(r => r.Id)
            .ToList();

        Assert.NotEmpty(stateful);
        Assert.Empty(offenders);
    }

    // cfn-lint W3011: a DeletionPolicy without the matching UpdateReplacePolicy still loses the resource on replacement.
    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void EveryDeletionPolicy_ComesWithTheSameUpdateReplacePolicy(string fileName)
    {
        var offenders = CloudFormationTemplate.Load(fileName).ResourceEntries
            .Where(r => r.Resource["DeletionPolicy"]?.GetValue<string>() != r.Resource["UpdateReplacePolicy"]?.GetValue<string>())
            .Select(r => r.Id)
            .ToList();

        Assert.Empty(offenders);
    }

    // cfn-lint I3042 (with its region and account checks switched on too); "*" as the account names no account.
    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void NoArn_HardCodesThePartitionRegionOrAccount(string fileName)
    {
        var template = CloudFormationTemplate.Load(fileName);
        var strings = Strings(template.ResourcesSection).Concat(Strings(template.Root["Outputs"])).ToList();

        var offenders = new List<string>();
        foreach (var (text, isSub) in strings.Where(s => s.Text.Contains("arn:", StringComparison.Ordinal)))
        {
            if (!isSub)
            {
                offenders.Add(text);
                continue;
            }

            var named = text.Replace("${AWS::Partition}", "{partition}", StringComparison.Ordinal)
                .Replace("${AWS::Region}", "{region}", StringComparison.Ordinal)
                .Replace("${AWS::AccountId}", "{account}", StringComparison.Ordinal);
            foreach (Match arn in ArnPrefix().Matches(named))
            {
                if (arn.Groups["partition"].Value != "{partition}"
                    || arn.Groups["region"].Value is not ("" or "{region}")
                    || arn.Groups["account"].Value is not ("" or "{account}" or "*"))
                {
                    offenders.Add(text);
                }
            }
        }

        Assert.Empty(offenders);
        Assert.Contains(strings, s => s.IsSub && s.Text.StartsWith("arn:${AWS::Partition}:", StringComparison.Ordinal));
    }

    // cfn-lint W1020 (a Sub without a variable) and E1029 (a variable outside a Sub).
    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void EverySub_NamesAVariable_AndNoOtherStringDoes(string fileName)
    {
        var template = CloudFormationTemplate.Load(fileName);

        var offenders = Strings(template.ResourcesSection).Concat(Strings(template.Root["Outputs"]))
            .Where(s => s.IsSub != SubVariable().IsMatch(s.Text))
            .Select(s => s.Text)
            .ToList();

        Assert.Empty(offenders);
    }

    // cfn-lint W1030: a bare Ref to a parameter whose default is empty would put "" into a policy, unless a
    // condition on the way there requires the parameter to be set.
    [Fact]
    public void Policies_RefAParameterWithAnEmptyDefaultOnlyWhereAConditionRequiresItSet()
    {
        var offenders = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in CloudFormationTemplate.All())
        {
            var optional = template.Root["Parameters"]!.AsObject()
                .Where(p => p.Value!["Default"] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0)
                .Select(p => p.Key)
                .ToHashSet(StringComparer.Ordinal);
            var conditions = template.Root["Conditions"]?.AsObject() ?? new JsonObject();
            foreach (var statement in template.PolicyStatements())
            {
                var resourceCondition = template.ResourcesSection[statement.ResourceId]!["Condition"]?.GetValue<string>();
                var held = ConditionsAbove(template.ResourcesSection[statement.ResourceId], statement.Statement, [])!;
                held = resourceCondition is null ? held : held.Add(resourceCondition);
                foreach (var (parameter, path) in OptionalRefs(statement.Statement, optional, held))
                {
                    seen.Add(parameter);
                    if (!path.Any(c => RequiresSet(conditions, conditions[c], parameter)))
                    {
                        offenders.Add($"{statement}: {parameter}");
                    }
                }
            }
        }

        Assert.Contains("ExistingSmtpParameterKeyArn", seen);
        Assert.Empty(offenders);
    }

    // IAM role names stop at 64 characters: every name built from FunctionName must fit at its longest allowed value.
    [Theory]
    [InlineData("callee.yaml")]
    [InlineData("caller.yaml")]
    public void NamesBuiltFromTheFunctionName_FitTheirLimitsAtItsLongestValue(string fileName)
    {
        var template = CloudFormationTemplate.Load(fileName);
        var pattern = template.Parameter("FunctionName")["AllowedPattern"]!.GetValue<string>();
        var longest = new string('a', int.Parse(UpperBound().Match(pattern).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Matches(pattern, longest);

        var errors = new List<string>();
        var resolvedCount = 0;
        foreach (var (id, resource) in template.ResourceEntries)
        {
            foreach (var (name, value) in resource["Properties"] as JsonObject ?? [])
            {
                if (value is JsonObject { Count: 1 } sub && sub["Fn::Sub"] is JsonValue text
                    && SubVariable().Matches(text.GetValue<string>()).All(v => v.Value is "${FunctionName}" || v.Value.StartsWith("${AWS::", StringComparison.Ordinal)))
                {
                    resolvedCount++;
                    var resolved = Resolve(text.GetValue<string>(), longest);
                    errors.AddRange(AwsNameLimits.Check(resource["Type"]!.GetValue<string>(), name, resolved).Select(e => $"{id} {e}"));
                }
            }
        }

        Assert.NotEqual(0, resolvedCount);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("AWS::IAM::Role", "RoleName", "servicenowalert-alerting-with-a-name-that-is-far-too-long-execution")]
    [InlineData("AWS::IAM::Role", "RoleName", "alerting execution")]
    [InlineData("AWS::DynamoDB::Table", "TableName", "ab")]
    [InlineData("AWS::KMS::Alias", "AliasName", "servicenowalert")]
    [InlineData("AWS::Lambda::Function", "Description", "a property nobody wrote a limit for")]
    public void NameLimits_RefuseANameAwsWouldRefuse(string type, string property, string value)
    {
        Assert.NotEmpty(AwsNameLimits.Check(type, property, value));
    }

    // A suppression is only read under the tool's own rule id format.
    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void EveryScannerSuppression_NamesARuleIdOfItsScanner(string fileName)
    {
        var offenders = new List<string>();
        foreach (var (id, resource) in CloudFormationTemplate.Load(fileName).ResourceEntries)
        {
            var metadata = resource["Metadata"];
            offenders.AddRange(Intrinsics.Items(metadata?["cfn_nag"]?["rules_to_suppress"])
                .Select(r => r?["id"]?.GetValue<string>() ?? "")
                .Where(rule => !CfnNagRuleId().IsMatch(rule))
                .Select(rule => $"{id} cfn_nag {rule}"));
            offenders.AddRange(Intrinsics.Items(metadata?["checkov"]?["skip"])
                .Select(s => s?["id"]?.GetValue<string>() ?? "")
                .Where(check => !CheckovCheckId().IsMatch(check))
                .Select(check => $"{id} checkov {check}"));
            offenders.AddRange(Intrinsics.Strings(metadata?["cfn-lint"]?["config"]?["ignore_checks"])
                .Where(rule => !CfnLintRuleId().IsMatch(rule))
                .Select(rule => $"{id} cfn-lint {rule}"));
        }

        Assert.Empty(offenders);
    }

    public static TheoryData<string> TemplateFiles() => new(CloudFormationTemplate.FileNames);

    // Every string value with whether it is an Fn::Sub template; keys and Fn::If condition names are not values.
    private static IEnumerable<(string Text, bool IsSub)> Strings(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } obj when obj["Fn::Sub"] is JsonValue text => [(text.GetValue<string>(), true)],
        JsonObject { Count: 1 } obj when obj["Fn::Sub"] is JsonArray { Count: 2 } args =>
            Strings(args[0]).Select(s => (s.Text, true)).Concat(Strings(args[1])),
        JsonObject { Count: 1 } obj when obj["Fn::If"] is JsonArray { Count: 3 } args => Strings(args[1]).Concat(Strings(args[2])),
        JsonObject { Count: 1 } obj when obj["Ref"] is not null || obj["Condition"] is not null => [],
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [(value.GetValue<string>(), false)],
        _ => [],
    };

    // Each bare Ref to an optional parameter, with the conditions that hold where it sits.
    private static IEnumerable<(string Parameter, ImmutableList<string> Held)> OptionalRefs(
        JsonNode? node, HashSet<string> optional, ImmutableList<string> held) => node switch
    {
        JsonObject { Count: 1 } obj when obj["Fn::If"] is JsonArray { Count: 3 } args =>
            OptionalRefs(args[1], optional, held.Add(args[0]!.GetValue<string>())).Concat(OptionalRefs(args[2], optional, held)),
        JsonObject { Count: 1 } obj when obj["Ref"] is JsonValue name => optional.Contains(name.GetValue<string>())
            ? [(name.GetValue<string>(), held)]
            : [],
        JsonObject obj => obj.SelectMany(pair => OptionalRefs(pair.Value, optional, held)),
        JsonArray array => array.SelectMany(item => OptionalRefs(item, optional, held)),
        _ => [],
    };

    // The conditions of the Fn::If true branches on the way from node down to target (null: target is not below node).
    private static ImmutableList<string>? ConditionsAbove(JsonNode? node, JsonNode target, ImmutableList<string> held) => node switch
    {
        _ when ReferenceEquals(node, target) => held,
        JsonObject { Count: 1 } obj when obj["Fn::If"] is JsonArray { Count: 3 } args =>
            ConditionsAbove(args[1], target, held.Add(args[0]!.GetValue<string>())) ?? ConditionsAbove(args[2], target, held),
        JsonObject obj => obj.Select(pair => ConditionsAbove(pair.Value, target, held)).FirstOrDefault(found => found is not null),
        JsonArray array => array.Select(item => ConditionsAbove(item, target, held)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    // Whether a condition is only true when the parameter is not "" (through Condition and Fn::And).
    private static bool RequiresSet(JsonObject conditions, JsonNode? condition, string parameter)
    {
        if (condition is not JsonObject { Count: 1 } obj)
        {
            return false;
        }

        if (obj["Condition"] is JsonValue name)
        {
            return RequiresSet(conditions, conditions[name.GetValue<string>()], parameter);
        }

        if (obj["Fn::And"] is JsonArray all)
        {
            return all.Any(c => RequiresSet(conditions, c, parameter));
        }

        if (obj["Fn::Not"] is JsonArray { Count: 1 } not && not[0]?["Fn::Equals"] is JsonArray { Count: 2 } equals)
        {
            return (IsParameterText(equals[0], parameter) && IsEmptyString(equals[1]))
                || (IsParameterText(equals[1], parameter) && IsEmptyString(equals[0]));
        }

        return false;
    }

    // The parameter itself, or a list parameter joined with "" (empty exactly when every entry is).
    private static bool IsParameterText(JsonNode? node, string parameter) =>
        Intrinsics.IsRefTo(node, parameter)
        || (node is JsonObject { Count: 1 } obj && obj["Fn::Join"] is JsonArray { Count: 2 } join && IsEmptyString(join[0]) && Intrinsics.IsRefTo(join[1], parameter));

    private static bool IsEmptyString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0;

    // The longest plausible values of the pseudo parameters.
    private static string Resolve(string text, string functionName) => text
        .Replace("${FunctionName}", functionName, StringComparison.Ordinal)
        .Replace("${AWS::Partition}", "aws-iso-b", StringComparison.Ordinal)
        .Replace("${AWS::Region}", "ap-southeast-5", StringComparison.Ordinal)
        .Replace("${AWS::AccountId}", "123456789012", StringComparison.Ordinal);

    [GeneratedRegex(@"arn:(?<partition>[^:]*):(?<service>[^:]*):(?<region>[^:]*):(?<account>[^:]*)")]
    private static partial Regex ArnPrefix();

    // ${Name} or ${Name.Attribute}; ${!Literal} is not a variable.
    [GeneratedRegex(@"\$\{[^!}][^}]*\}")]
    private static partial Regex SubVariable();

    [GeneratedRegex(@"\{1,(\d+)\}\$$")]
    private static partial Regex UpperBound();

    [GeneratedRegex(@"^[WF]\d+$")]
    private static partial Regex CfnNagRuleId();

    [GeneratedRegex(@"^CKV2?_AWS_\d+$")]
    private static partial Regex CheckovCheckId();

    [GeneratedRegex(@"^[EWI]\d{4}$")]
    private static partial Regex CfnLintRuleId();
}
