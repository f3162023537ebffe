using System.Net;
using System.Text;
using System.Text.Json;
using ServiceNowAlert.Hosting.Tests.TestHelpers;
using ServiceNowAlert.LambdaEmulator;

namespace ServiceNowAlert.Hosting.Tests;

/// <summary>The real bootstrap (JIT build) under the emulator's Runtime API, driven through the Invoke API over HTTP.</summary>
public sealed class EmulatorTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private LambdaEmulator.LambdaEmulator _emulator = null!;

    public Task InitializeAsync() => Start(ScriptedFunction.Definition());

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Invoke_Echo_ReturnsThePayload()
    {
        var (status, error, body) = await InvokeAsync("{\"hello\":\"world\"}");

        Assert.Equal((HttpStatusCode.OK, null, "{\"hello\":\"world\"}"), (status, error, body));
    }

    [Fact]
    public async Task Invoke_ByQualifiedArn_FindsTheFunction()
    {
        var (status, _, body) = await InvokeAsync("\"x\"", Uri.EscapeDataString("arn:aws:lambda:eu-west-1:111122223333:function:empty:live"));

        Assert.Equal((HttpStatusCode.OK, "\"x\""), (status, body));
    }

    [Fact]
    public async Task Invoke_UnknownFunction_Is404()
    {
        var (status, _, _) = await InvokeAsync("{}", "nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Invoke_HandlerThrows_AnswersUnhandledWithTheErrorDocument()
    {
        var (status, error, body) = await InvokeAsync("{\"throw\":\"kaput\",\"errorType\":\"ServiceNowAlert.TransientDeliveryFailure\"}");

        using var document = JsonDocument.Parse(body);
        Assert.Equal((HttpStatusCode.OK, "Unhandled"), (status, error));
        Assert.Equal("ServiceNowAlert.TransientDeliveryFailure", document.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("kaput", document.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("stackTrace").ValueKind);
    }

    [Fact]
    public async Task Invoke_ResponseOverSixMegabytes_AnswersResponseSizeTooLarge()
    {
        var (_, error, body) = await InvokeAsync("{\"responseBytes\":6291457}");

        Assert.Equal("Unhandled", error);
        Assert.Contains("Function.ResponseSizeTooLarge", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WhileTheOnlyInstanceIsBusy_Is429()
    {
        var slow = InvokeAsync("{\"sleepMs\":1500}");
        await Task.Delay(400);

        var (status, _, body) = await InvokeAsync("{}");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("Rate Exceeded", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await slow).Status);
    }

    [Fact]
    public async Task Invoke_PastTheTimeout_KillsTheInstanceAnswersTimedOutAndStartsAFreshOne()
    {
        await _emulator.DisposeAsync();
        await Start(ScriptedFunction.Definition(timeout: TimeSpan.FromSeconds(3)));

        var (_, error, body) = await InvokeAsync("{\"sleepMs\":10000}");
        var after = await InvokeAsync("\"again\"");

        Assert.Equal("Unhandled", error);
        Assert.Contains("Task timed out after 3.00 seconds", body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "\"again\""), (after.Status, after.Body));
        Assert.Equal(2, _emulator.StartedInstances(ScriptedFunction.Name));
    }

    [Fact]
    public async Task Invoke_ProcessExits_AnswersExitErrorAndRespawns()
    {
        var (_, error, body) = await InvokeAsync("{\"exit\":3}");
        var after = await InvokeAsync("\"again\"");

        Assert.Equal("Unhandled", error);
        Assert.Contains("Runtime.ExitError", body, StringComparison.Ordinal);
        Assert.Contains("exit status 3", body, StringComparison.Ordinal);
        Assert.Equal("\"again\"", after.Body);
    }

    [Fact]
    public async Task Invoke_InitFails_AnswersTheInitErrorAndLogsItOnce()
    {
        await _emulator.DisposeAsync();
        await Start(ScriptedFunction.Definition(environment: new Dictionary<string, string> { ["EMPTY_FUNCTION_FAIL_INIT"] = "1" }));

        var (_, error, body) = await InvokeAsync("{}");

        Assert.Equal("Unhandled", error);
        Assert.Contains("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.Contains("EMPTY_FUNCTION_FAIL_INIT", body, StringComparison.Ordinal);
        await WaitForLogAsync("initialise function: failed");
        Assert.Single(_emulator.Log, line => line.Line.Contains("initialise function: failed", StringComparison.Ordinal));
    }

    // A launcher (qemu-aarch64 -L / for an arm64 bootstrap) gets the bootstrap and its arguments after its own; env
    // stands in for it here, and what it adds reaches the function.
    [Fact]
    public async Task Invoke_WithALauncher_RunsTheBootstrapUnderIt()
    {
        await _emulator.DisposeAsync();
        await Start(ScriptedFunction.Definition() with { Launcher = ["env", "EMPTY_FUNCTION_FAIL_INIT=1"] });

        var (_, error, body) = await InvokeAsync("{}");

        Assert.Equal("Unhandled", error);
        Assert.Contains("told to fail by EMPTY_FUNCTION_FAIL_INIT", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_FunctionLogs_AsJsonWithRequestIdTraceAndRedactedSecrets()
    {
        await InvokeAsync("{\"log\":\"checking\"}");

        await WaitForLogAsync("\"EmptyCalls\":1");
        var line = _emulator.Log.Select(entry => entry.Line).Single(text => text.Contains("\"checking\"", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(line);
        Assert.Matches("^[0-9a-f-]{36}$", document.RootElement.GetProperty("requestId").GetString());
        Assert.StartsWith("Root=1-", document.RootElement.GetProperty("traceEnv").GetString(), StringComparison.Ordinal);
        Assert.Equal("***", document.RootElement.GetProperty("password").GetString());
    }

    [Fact]
    public async Task Stop_DuringAnInvocation_LetsItFinishAndTheRuntimeExitsCleanly()
    {
        var running = InvokeAsync("{\"log\":\"stop test: invocation running\",\"sleepMs\":1500}");

        // SIGTERM must arrive while the handler runs, not before a slow machine has even started the instance.
        await WaitForLogAsync("stop test: invocation running");

        await _emulator.StopAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((HttpStatusCode.OK, null), ((await running).Status, (await running).FunctionError));
        await WaitForLogAsync("SIGTERM received");
    }

    // Function output travels over a pipe, apart from the HTTP answer; give it a moment to arrive.
    private async Task WaitForLogAsync(string text)
    {
        for (var attempt = 0; attempt < 100 && !_emulator.Log.Any(entry => entry.Line.Contains(text, StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(_emulator.Log, entry => entry.Line.Contains(text, StringComparison.Ordinal));
    }

    private Task Start(FunctionDefinition function)
    {
        _emulator = new LambdaEmulator.LambdaEmulator([function]);
        return Task.CompletedTask;
    }

    private async Task<(HttpStatusCode Status, string? FunctionError, string Body)> InvokeAsync(string payload, string function = ScriptedFunction.Name)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(_emulator.Endpoint, $"2015-03-31/functions/{function}/invocations"), content);
        var error = response.Headers.TryGetValues("X-Amz-Function-Error", out var values) ? values.First() : null;
        return (response.StatusCode, error, await response.Content.ReadAsStringAsync());
    }
}
