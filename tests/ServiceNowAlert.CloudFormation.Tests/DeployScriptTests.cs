using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>deploy.sh for real, against a fake aws executable that records its calls.</summary>
public sealed class DeployScriptTests : IDisposable
{
    private readonly DirectoryInfo _artifacts = Directory.CreateTempSubdirectory("artifacts-");

    public DeployScriptTests()
    {
        File.WriteAllText(Path.Combine(_artifacts.FullName, "alerting.zip"), "alerting bytes");
        File.WriteAllText(Path.Combine(_artifacts.FullName, "invoker.zip"), "invoker bytes");
    }

    public void Dispose() => _artifacts.Delete(recursive: true);

    [Fact]
    public async Task Deploy_FirstTime_UploadsBothZipsAndForwardsRealOutputs()
    {
        using var aws = new FakeAwsCli(objectsExist: false);

        var result = await RunAsync(aws);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var calls = aws.Calls;
        Assert.Equal(2, calls.Count(c => c.StartsWith("s3 cp ", StringComparison.Ordinal)));
        var upload = Assert.Single(calls, c => c.StartsWith("s3 cp ", StringComparison.Ordinal) && c.Contains("alerting.zip", StringComparison.Ordinal));
        Assert.Contains("s3://fake-S3Callee-BucketName/alerting/", upload, StringComparison.Ordinal);
        Assert.Contains("--sse-kms-key-id fake-S3Callee-KeyArn", upload, StringComparison.Ordinal);
        var caller = Assert.Single(calls, c => c.Contains("--stack-name Caller ", StringComparison.Ordinal) && c.StartsWith("cloudformation deploy", StringComparison.Ordinal));
        Assert.Contains("TargetRoleArn=fake-Callee-CrossAccountRoleArn", caller, StringComparison.Ordinal);
        Assert.Contains("TargetFunctionArn=fake-Callee-FunctionAliasArn", caller, StringComparison.Ordinal);
        Assert.Contains("CalleeTimeoutSeconds=30", caller, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_RerunWithUnchangedCode_UploadsNothingAndSendsIdenticalStackParameters()
    {
        using var first = new FakeAwsCli(objectsExist: false);
        using var again = new FakeAwsCli(objectsExist: true);

        await RunAsync(first);
        var result = await RunAsync(again);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain(again.Calls, c => c.StartsWith("s3 cp ", StringComparison.Ordinal));
        Assert.Equal(Deploys(first.Calls), Deploys(again.Calls));
        Assert.All(Deploys(again.Calls), c => Assert.EndsWith("--no-fail-on-empty-changeset", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_PassesNoEchoValuesToAwsButNeverPrintsThem()
    {
        using var aws = new FakeAwsCli(objectsExist: false);
        using var parameters = new SecretParameterFiles();

        var result = await RunAsync(aws, "--params-dir", parameters.Directory);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.NotEmpty(parameters.Secrets);
        foreach (var (name, value) in parameters.Secrets)
        {
            Assert.Contains(aws.Calls, c => c.Contains($"{name}={value}", StringComparison.Ordinal));
            Assert.DoesNotContain(value, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deploy_WithEndpointUrl_SendsEveryAwsCallThere()
    {
        using var aws = new FakeAwsCli(objectsExist: false);

        var result = await RunAsync(aws, "--endpoint-url", "http://127.0.0.1:5000");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.NotEmpty(aws.ServiceCalls);
        Assert.All(aws.ServiceCalls, c => Assert.Contains(" --endpoint-url http://127.0.0.1:5000 ", c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("An error occurred (403) when calling the HeadObject operation: Forbidden")]
    [InlineData("An error occurred (503) when calling the HeadObject operation: Service Unavailable")]
    public async Task Deploy_WhenHeadObjectFailsWithAnythingButNotFound_StopsWithTheErrorAndUploadsNothing(string error)
    {
        using var aws = new FakeAwsCli(objectsExist: false, failure: ("s3api head-object", error));

        var result = await RunAsync(aws);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(error, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Calls, c => c.StartsWith("s3 cp ", StringComparison.Ordinal));
        Assert.DoesNotContain(aws.Calls, c => c.Contains("--stack-name Callee ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_WithAwsCliVersion1_StopsWithOneLineBeforeAnyAwsCall()
    {
        using var aws = new FakeAwsCli(objectsExist: false, version: "aws-cli/1.45.11 Python/3.11.7 Linux/6.8.0 botocore/1.43.11");

        var result = await RunAsync(aws);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(aws.ServiceCalls);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("version 2 required", line, StringComparison.Ordinal);
        Assert.Contains("aws-cli/1.45.11", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_FirstInstallWhereCalleeHasTheCrossAccountRole_RefusesBeforeChangingAnything()
    {
        using var aws = new FakeAwsCli(objectsExist: true, calleeCrossAccountRole: "true");

        var result = await RunAsync(aws, "--first-install");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("without --first-install", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Calls, c => c.StartsWith("cloudformation deploy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_FirstInstallWhenCalleeCannotBeDescribed_StopsWithTheError()
    {
        const string error = "An error occurred (AccessDenied) when calling the DescribeStacks operation: not authorized";
        using var aws = new FakeAwsCli(objectsExist: true, failure: ("cloudformation describe-stacks", error));

        var result = await RunAsync(aws, "--first-install");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(error, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Calls, c => c.StartsWith("cloudformation deploy", StringComparison.Ordinal));
    }

    // Missing: a fresh account. "false": a first install that stopped before its last step, which may go on.
    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Deploy_FirstInstallWhereCalleeHasNoCrossAccountRole_ChecksThenAddsTheRoleAfterTheCaller(string? calleeCrossAccountRole)
    {
        using var aws = new FakeAwsCli(objectsExist: false, calleeCrossAccountRole: calleeCrossAccountRole);

        var result = await RunAsync(aws, "--first-install");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("cloudformation describe-stacks --profile acct-a --region eu-west-1 --stack-name Callee ", aws.ServiceCalls[0], StringComparison.Ordinal);
        var deploys = Deploys(aws.Calls);
        var callee = deploys.Where(c => c.Contains("--stack-name Callee ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, callee.Count);
        Assert.Contains("CreateCrossAccountRole=false", callee[0], StringComparison.Ordinal);
        Assert.Contains("CreateCrossAccountRole=true", callee[1], StringComparison.Ordinal);
        Assert.Equal(callee[1], deploys[^1]);
    }

    [Fact]
    public async Task Deploy_SeveralCallers_DeploysEachWithItsOwnProfileAndFilesAndTheSameCalleeOutputs()
    {
        using var aws = new FakeAwsCli(objectsExist: false);
        using var parameters = new ParameterDirectory();
        parameters.Write("s3-caller.acct-c.json", ("BucketName", "example-snalert-caller-artifacts-333333333333"));
        parameters.Write("caller.acct-c.json", ("AccountName", "Data platform"));

        var result = await RunAsync(aws, "--params-dir", parameters.Path, "--caller-profile", "acct-c");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var callers = Deploys(aws.Calls).Where(c => c.Contains("--stack-name Caller ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, callers.Count);
        Assert.StartsWith("cloudformation deploy --profile acct-b ", callers[0], StringComparison.Ordinal);
        Assert.StartsWith("cloudformation deploy --profile acct-c ", callers[1], StringComparison.Ordinal);
        Assert.All(callers, c => Assert.Contains("TargetRoleArn=fake-Callee-CrossAccountRoleArn", c, StringComparison.Ordinal));
        Assert.Contains("AccountName=Data platform", callers[1], StringComparison.Ordinal);
        Assert.Single(Deploys(aws.Calls), c => c.Contains("--stack-name Callee ", StringComparison.Ordinal));
        Assert.Equal(2, aws.Calls.Count(c => c.StartsWith("s3 cp ", StringComparison.Ordinal) && c.Contains("invoker.zip", StringComparison.Ordinal)));
    }

    // The organisation-readable bucket is an artifact bucket stack whose parameter file sets ReaderOrganizationId:
    // deploy.sh hands it to that stack, from the shared file or a profile's own, and to no other.
    [Fact]
    public async Task Deploy_ReaderOrganizationIdOfAParameterFile_ReachesOnlyItsArtifactBucketStack()
    {
        using var aws = new FakeAwsCli(objectsExist: false);
        using var parameters = new ParameterDirectory();
        parameters.Write("s3-callee.json", [.. ParameterFiles.Values("s3-callee.json")
            .Select(p => (p.Key, p.Key == "ReaderOrganizationId" ? "o-a1b2c3d4e5" : p.Value))]);
        parameters.Write("s3-caller.acct-c.json", ("BucketName", "example-snalert-caller-artifacts-333333333333"), ("ReaderOrganizationId", "o-zzzzzzzzzz"));

        var result = await RunAsync(aws, "--params-dir", parameters.Path, "--caller-profile", "acct-c");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var buckets = Deploys(aws.Calls).Where(c => c.Contains("--template-file cloudformation/artifact-bucket.yaml", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, buckets.Count);
        Assert.Contains("--profile acct-a --region eu-west-1 --stack-name S3Callee ", buckets[0], StringComparison.Ordinal);
        Assert.Contains(" ReaderOrganizationId=o-a1b2c3d4e5 ", buckets[0], StringComparison.Ordinal);
        Assert.Contains("--profile acct-b --region eu-central-1 --stack-name S3Caller ", buckets[1], StringComparison.Ordinal);
        Assert.Contains(" ReaderOrganizationId= ", buckets[1], StringComparison.Ordinal);
        Assert.Contains("--profile acct-c --region eu-central-1 --stack-name S3Caller ", buckets[2], StringComparison.Ordinal);
        Assert.Contains(" ReaderOrganizationId=o-zzzzzzzzzz ", buckets[2], StringComparison.Ordinal);
        Assert.All(buckets, c => Assert.Single(c.Split(' '), a => a.StartsWith("ReaderOrganizationId=", StringComparison.Ordinal)));
        Assert.DoesNotContain(Deploys(aws.Calls).Except(buckets), c => c.Contains("ReaderOrganizationId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_Arm64_UploadsTheArm64ZipsUnderTheirKeysAndDeploysThatArchitecture()
    {
        File.WriteAllText(Path.Combine(_artifacts.FullName, "alerting-arm64.zip"), "alerting arm64 bytes");
        File.WriteAllText(Path.Combine(_artifacts.FullName, "invoker-arm64.zip"), "invoker arm64 bytes");
        using var aws = new FakeAwsCli(objectsExist: false);
        using var parameters = new ParameterDirectory();
        parameters.Set("callee.json", "Architecture", "arm64");
        parameters.Set("caller.json", "Architecture", "arm64");

        var result = await RunAsync(aws, "--params-dir", parameters.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var uploads = aws.Calls.Where(c => c.StartsWith("s3 cp ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, uploads.Count);
        foreach (var (stack, function) in new[] { ("Callee", "alerting"), ("Caller", "invoker") })
        {
            var key = $"{function}/arm64/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{function} arm64 bytes")))}.zip";
            Assert.Contains(uploads, c => c.StartsWith($"s3 cp {_artifacts.FullName}/{function}-arm64.zip s3://fake-S3{stack}-BucketName/{key} ", StringComparison.Ordinal));
            var deploy = Assert.Single(Deploys(aws.Calls), c => c.Contains($"--stack-name {stack} ", StringComparison.Ordinal));
            Assert.Contains($" CodeS3Key={key} ", deploy, StringComparison.Ordinal);
            Assert.Contains(" Architecture=arm64 ", deploy, StringComparison.Ordinal);
        }
    }

    private static List<string> Deploys(IReadOnlyList<string> calls) =>
        calls.Where(c => c.StartsWith("cloudformation deploy", StringComparison.Ordinal)).ToList();

    private Task<DeployScriptResult> RunAsync(FakeAwsCli aws, params string[] extra) =>
        DeployScript.RunAsync(["--skip-build", "--artifacts-dir", _artifacts.FullName, .. DeployScript.Accounts, .. extra], aws.Environment);
}
