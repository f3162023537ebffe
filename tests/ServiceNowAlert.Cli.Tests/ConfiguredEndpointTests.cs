using ServiceNowAlert.Cli.Tests.TestHelpers;

namespace ServiceNowAlert.Cli.Tests;

/// <summary>Where `snalert invoke` and `emit` send their requests, by the SDK's rules for configured endpoints.</summary>
public sealed class ConfiguredEndpointTests
{
    [Fact]
    public async Task Invoke_WithAwsEndpointUrl_ReachesThatEndpoint()
    {
        await using var lambda = AwsCalls.Lambda();

        var run = await CliRun.StartAsync(AwsCalls.Invoke(), environment: AwsCalls.Credentials.With(("AWS_ENDPOINT_URL", lambda.BaseUri.ToString())));

        Assert.True(run.ExitCode == 0, run.StandardError);
        var call = Assert.Single(lambda.Requests);
        Assert.Equal($"127.0.0.1:{lambda.Port}", call.Header("Host"));
        Assert.Equal(("AKIDENV", "eu-west-1", "lambda"), AwsCalls.Scope(call));
    }

    /// <summary>
    /// Each row puts two endpoints in two places; the first place wins, in the SDK's order: --endpoint-url,
    /// AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL, the chosen profile's services section, its endpoint_url.
    /// </summary>
    [Theory]
    [InlineData("--endpoint-url", "AWS_ENDPOINT_URL_LAMBDA")]
    [InlineData("AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL")]
    [InlineData("AWS_ENDPOINT_URL", "services")]
    [InlineData("services", "endpoint_url")]
    public async Task Invoke_ConfiguredEndpoints_WinInTheSdksOrder(string winner, string loser)
    {
        await using var chosen = AwsCalls.Lambda();
        await using var passedOver = AwsCalls.Lambda();
        var places = new Dictionary<string, string> { [winner] = chosen.BaseUri.ToString(), [loser] = passedOver.BaseUri.ToString() };
        using var files = new AwsConfigFiles(
            $"""
            [profile dev]
            services = local
            {(places.TryGetValue("endpoint_url", out var global) ? $"endpoint_url = {global}" : string.Empty)}

            [services local]
            {(places.TryGetValue("services", out var lambda) ? $"lambda =\n  endpoint_url = {lambda}" : string.Empty)}
            """,
            "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev-secret\n");
        var environment = files.Environment([.. places.Where(place => place.Key.StartsWith("AWS_", StringComparison.Ordinal)).Select(place => (place.Key, place.Value))]);
        string[] options = places.TryGetValue("--endpoint-url", out var option) ? ["--profile", "dev", "--endpoint-url", option] : ["--profile", "dev"];

        var run = await CliRun.StartAsync(AwsCalls.Invoke(options), environment: environment);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal(("AKIDDEV", "eu-west-1", "lambda"), AwsCalls.Scope(Assert.Single(chosen.Requests)));
        Assert.Empty(passedOver.Requests);
    }

    [Fact]
    public async Task Emit_EventBridgeEndpointVariable_BeatsAwsEndpointUrl()
    {
        await using var global = AwsCalls.EventBridge();
        await using var events = AwsCalls.EventBridge();

        var run = await EmitInEuWest1With(("AWS_ENDPOINT_URL", global.BaseUri.ToString()), ("AWS_ENDPOINT_URL_EVENTBRIDGE", events.BaseUri.ToString()));

        Assert.Equal((0, ("AKIDENV", "eu-west-1", "events")), (run.ExitCode, AwsCalls.Scope(Assert.Single(events.Requests))));
        Assert.Empty(global.Requests);
    }

    [Fact]
    public async Task Emit_IgnoreConfiguredEndpointUrls_GoesToTheRegionalEndpoint()
    {
        await using var configured = AwsCalls.EventBridge();
        await using var proxy = new ProxyRecorder();

        var run = await EmitInEuWest1With(("AWS_ENDPOINT_URL_EVENTBRIDGE", configured.BaseUri.ToString()), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), ("HTTPS_PROXY", proxy.Url));

        Assert.Equal((1, 0), (run.ExitCode, configured.Requests.Count));
        Assert.StartsWith("CONNECT events.eu-west-1.amazonaws.com:443 ", proxy.Connects[0], StringComparison.Ordinal);
    }

    private static Task<CliRun> EmitInEuWest1With(params (string Name, string Value)[] variables) =>
        CliRun.StartAsync(AwsCalls.Emit("--region", "eu-west-1"), environment: AwsCalls.Credentials.With(variables));
}
