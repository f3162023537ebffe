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
    private readonly LoopbackHttpServer _server;

    /// <param name="port">The port to listen on; 0 takes a free one.</param>
    public InvokeApiServer(LambdaEmulator emulator, int port)
    {
        _emulator = emulator;
        _server = new LoopbackHttpServer(port, AnswerAsync);
    }

    public int Port => _server.Port;

    /// <summary>The function name from a name, a partial ARN or a full (qualified) ARN.</summary>
    public static string FunctionName(string nameOrArn)
    {
        var parts = nameOrArn.Split(':');
        var index = Array.IndexOf(parts, "function");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : parts[0];
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<LoopbackResponse> AnswerAsync(LoopbackRequest request, CancellationToken stopping)
    {
        var match = InvokePath().Match(request.Path);
        if (request.Method != "POST" || !match.Success)
        {
            return Answer(404, "UnknownOperationException", """{"Type":"User","message":"Unknown operation"}"""u8.ToArray());
        }

        var name = FunctionName(Uri.UnescapeDataString(match.Groups["function"].Value));
        if (!_emulator.HasFunction(name))
        {
            return Answer(404, "ResourceNotFoundException", System.Text.Encoding.UTF8.GetBytes($$"""{"Type":"User","message":"Function not found: {{name}}"}"""));
        }

        var invocationType = request.Header("X-Amz-Invocation-Type") ?? "RequestResponse";
        if (invocationType == "DryRun")
        {
            return Answer(204, null, []);
        }

        if (invocationType == "Event")
        {
            _ = _emulator.InvokeAsync(name, request.Body, CancellationToken.None);
            return Answer(202, null, []);
        }

        var outcome = await _emulator.InvokeAsync(name, request.Body, stopping);
        return outcome.Kind switch
        {
            InvocationOutcomeKind.Throttled => Answer(429, "TooManyRequestsException", outcome.Body),
            InvocationOutcomeKind.FunctionError => Answer(200, null, outcome.Body, functionError: true),
            _ => Answer(200, null, outcome.Body),
        };
    }

    private static LoopbackResponse Answer(int status, string? errorType, byte[] body, bool functionError = false)
    {
        List<KeyValuePair<string, string>> headers = [new("Content-Type", "application/json"), new("X-Amz-Executed-Version", "$LATEST")];
        if (errorType is not null)
        {
            headers.Add(new("x-amzn-ErrorType", errorType));
        }

        if (functionError)
        {
            headers.Add(new("X-Amz-Function-Error", "Unhandled"));
        }

        return new LoopbackResponse(status, body, headers);
    }

    [GeneratedRegex("^/2015-03-31/functions/(?<function>[^/]+)/invocations$", RegexOptions.CultureInvariant)]
    private static partial Regex InvokePath();
}
