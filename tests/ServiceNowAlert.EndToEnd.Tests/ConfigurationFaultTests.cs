using System.Text;
using System.Text.Json;
using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>
/// A configuration fault, through the real invoker and alerting bootstraps, SSM faked at the HTTP boundary: start-up
/// (or, failing that, the invocation) fails with <c>ServiceNowAlert.ConfigurationError</c>, which nobody retries,
/// and no secret reaches a log line or an error.
/// </summary>
public sealed class ConfigurationFaultTests : IAsyncLifetime
{
    private const string Parameter = "/servicenowalert/smtp";
    private const string Secret = "relay-secret-7731";
    private const string ConfigurationError = "ServiceNowAlert.ConfigurationError";

    private SmtpTestServer _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Theory]
    [InlineData(400, "ParameterNotFound", "no such parameter")]
    [InlineData(400, "InvalidKeyId", "InvalidKeyId")]
    [InlineData(400, "AccessDeniedException", "AccessDeniedException")]
    public async Task SsmRefusingTheParameter_FailsStartUpAndTheInvokerDoesNotRetry(int status, string errorCode, string named)
    {
        await using var ssm = new LoopbackHttpServer(_ => SsmError(status, errorCode));

        var (outcome, emulator) = await SendThroughTheInvokerAsync(ssm);

        await using (emulator)
        {
            AssertFailedOnceAsConfiguration(outcome, ssm, emulator, expectedSsmReads: 1, named);
            Assert.Empty(await _smtp.MessagesAsync());
        }
    }

    [Theory]
    [InlineData("String", "{\"username\":\"relay-user\",\"password\":\"" + Secret + "\"}", "must be a SecureString")]
    [InlineData("SecureString", "user=relay-user;password=" + Secret, "not JSON with username and password")]
    [InlineData("SecureString", "{\"username\":\"relay-user\",\"pass\":\"" + Secret + "\"}", "not JSON with username and password")]
    public async Task ParameterOfTheWrongTypeOrShape_FailsStartUpWithoutShowingTheValue(string type, string value, string named)
    {
        await using var ssm = new LoopbackHttpServer(_ => SsmAnswer(type, value));

        var (outcome, emulator) = await SendThroughTheInvokerAsync(ssm);

        await using (emulator)
        {
            AssertFailedOnceAsConfiguration(outcome, ssm, emulator, expectedSsmReads: 1, named);
            Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(outcome.Body), StringComparison.Ordinal);
            Assert.DoesNotContain(emulator.Log, line => line.Line.Contains(Secret, StringComparison.Ordinal));
        }
    }

    // Read at start-up, then deleted: the invocation that finds it gone ends as a configuration error, not a retry.
    [Fact]
    public async Task ParameterDeletedAfterStartUp_FailsTheInvocationAsConfigurationAndTheInvokerDoesNotRetry()
    {
        var reads = 0;
        await using var ssm = new LoopbackHttpServer(_ => Interlocked.Increment(ref reads) == 1
            ? SsmAnswer("SecureString", JsonSerializer.Serialize(new { username = _smtp.User, password = _smtp.Password }))
            : SsmError(400, "ParameterNotFound"));

        var (outcome, emulator) = await SendThroughTheInvokerAsync(ssm, new Dictionary<string, string> { ["SNALERT_SMTP_CREDENTIALS_TTL_SECONDS"] = "0" });

        await using (emulator)
        {
            AssertFailedOnceAsConfiguration(outcome, ssm, emulator, expectedSsmReads: 2, "no such parameter");
            Assert.Equal(1, emulator.StartedInstances(LocalFunctions.Alerting));
            Assert.Empty(await _smtp.MessagesAsync());
        }
    }

    // SSM failing for now at a cold start is no reason to fail it: the first alert reads the login again and sends.
    [Fact]
    public async Task SsmFailingForNowAtStartUp_StartsAnywayAndTheFirstAlertIsSent()
    {
        var reads = 0;
        await using var ssm = new LoopbackHttpServer(_ => Interlocked.Increment(ref reads) == 1
            ? SsmError(500, "InternalServerError")
            : SsmAnswer("SecureString", JsonSerializer.Serialize(new { username = _smtp.User, password = _smtp.Password })));

        var (outcome, emulator) = await SendThroughTheInvokerAsync(ssm);

        await using (emulator)
        {
            Assert.True(outcome.Kind == InvocationOutcomeKind.Success, Encoding.UTF8.GetString(outcome.Body));
            Assert.Single(await _smtp.MessagesAsync());
            Assert.Equal(2, ssm.Requests.Count);
        }
    }

    [Theory]
    [InlineData("SNALERT_ROUTES", "{\"routes\":[{\"name\":", "read routes")]
    [InlineData("SNALERT_ROUTES_FILE", "routes.json", "read routes")]
    [InlineData("SNALERT_SMTP_PORT", "twenty-five", "SNALERT_SMTP_PORT")]
    [InlineData("SNALERT_TEMPLATES_DIR", "templates", "parse template")]
    public async Task BadSettingRoutesOrTemplates_FailStartUpAndTheInvokerDoesNotRetry(string variable, string value, string named)
    {
        var folder = Directory.CreateTempSubdirectory("snalert-config-");
        try
        {
            // A routes file that is not a routes document, and a template directory whose subject does not parse.
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "routes.json"), "{\"routes\": [");
            Directory.CreateDirectory(Path.Combine(folder.FullName, "templates"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "templates", "subject.sbn"), "{{ if }");
            var setting = variable is "SNALERT_ROUTES_FILE" or "SNALERT_TEMPLATES_DIR" ? Path.Combine(folder.FullName, value) : value;
            var emulator = Emulator(new Dictionary<string, string> { [variable] = setting });
            await using (emulator)
            {
                var outcome = await emulator.InvokeAsync(LocalFunctions.Invoker, await Trigger());

                Assert.Equal(InvocationOutcomeKind.FunctionError, outcome.Kind);
                Assert.Equal(ConfigurationError, outcome.ErrorType);
                var body = Encoding.UTF8.GetString(outcome.Body);
                Assert.Contains(named, body, StringComparison.Ordinal);
                Assert.Equal(1, emulator.StartedInstances(LocalFunctions.Alerting));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<(InvocationOutcome Outcome, LambdaEmulator.LambdaEmulator Emulator)> SendThroughTheInvokerAsync(LoopbackHttpServer ssm, Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["SNALERT_SMTP_CREDENTIALS_PARAMETER"] = Parameter,
            ["SNALERT_SMTP_USERNAME"] = string.Empty,
            ["SNALERT_SMTP_PASSWORD"] = string.Empty,
            ["AWS_ENDPOINT_URL_SSM"] = ssm.BaseUri.ToString(),
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIDALERTING",
            ["AWS_SECRET_ACCESS_KEY"] = "alerting-secret",
        };
        foreach (var (name, value) in extra ?? [])
        {
            environment[name] = value;
        }

        var emulator = Emulator(environment);
        return (await emulator.InvokeAsync(LocalFunctions.Invoker, await Trigger()), emulator);
    }

    private LambdaEmulator.LambdaEmulator Emulator(Dictionary<string, string> alerting)
    {
        var port = LoopbackHttpServer.FreePort();
        return new LambdaEmulator.LambdaEmulator([LocalFunctions.AlertingFunction(_smtp, extra: alerting), LocalFunctions.InvokerFunction(port)], port: port);
    }

    private static void AssertFailedOnceAsConfiguration(InvocationOutcome outcome, LoopbackHttpServer ssm, LambdaEmulator.LambdaEmulator emulator, int expectedSsmReads, string named)
    {
        var body = Encoding.UTF8.GetString(outcome.Body);
        Assert.Equal(InvocationOutcomeKind.FunctionError, outcome.Kind);
        Assert.Equal(ConfigurationError, outcome.ErrorType);
        Assert.Contains(Parameter, body, StringComparison.Ordinal);
        Assert.Contains(named, body, StringComparison.Ordinal);
        Assert.True(expectedSsmReads == ssm.Requests.Count, $"{ssm.Requests.Count} SSM reads, expected {expectedSsmReads}; the functions logged:\n{string.Join('\n', emulator.Log.Select(line => line.Function + ": " + line.Line))}");
    }

    private static async Task<byte[]> Trigger()
    {
        var request = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "requests", "valid", "firing-critical-full.json")))!;
        request["alertId"] = JsonSerializer.SerializeToElement("cfg-" + Guid.NewGuid().ToString("N"));
        return JsonSerializer.SerializeToUtf8Bytes(request);
    }

    private static CannedResponse SsmAnswer(string type, string value) =>
        new(200, JsonSerializer.Serialize(new { Parameter = new { Name = Parameter, Type = type, Value = value, Version = 1 } }), "application/x-amz-json-1.1");

    private static CannedResponse SsmError(int status, string code) =>
        new(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = code, ["message"] = $"{code} for {Parameter}" }), "application/x-amz-json-1.1");
}
