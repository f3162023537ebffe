using System.Net;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>
/// The Lambda Invoke API on loopback: <c>POST /2015-03-31/functions/{name}/invocations</c>, answered as Lambda does:
/// 200 with the payload; 200 with <c>X-Amz-Function-Error: Unhandled</c> and the error document when the function
/// failed; 429 TooManyRequestsException when no instance is free; 404 for an unknown function.
/// </summary>
internal sealed partial class InvokeApiServer : IAsyncDisposable
{
    private readonly LambdaEmulator _emulator;
    private readonly LoopbackListener _listener;

    public InvokeApiServer(LambdaEmulator emulator, int port)
    {
        _emulator = emulator;
        _listener = new LoopbackListener(port, AnswerAsync);
    }

    public int Port => _listener.Port;

    /// <summary>The function name from a name, a partial ARN or a full (qualified) ARN.</summary>
    public static string FunctionName(string nameOrArn)
    {
        var parts = nameOrArn.Split(':');
        var index = Array.IndexOf(parts, "function");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : parts[0];
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var response = context.Response;
        try
        {
            var match = InvokePath().Match(context.Request.Url?.AbsolutePath ?? string.Empty);
            if (context.Request.HttpMethod != "POST" || !match.Success)
            {
                await WriteAsync(response, 404, "UnknownOperationException", """{"Type":"User","message":"Unknown operation"}"""u8.ToArray());
                return;
            }

            var name = FunctionName(Uri.UnescapeDataString(match.Groups["function"].Value));
            if (!_emulator.HasFunction(name))
            {
                await WriteAsync(response, 404, "ResourceNotFoundException", System.Text.Encoding.UTF8.GetBytes($$"""{"Type":"User","message":"Function not found: {{name}}"}"""));
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body, stopping);
            var invocationType = context.Request.Headers["X-Amz-Invocation-Type"] ?? "RequestResponse";
            if (invocationType == "DryRun")
            {
                await WriteAsync(response, 204, null, []);
                return;
            }

            if (invocationType == "Event")
            {
                _ = _emulator.InvokeAsync(name, body.ToArray(), CancellationToken.None);
                await WriteAsync(response, 202, null, []);
                return;
            }

            var outcome = await _emulator.InvokeAsync(name, body.ToArray(), stopping);
            switch (outcome.Kind)
            {
                case InvocationOutcomeKind.Throttled:
                    await WriteAsync(response, 429, "TooManyRequestsException", outcome.Body);
                    break;
                case InvocationOutcomeKind.FunctionError:
                    response.Headers["X-Amz-Function-Error"] = "Unhandled";
                    await WriteAsync(response, 200, null, outcome.Body);
                    break;
                default:
                    await WriteAsync(response, 200, null, outcome.Body);
                    break;
            }
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The caller gave up (its own timeout); nothing left to answer.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string? errorType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        if (errorType is not null)
        {
            response.Headers["x-amzn-ErrorType"] = errorType;
        }

        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    [GeneratedRegex("^/2015-03-31/functions/(?<function>[^/]+)/invocations$", RegexOptions.CultureInvariant)]
    private static partial Regex InvokePath();
}
