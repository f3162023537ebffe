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

    private static List<string> Deploys(IReadOnlyList<string> calls) =>
        calls.Where(c => c.StartsWith("cloudformation deploy", StringComparison.Ordinal)).ToList();

    private Task<DeployScriptResult> RunAsync(FakeAwsCli aws) =>
        DeployScript.RunAsync(["--skip-build", "--artifacts-dir", _artifacts.FullName, .. DeployScript.Accounts], aws.Environment);
}
