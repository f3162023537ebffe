using System.Security.Cryptography;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class DeployScriptDryRunTests
{
    private static Task<DeployScriptResult> DryRunAsync(params string[] extra) =>
        DeployScript.RunAsync(["--dry-run", .. DeployScript.Accounts, .. extra]);

    [Fact]
    public async Task DryRun_PrintsTheWholeRolloutInOrder()
    {
        var result = await DryRunAsync();

        Assert.Equal(0, result.ExitCode);
        var order = new[]
        {
            result.IndexOf("./package.sh"),
            result.IndexOf("cloudformation deploy", "--stack-name S3Callee", "--template-file cloudformation/artifact-bucket.yaml"),
            result.IndexOf("s3 cp artifacts/alerting.zip"),
            result.IndexOf("cloudformation deploy", "--stack-name Callee ", "--template-file cloudformation/callee.yaml"),
            result.IndexOf("cloudformation deploy", "--stack-name S3Caller", "--template-file cloudformation/artifact-bucket.yaml"),
            result.IndexOf("s3 cp artifacts/invoker.zip"),
            result.IndexOf("cloudformation deploy", "--stack-name Caller ", "--template-file cloudformation/caller.yaml"),
        };
        Assert.Equal(order.Order(), order);
        Assert.All(result.Commands, c => Assert.True(c.StartsWith("aws ", StringComparison.Ordinal) || c == "./package.sh", c));
    }

    [Fact]
    public async Task DryRun_PassesEachStacksOutputsToTheNext()
    {
        var result = await DryRunAsync();
        var callee = result.Commands[result.IndexOf("cloudformation deploy", "--stack-name Callee ")];
        var caller = result.Commands[result.IndexOf("cloudformation deploy", "--stack-name Caller ")];
        var upload = result.Commands[result.IndexOf("s3 cp artifacts/alerting.zip")];

        Assert.Contains("'ArtifactBucketName=<output:S3Callee.BucketName>'", callee, StringComparison.Ordinal);
        Assert.Contains("--sse aws:kms --sse-kms-key-id '<output:S3Callee.KeyArn>'", upload, StringComparison.Ordinal);
        Assert.Contains("'ArtifactBucketName=<output:S3Caller.BucketName>'", caller, StringComparison.Ordinal);
        Assert.Contains("'TargetRoleArn=<output:Callee.CrossAccountRoleArn>'", caller, StringComparison.Ordinal);
        Assert.Contains("'TargetFunctionArn=<output:Callee.FunctionAliasArn>'", caller, StringComparison.Ordinal);
        Assert.Contains("'CalleeTimeoutSeconds=<output:Callee.FunctionTimeoutSeconds>'", caller, StringComparison.Ordinal);
        Assert.Contains(" TargetRegion=eu-west-1 ", caller, StringComparison.Ordinal);
        Assert.True(result.IndexOf("describe-stacks", "--stack-name Callee ", "FunctionAliasArn") < result.IndexOf("cloudformation deploy", "--stack-name Caller "));
    }

    [Fact]
    public async Task DryRun_UsesOneProfileAndRegionPerAccountAndTheParameterFiles()
    {
        var result = await DryRunAsync();

        foreach (var stack in new[] { "S3Callee", "Callee" })
        {
            Assert.Contains("--profile acct-a --region eu-west-1", result.Commands[result.IndexOf("cloudformation deploy", $"--stack-name {stack} ")], StringComparison.Ordinal);
        }

        foreach (var stack in new[] { "S3Caller", "Caller" })
        {
            Assert.Contains("--profile acct-b --region eu-central-1", result.Commands[result.IndexOf("cloudformation deploy", $"--stack-name {stack} ")], StringComparison.Ordinal);
        }

        Assert.Contains("BucketName=example-snalert-callee-artifacts-111111111111", result.Commands[result.IndexOf("cloudformation deploy", "--stack-name S3Callee ")], StringComparison.Ordinal);
        Assert.Contains("InvokerRoleArns=arn:aws:iam::222222222222:role/servicenowalert-invoker", result.Commands[result.IndexOf("cloudformation deploy", "--stack-name Callee ")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_DeploysIdempotentlyAndUploadsOnlyMissingKeys()
    {
        var result = await DryRunAsync();

        Assert.All(result.Commands.Where(c => c.StartsWith("aws cloudformation deploy", StringComparison.Ordinal)),
            c => Assert.EndsWith("--no-fail-on-empty-changeset", c, StringComparison.Ordinal));
        Assert.True(result.IndexOf("s3api head-object", "alerting/") < result.IndexOf("s3 cp artifacts/alerting.zip"));
        Assert.True(result.IndexOf("s3api head-object", "invoker/") < result.IndexOf("s3 cp artifacts/invoker.zip"));
        // Content-addressed: the placeholder on a fresh clone, the zip's real hash once ./package.sh has run.
        Assert.Matches(@"'?alerting/(<sha256-of-artifacts/alerting\.zip>|[0-9a-f]{64})\.zip'?", result.Commands[result.IndexOf("s3api head-object", "alerting/")]);
    }

    [Fact]
    public async Task DryRun_WithBuiltZips_NamesThemByTheirSha256()
    {
        var artifacts = Directory.CreateTempSubdirectory("artifacts-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(artifacts.FullName, "alerting.zip"), "alerting bytes");
            await File.WriteAllTextAsync(Path.Combine(artifacts.FullName, "invoker.zip"), "invoker bytes");
            var alertingHash = Convert.ToHexStringLower(SHA256.HashData("alerting bytes"u8));

            var result = await DryRunAsync("--skip-build", "--artifacts-dir", artifacts.FullName);

            Assert.Equal(0, result.ExitCode);
            Assert.DoesNotContain("./package.sh", result.Commands);
            Assert.Contains($"CodeS3Key=alerting/{alertingHash}.zip", result.Commands[result.IndexOf("cloudformation deploy", "--stack-name Callee ")], StringComparison.Ordinal);
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task DryRun_Arm64InTheParameterFiles_BuildsArm64AndUploadsEachZipUnderItsArm64Key()
    {
        using var parameters = new ParameterDirectory();
        parameters.Set("callee.json", "Architecture", "arm64");
        parameters.Set("caller.json", "Architecture", "arm64");

        var result = await DeployScript.RunAsync(["--dry-run", "--params-dir", parameters.Path, .. DeployScript.Accounts]);

        Assert.Equal(0, result.ExitCode);
        var order = new[]
        {
            result.IndexOf("./package.sh --arch arm64"),
            result.IndexOf("s3api head-object", "alerting/arm64/"),
            result.IndexOf("s3 cp artifacts/alerting-arm64.zip", "/alerting/arm64/"),
            result.IndexOf("cloudformation deploy", "--stack-name Callee "),
            result.IndexOf("s3api head-object", "invoker/arm64/"),
            result.IndexOf("s3 cp artifacts/invoker-arm64.zip", "/invoker/arm64/"),
            result.IndexOf("cloudformation deploy", "--stack-name Caller "),
        };
        Assert.Equal(order.Order(), order);
        Assert.Equal("./package.sh --arch arm64", Assert.Single(result.Commands, c => c.StartsWith("./package.sh", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Commands, c => c.Contains("artifacts/alerting.zip", StringComparison.Ordinal) || c.Contains("artifacts/invoker.zip", StringComparison.Ordinal));
        foreach (var (stack, function) in new[] { ("Callee", "alerting"), ("Caller", "invoker") })
        {
            var deploy = result.Commands[result.IndexOf("cloudformation deploy", $"--stack-name {stack} ")];
            Assert.Contains(" Architecture=arm64 ", deploy, StringComparison.Ordinal);
            Assert.Matches($@"CodeS3Key={function}/arm64/(<sha256-of-artifacts/{function}-arm64\.zip>|[0-9a-f]{{64}})\.zip", deploy);
        }
    }

    [Fact]
    public async Task DryRun_CallersOnDifferentArchitectures_BuildsTheInvokerForBothAndEachCallerGetsItsOwn()
    {
        using var parameters = new ParameterDirectory();
        parameters.Write("s3-caller.acct-c.json", ("BucketName", "example-snalert-caller-artifacts-333333333333"));
        parameters.Write("caller.acct-c.json", ("Architecture", "arm64"));

        var result = await DeployScript.RunAsync(
            ["--dry-run", "--params-dir", parameters.Path, .. DeployScript.Accounts, "--caller-profile", "acct-c"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["./package.sh --arch x86_64 alerting", "./package.sh --arch both invoker"],
            result.Commands.Where(c => c.StartsWith("./package.sh", StringComparison.Ordinal)));
        // The placeholder on a fresh clone, the zip's real hash once ./package.sh has run; x86_64 keys have no arm64/.
        const string Hash = "(<sha256-of-[^>]+>|[0-9a-f]{64})";
        Assert.Matches($@"s3://<output:S3Callee\.BucketName>/alerting/{Hash}\.zip", result.Commands[result.IndexOf("s3 cp artifacts/alerting.zip")]);
        Assert.Matches($@"/invoker/{Hash}\.zip", result.Commands[result.IndexOf("s3 cp artifacts/invoker.zip", "--profile acct-b ")]);
        Assert.Contains("/invoker/arm64/", result.Commands[result.IndexOf("s3 cp artifacts/invoker-arm64.zip", "--profile acct-c ")], StringComparison.Ordinal);
        Assert.DoesNotContain("Architecture=", result.Commands[result.IndexOf("cloudformation deploy", "--profile acct-b ", "--stack-name Caller ")], StringComparison.Ordinal);
        Assert.Contains(" Architecture=arm64 ", result.Commands[result.IndexOf("cloudformation deploy", "--profile acct-c ", "--stack-name Caller ")], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("callee.json")]
    [InlineData("caller.json")]
    public async Task AnArchitectureNotX86OrArm64_IsRefusedBeforeAnyCommand(string file)
    {
        using var parameters = new ParameterDirectory();
        parameters.Set(file, "Architecture", "aarch64");

        var result = await DeployScript.RunAsync(["--dry-run", "--params-dir", parameters.Path, .. DeployScript.Accounts]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Architecture 'aarch64'", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Commands);
    }

    [Fact]
    public async Task DryRun_CallsNoAwsCommand()
    {
        using var aws = new FakeAwsCli(objectsExist: false);

        var result = await DeployScript.RunAsync(["--dry-run", "--skip-build", .. DeployScript.Accounts], aws.Environment);

        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(result.Commands);
        Assert.Empty(aws.Calls);
    }

    [Fact]
    public async Task DryRun_FirstInstall_AddsTheCrossAccountRoleAfterTheCallerExists()
    {
        var result = await DryRunAsync("--first-install");

        var calleeDeploys = result.Commands.Select((c, i) => (c, i)).Where(x => x.c.Contains("--stack-name Callee ", StringComparison.Ordinal) && x.c.Contains("cloudformation deploy", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, calleeDeploys.Count);
        Assert.Contains("CreateCrossAccountRole=false", calleeDeploys[0].c, StringComparison.Ordinal);
        Assert.Contains("CreateCrossAccountRole=true", calleeDeploys[1].c, StringComparison.Ordinal);
        Assert.True(calleeDeploys[1].i > result.IndexOf("cloudformation deploy", "--stack-name Caller "));
    }

    [Fact]
    public async Task DryRun_FirstInstall_ChecksStackCalleeBeforeDeployingAnything()
    {
        var result = await DryRunAsync("--first-install");

        var check = result.IndexOf("cloudformation describe-stacks", "--stack-name Callee ", "CreateCrossAccountRole");
        Assert.Equal(0, result.ExitCode);
        Assert.True(check < result.IndexOf("cloudformation deploy", "--stack-name S3Callee "));
    }

    [Fact]
    public async Task DryRun_PrintsEveryNoEchoParameterMasked()
    {
        using var parameters = new SecretParameterFiles();

        var result = await DryRunAsync("--params-dir", parameters.Directory);

        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(parameters.Secrets);
        foreach (var (name, value) in parameters.Secrets)
        {
            Assert.DoesNotContain(value, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("'ExternalId=****'", result.Commands[result.IndexOf("cloudformation deploy", "--stack-name Callee ")], StringComparison.Ordinal);
        Assert.Contains("'ExternalId=****'", result.Commands[result.IndexOf("cloudformation deploy", "--stack-name Caller ")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_WithEndpointUrl_SendsEveryAwsCallThere()
    {
        var result = await DryRunAsync("--endpoint-url", "http://localhost:5000");

        Assert.Equal(0, result.ExitCode);
        var awsCalls = result.Commands.Where(c => c.StartsWith("aws ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(awsCalls);
        Assert.All(awsCalls, c => Assert.Contains(" --endpoint-url http://localhost:5000 ", c, StringComparison.Ordinal));
    }

    // The AWS CLI's own precedence (2.13 and later): the service's variable before the global one.
    [Fact]
    public async Task DryRun_WithEndpointVariables_PrefersTheServicesOwnToTheGlobalOne()
    {
        var result = await DeployScript.RunAsync(["--dry-run", .. DeployScript.Accounts], new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://emulator:4566",
            ["AWS_ENDPOINT_URL_S3"] = "http://s3.emulator:4566",
        });

        Assert.Equal(0, result.ExitCode);
        Assert.All(result.Commands.Where(c => c.StartsWith("aws cloudformation ", StringComparison.Ordinal)),
            c => Assert.Contains(" --endpoint-url http://emulator:4566 ", c, StringComparison.Ordinal));
        var s3Calls = result.Commands.Where(c => c.StartsWith("aws s3", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, s3Calls.Count);
        Assert.All(s3Calls, c => Assert.Contains(" --endpoint-url http://s3.emulator:4566 ", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRun_WithSeveralCallers_DeploysCalleeOnceThenEachCallerInTheOrderGiven()
    {
        using var parameters = new ParameterDirectory();
        parameters.Write("s3-caller.acct-c.json", ("BucketName", "example-snalert-caller-artifacts-333333333333"));
        parameters.Write("caller.acct-c.json", ("AccountName", "Data platform"));

        var result = await DeployScript.RunAsync(
            ["--dry-run", "--params-dir", parameters.Path, .. DeployScript.Accounts, "--caller-profile", "acct-c"]);

        Assert.Equal(0, result.ExitCode);
        var order = new[]
        {
            result.IndexOf("cloudformation deploy", "--stack-name Callee "),
            result.IndexOf("cloudformation deploy", "--profile acct-b ", "--stack-name S3Caller "),
            result.IndexOf("cloudformation deploy", "--profile acct-b ", "--stack-name Caller "),
            result.IndexOf("cloudformation deploy", "--profile acct-c ", "--stack-name S3Caller "),
            result.IndexOf("s3 cp artifacts/invoker.zip", "--profile acct-c "),
            result.IndexOf("cloudformation deploy", "--profile acct-c ", "--stack-name Caller "),
        };
        Assert.Equal(order.Order(), order);
        Assert.Contains("# order: Callee in acct-a, then 2 caller account(s): acct-b acct-c", result.Stdout, StringComparison.Ordinal);
        Assert.True(result.Stdout.IndexOf("# caller 1 of 2: acct-b", StringComparison.Ordinal) < result.Stdout.IndexOf("# caller 2 of 2: acct-c", StringComparison.Ordinal));
        Assert.Contains("BucketName=example-snalert-caller-artifacts-333333333333", result.Commands[order[3]], StringComparison.Ordinal);
        Assert.Contains("'AccountName=Data platform'", result.Commands[order[5]], StringComparison.Ordinal);
        Assert.Contains("'AccountName=Example workload'", result.Commands[order[2]], StringComparison.Ordinal);
        Assert.Contains("'TargetRoleArn=<output:Callee.CrossAccountRoleArn>'", result.Commands[order[5]], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_FirstInstallWithSeveralCallers_AddsTheCrossAccountRoleAfterTheLastCaller()
    {
        using var parameters = new ParameterDirectory();
        parameters.Write("s3-caller.acct-c.json", ("BucketName", "example-snalert-caller-artifacts-333333333333"));

        var result = await DeployScript.RunAsync(
            ["--dry-run", "--first-install", "--params-dir", parameters.Path, .. DeployScript.Accounts, "--caller-profile", "acct-c"]);

        Assert.Equal(0, result.ExitCode);
        var lastCallee = result.Commands.Select((c, i) => (c, i)).Last(x => x.c.Contains("--stack-name Callee ", StringComparison.Ordinal)).i;
        Assert.Contains("CreateCrossAccountRole=true", result.Commands[lastCallee], StringComparison.Ordinal);
        Assert.True(lastCallee > result.IndexOf("cloudformation deploy", "--profile acct-c ", "--stack-name Caller "));
    }

    [Fact]
    public async Task SeveralCallersSharingAnArtifactBucketName_AreRefusedBeforeAnyCommand()
    {
        var result = await DeployScript.RunAsync(["--dry-run", .. DeployScript.Accounts, "--caller-profile", "acct-c"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("callers acct-b and acct-c would share artifact bucket", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("s3-caller.<profile>.json", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Commands);
    }

    [Theory]
    [InlineData("acct-b")]
    [InlineData("acct c")]
    public async Task ACallerProfileGivenTwiceOrNotAProfileName_IsRefused(string second)
    {
        var result = await DeployScript.RunAsync(["--dry-run", .. DeployScript.Accounts, "--caller-profile", second]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--caller-profile", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Commands);
    }

    [Fact]
    public async Task MissingProfile_FailsWithUsage()
    {
        var result = await DeployScript.RunAsync(["--dry-run", "--callee-profile", "acct-a"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--caller-profile", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Commands);
    }
}
