using System.Text.Json;
using ServiceNowAlert.Hosting;

namespace ServiceNowAlert.EmptyFunction;

/// <summary>Echoes its input, unless the input asks it to misbehave in one of the ways Lambda must survive.</summary>
internal sealed class ScriptedHandler : ILambdaHandler
{
    public async Task<byte[]> HandleAsync(ReadOnlyMemory<byte> input, ILambdaContext context)
    {
        if (input.Length == 0 || input.Span[0] != (byte)'{')
        {
            return input.ToArray();
        }

        using var script = JsonDocument.Parse(input);
        var root = script.RootElement;
        if (root.TryGetProperty("log", out var log))
        {
            context.Log.Info(log.GetString() ?? string.Empty, LambdaLogExtensions.Field("password", "hunter2"), LambdaLogExtensions.Field("traceEnv", Environment.GetEnvironmentVariable(LambdaEnvironment.TraceId)));
            context.Metrics.Add("EmptyCalls", 1, MetricUnit.Count);
        }

        if (root.TryGetProperty("sleepMs", out var sleep))
        {
            await Task.Delay(sleep.GetInt32(), CancellationToken.None);
        }

        if (root.TryGetProperty("waitForDeadline", out _))
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return "\"cancelled at deadline\""u8.ToArray();
        }

        if (root.TryGetProperty("throw", out var message))
        {
            throw root.TryGetProperty("errorType", out var type)
                ? new LambdaFunctionException(type.GetString()!, message.GetString()!)
                : new InvalidOperationException(message.GetString());
        }

        if (root.TryGetProperty("exit", out var code))
        {
            Environment.Exit(code.GetInt32());
        }

        if (root.TryGetProperty("responseBytes", out var size))
        {
            var response = new byte[size.GetInt32()];
            response.AsSpan().Fill((byte)'x');
            response[0] = (byte)'"';
            response[^1] = (byte)'"';
            return response;
        }

        return input.ToArray();
    }
}
