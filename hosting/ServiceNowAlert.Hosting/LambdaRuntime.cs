using System.Collections;
using System.Runtime.InteropServices;
using ServiceNowAlert.Hosting.Bootstrap;
using ServiceNowAlert.Hosting.Client;

namespace ServiceNowAlert.Hosting;

/// <summary>The entry point of a <c>bootstrap</c>: initialise once, then serve invocations until Lambda stops us.</summary>
public static class LambdaRuntime
{
    /// <summary>Runs the function; returns the process exit code.</summary>
    /// <param name="initialise">Builds the handler once per environment (cold start). A throw becomes an init error.</param>
    /// <param name="options">Overrides for tests and local runs.</param>
    public static async Task<int> RunAsync(Func<LambdaInitContext, CancellationToken, Task<ILambdaHandler>> initialise, LambdaRuntimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(initialise);
        RunSocketCompletionsInline();
        options ??= new LambdaRuntimeOptions();
        var environment = options.Environment ?? ReadProcessEnvironment();
        var output = options.Output ?? Console.Out;
        var log = new JsonLambdaLog(output, options.TimeProvider, JsonLambdaLog.ParseLevel(environment.GetValueOrDefault(LambdaEnvironment.LogLevel)));
        var functionName = environment.GetValueOrDefault(LambdaEnvironment.FunctionName, "local");
        var metrics = new EmfMetricsSink(output, options.TimeProvider, functionName);

        if (!environment.TryGetValue(LambdaEnvironment.RuntimeApi, out var runtimeApi) || string.IsNullOrWhiteSpace(runtimeApi))
        {
            log.Write(LambdaLogLevel.Fatal, $"start runtime: {LambdaEnvironment.RuntimeApi} is not set; run under Lambda or the local emulator");
            return 1;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(options.Stopping);
        // Lambda sends SIGTERM before it shuts an environment down; finish the invocation in hand, then exit cleanly.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            log.Write(LambdaLogLevel.Info, "stop runtime: SIGTERM received");
            stopping.Cancel();
        });
        using var client = new RuntimeApiClient(runtimeApi);

        ILambdaHandler handler;
        try
        {
            handler = await initialise(new LambdaInitContext(environment, log, metrics, options.TimeProvider), stopping.Token);
        }
        catch (Exception exception)
        {
            log.Write(LambdaLogLevel.Fatal, "initialise function: failed", exception: exception);
            try
            {
                await client.PostInitErrorAsync(RuntimeError.From(exception), CancellationToken.None);
            }
            catch (Exception postFailure) when (postFailure is HttpRequestException or RuntimeApiException or IOException)
            {
                log.Write(LambdaLogLevel.Error, "post init error: failed", exception: postFailure);
            }

            return 1;
        }

        var loop = new InvocationLoop(client, handler, log, metrics, options, traceId => Environment.SetEnvironmentVariable(LambdaEnvironment.TraceId, traceId));
        await loop.RunAsync(stopping.Token);
        return 0;
    }

    // A function serves one invocation at a time, so a socket's completion has nothing to queue behind: running its
    // continuation on the socket engine's own thread instead of handing it to a thread-pool worker saves a thread wake-up
    // and a hop on every read and write (the runtime API's long poll, the invoke round trip, each SMTP reply). Measured
    // over the whole path in docs/benchmarks.md (issue 19). The runtime reads the switch once, when the first socket is
    // made, and only from the environment, so it is set before any; an operator's own setting (for example "0") wins.
    private static void RunSocketCompletionsInline()
    {
        const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }
    }

    private static Dictionary<string, string> ReadProcessEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return variables;
    }
}
