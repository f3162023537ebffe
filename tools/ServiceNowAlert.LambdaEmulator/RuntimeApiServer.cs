using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>
/// The Runtime API (2018-06-01) for one function instance, on its own loopback port: hands out the invocation the
/// emulator assigned, and takes the response, the error or the init error back.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private readonly Channel<PendingInvocation> _assigned = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InvocationOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LoopbackHttpServer _server;

    public RuntimeApiServer()
    {
        _server = new LoopbackHttpServer(0, AnswerAsync);
    }

    public int Port => _server.Port;

    /// <summary>Completes when the runtime first asks for work: its initialisation is over.</summary>
    public Task FirstPoll => _firstPoll.Task;

    /// <summary>Completes when the runtime reports that initialisation failed.</summary>
    public Task<InvocationOutcome> InitError => _initError.Task;

    public PendingInvocation Assign(string requestId, DateTimeOffset deadline, string functionArn, byte[] body)
    {
        var pending = new PendingInvocation(requestId, deadline, functionArn, body);
        _inFlight[requestId] = pending;
        _assigned.Writer.TryWrite(pending);
        return pending;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<LoopbackResponse> AnswerAsync(LoopbackRequest request, CancellationToken stopping)
    {
        var path = request.Path;
        if (request.Method == "GET" && path == Prefix + "invocation/next")
        {
            return await HandOutNextAsync(stopping);
        }

        if (request.Method == "POST" && path == Prefix + "init/error")
        {
            _initError.TrySetResult(InvocationOutcome.FunctionError(ErrorType(request, "Runtime.InitError"), request.Body));
            return LoopbackResponse.Empty(202);
        }

        var segments = path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal)
            ? path[(Prefix.Length + "invocation/".Length)..].Split('/')
            : [];
        if (request.Method == "POST" && segments.Length == 2 && _inFlight.TryRemove(Uri.UnescapeDataString(segments[0]), out var pending))
        {
            pending.Complete(segments[1] == "response"
                ? InvocationOutcome.Success(request.Body)
                : InvocationOutcome.FunctionError(ErrorType(request, "Unhandled"), request.Body));
            return LoopbackResponse.Empty(202);
        }

        return LoopbackResponse.Empty(404);
    }

    /// <summary>The long poll: waits, without a thread, until the emulator assigns this instance an invocation.</summary>
    private async Task<LoopbackResponse> HandOutNextAsync(CancellationToken stopping)
    {
        _firstPoll.TrySetResult();
        var invocation = await _assigned.Reader.ReadAsync(stopping);
        return new LoopbackResponse(200, invocation.Body,
        [
            new("Content-Type", "application/json"),
            new("Lambda-Runtime-Aws-Request-Id", invocation.RequestId),
            new("Lambda-Runtime-Deadline-Ms", invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            new("Lambda-Runtime-Invoked-Function-Arn", invocation.FunctionArn),
            new("Lambda-Runtime-Trace-Id", $"Root=1-{invocation.Deadline.ToUnixTimeSeconds():x8}-{invocation.RequestId.Replace("-", string.Empty, StringComparison.Ordinal)[..24]};Sampled=0"),
        ]);
    }

    private static string ErrorType(LoopbackRequest request, string fallback) =>
        request.Header("Lambda-Runtime-Function-Error-Type") is { Length: > 0 } type ? type : fallback;
}
