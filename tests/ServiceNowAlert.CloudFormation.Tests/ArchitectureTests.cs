using System.Text.Json.Nodes;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>
/// Each function stack runs its function on x86_64 (the default) or arm64 (Graviton), from the package built for it:
/// both values pass the parameter checks, resolve to a function AWS's resource specification accepts, and change
/// nothing else in the stack (no policy, trust or permission depends on the architecture).
/// </summary>
public sealed class ArchitectureTests
{
    // What Lambda accepts in Architectures (one entry).
    private static readonly string[] LambdaArchitectures = ["x86_64", "arm64"];

    private static readonly string Sha = new('c', 64);

    [Theory]
    [InlineData("callee.yaml", "AlertingFunction")]
    [InlineData("caller.yaml", "InvokerFunction")]
    public void Architecture_IsAParameterDefaultingToX86AndTheFunctionsOnlyArchitecture(string fileName, string functionId)
    {
        var template = CloudFormationTemplate.Load(fileName);
        var parameter = template.Parameter("Architecture");

        Assert.Equal("String", parameter["Type"]!.GetValue<string>());
        Assert.Equal("x86_64", parameter["Default"]!.GetValue<string>());
        Assert.Equal("""[{"Ref":"Architecture"}]""", template.Properties(functionId)["Architectures"]!.ToJsonString());
        var groups = template.Root["Metadata"]!["AWS::CloudFormation::Interface"]!["ParameterGroups"]!.AsArray();
        Assert.Contains(groups, g => g!["Parameters"]!.AsArray().Any(p => p!.GetValue<string>() == "Architecture"));
    }

    // cfn-lint W2030: the values a parameter allows (and its default) must be values of every property that refers to
    // it; here they are exactly Lambda's two, so each one the stack takes is one Lambda takes.
    [Theory]
    [InlineData("callee.yaml")]
    [InlineData("caller.yaml")]
    public void Architecture_AllowsExactlyLambdasValues(string fileName)
    {
        var parameter = CloudFormationTemplate.Load(fileName).Parameter("Architecture");

        Assert.Equal(LambdaArchitectures, parameter["AllowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains(parameter["Default"]!.GetValue<string>(), LambdaArchitectures);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EachArchitecture_WithItsKey_PassesTheChecksAndIsTheFunctionsArchitecture(string stack, string architecture)
    {
        var resolved = Resolve(stack, architecture);
        var function = resolved.Resources[FunctionId(stack)]!;

        Assert.Equal(new JsonArray(architecture).ToJsonString(), function["Architectures"]!.ToJsonString());
        Assert.Equal(Key(stack, architecture), function["Code"]!["S3Key"]!.GetValue<string>());
    }

    // ResourceSchemaTests validate the template with its intrinsics; this validates what each value resolves to.
    [Theory]
    [MemberData(nameof(Stacks))]
    public void EachArchitecture_ResolvesToAFunctionAwsResourceSpecificationAccepts(string stack, string architecture)
    {
        var function = Resolve(stack, architecture).Resources[FunctionId(stack)]!.DeepClone().AsObject();
        // Resolved parameters are strings; CloudFormation converts a Number parameter where a property wants one.
        foreach (var number in new[] { "MemorySize", "Timeout", "ReservedConcurrentExecutions" })
        {
            function[number] = int.Parse(function[number]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var errors = ResourceSpecValidator.ForType("AWS::Lambda::Function").Validate(function);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("callee", "aarch64")]
    [InlineData("callee", "ARM64")]
    [InlineData("caller", "x86")]
    [InlineData("caller", "")]
    public void AnArchitectureLambdaDoesNotKnow_IsRefusedBeforeAnythingIsCreated(string stack, string architecture)
    {
        var parameters = Parameters(stack, "x86_64");
        parameters["Architecture"] = architecture;

        Assert.Contains(Errors(stack, parameters), e => e.StartsWith("Architecture:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("callee", "alerting/x86_64/{0}.zip")]
    [InlineData("callee", "alerting/arm64/arm64/{0}.zip")]
    [InlineData("callee", "invoker/arm64/{0}.zip")]
    [InlineData("caller", "invoker/arm/{0}.zip")]
    [InlineData("caller", "invoker/arm64/{0}")]
    public void ACodeKeyOutsideTheTwoLayouts_IsRefused(string stack, string key)
    {
        var parameters = Parameters(stack, "arm64");
        parameters["CodeS3Key"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, key, Sha);

        Assert.Contains(Errors(stack, parameters), e => e.StartsWith("CodeS3Key:", StringComparison.Ordinal));
    }

    // Every policy, trust policy, permission, alarm and queue of arm64 is the x86_64 one: switching cannot open or
    // close any access. The version's description names the code key, so it differs too.
    [Theory]
    [InlineData("callee")]
    [InlineData("caller")]
    public void SwitchingTheArchitecture_ChangesOnlyTheFunctionsArchitectureAndCode(string stack)
    {
        var x86 = Resolve(stack, "x86_64").Resources;
        var arm = Resolve(stack, "arm64").Resources;

        var changed = x86.Select(r => r.Key).Where(id => !JsonNode.DeepEquals(x86[id], arm[id])).ToList();

        Assert.Equal(x86.Select(r => r.Key), arm.Select(r => r.Key));
        Assert.Equal(new[] { FunctionId(stack), VersionId(stack) }, changed);
        var function = x86[FunctionId(stack)]!.DeepClone().AsObject();
        function["Architectures"] = new JsonArray("arm64");
        function["Code"]!["S3Key"] = Key(stack, "arm64");
        Assert.True(JsonNode.DeepEquals(function, arm[FunctionId(stack)]), arm[FunctionId(stack)]!.ToJsonString());
    }

    public static TheoryData<string, string> Stacks()
    {
        var data = new TheoryData<string, string>();
        foreach (var stack in new[] { "callee", "caller" })
        {
            foreach (var architecture in LambdaArchitectures)
            {
                data.Add(stack, architecture);
            }
        }

        return data;
    }

    private static string FunctionId(string stack) => stack == "callee" ? "AlertingFunction" : "InvokerFunction";

    private static string VersionId(string stack) => stack == "callee" ? "FunctionVersion" : "InvokerVersion";

    // deploy.sh's key layout: <function>/<sha256>.zip for x86_64, <function>/arm64/<sha256>.zip for arm64.
    private static string Key(string stack, string architecture) =>
        (stack == "callee" ? "alerting/" : "invoker/") + (architecture == "arm64" ? "arm64/" : "") + Sha + ".zip";

    private static Dictionary<string, string> Parameters(string stack, string architecture)
    {
        var parameters = stack == "callee"
            ? CalleeDeployment.Parameters("arn:aws:iam::222222222222:role/servicenowalert-invoker", "")
            : CallerDeployment.Parameters();
        parameters["Architecture"] = architecture;
        parameters["CodeS3Key"] = Key(stack, architecture);
        return parameters;
    }

    private static ResolvedTemplate Resolve(string stack, string architecture) => stack == "callee"
        ? CalleeDeployment.Resolve(Parameters(stack, architecture))
        : CallerDeployment.Resolve(Parameters(stack, architecture));

    private static IReadOnlyList<string> Errors(string stack, Dictionary<string, string> parameters) => stack == "callee"
        ? CalleeDeployment.Errors(parameters)
        : CallerDeployment.Errors(parameters);
}
