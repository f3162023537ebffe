using ServiceNowAlert.Cli.Tests.TestHelpers;

namespace ServiceNowAlert.Cli.Tests;

/// <summary>--region and --profile mean what they mean to the AWS CLI, in its order; invoke defaults to the function's region.</summary>
public sealed class RegionAndProfileTests
{
    private const string TwoProfiles = """
        [default]
        region = ca-central-1

        [profile a]
        region = eu-north-1

        [profile b]
        region = ap-south-1
        """;

    private const string TwoProfilesCredentials = """
        [a]
        aws_access_key_id = AKIDA
        aws_secret_access_key = a-secret
        [b]
        aws_access_key_id = AKIDB
        aws_secret_access_key = b-secret
        """;

    [Theory]
    [InlineData(true, true, true, "ap-southeast-2")]
    [InlineData(false, true, true, "eu-central-1")]
    [InlineData(false, false, true, "eu-west-3")]
    [InlineData(false, false, false, "ca-central-1")]
    public async Task Emit_Region_FollowsTheAwsCliOrder(bool option, bool awsRegion, bool awsDefaultRegion, string expected)
    {
        await using var events = AwsCalls.EventBridge();
        using var files = new AwsConfigFiles(TwoProfiles);
        var environment = files.Environment(("AWS_ENDPOINT_URL_EVENTBRIDGE", events.BaseUri.ToString())).With([.. AwsCalls.Credentials.Select(pair => (pair.Key, pair.Value))]);
        if (awsRegion)
        {
            environment["AWS_REGION"] = "eu-central-1";
        }

        if (awsDefaultRegion)
        {
            environment["AWS_DEFAULT_REGION"] = "eu-west-3";
        }

        var run = await CliRun.StartAsync(option ? AwsCalls.Emit("--region", "ap-southeast-2") : AwsCalls.Emit(), environment: environment);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal(expected, AwsCalls.Scope(Assert.Single(events.Requests)).Region);
    }

    [Theory]
    [InlineData("b", "AKIDB", "ap-south-1")]
    [InlineData(null, "AKIDA", "eu-north-1")]
    public async Task Emit_Profile_IsTheOptionsElseAwsProfiles(string? profile, string accessKey, string region)
    {
        await using var events = AwsCalls.EventBridge();
        using var files = new AwsConfigFiles(TwoProfiles, TwoProfilesCredentials);
        string[] options = profile is null ? [] : ["--profile", profile];

        var run = await CliRun.StartAsync(AwsCalls.Emit([.. options, "--endpoint-url", events.BaseUri.ToString()]), environment: files.Environment(("AWS_PROFILE", "a")));

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal((accessKey, region, "events"), AwsCalls.Scope(Assert.Single(events.Requests)));
    }

    [Fact]
    public async Task Emit_UnknownProfile_IsOneLineErrorAndPutsNothing()
    {
        await using var events = AwsCalls.EventBridge();
        using var files = new AwsConfigFiles(TwoProfiles, TwoProfilesCredentials);

        var run = await CliRun.StartAsync(AwsCalls.Emit("--profile", "nope", "--endpoint-url", events.BaseUri.ToString()), environment: files.Environment());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("snalert: use profile nope: no such profile in the AWS config or credentials file", run.StandardError.Trim());
        Assert.Empty(events.Requests);
    }

    [Fact]
    public async Task Invoke_WithoutRegionOption_SignsForTheFunctionArnsRegion()
    {
        await using var lambda = AwsCalls.Lambda();
        using var files = new AwsConfigFiles(TwoProfiles, TwoProfilesCredentials);

        var run = await CliRun.StartAsync(AwsCalls.Invoke("--profile", "a"), environment: files.Environment(("AWS_REGION", "us-west-2"), ("AWS_ENDPOINT_URL_LAMBDA", lambda.BaseUri.ToString())));

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal(("AKIDA", "eu-west-1", "lambda"), AwsCalls.Scope(Assert.Single(lambda.Requests)));
    }

    [Fact]
    public async Task Invoke_RegionOption_BeatsTheFunctionArnsRegion()
    {
        await using var lambda = AwsCalls.Lambda();

        var run = await CliRun.StartAsync(AwsCalls.Invoke("--region", "eu-central-1"), environment: AwsCalls.Credentials.With(("AWS_ENDPOINT_URL", lambda.BaseUri.ToString())));

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("eu-central-1", AwsCalls.Scope(Assert.Single(lambda.Requests)).Region);
    }
}
