using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
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
    private readonly LoopbackListener _listener;

    public RuntimeApiServer()
    {
        _listener = new LoopbackListener(PortFinder.FreePort(), AnswerAsync);
    }

    public int Port => _listener.Port;

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

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var path = context.Request.Url?.AbsolutePath ?? string.Empty;
        try
        {
            if (context.Request.HttpMethod == "GET" && path == Prefix + "invocation/next")
            {
                await HandOutNextAsync(context.Response, stopping);
                return;
            }

            var body = await ReadBodyAsync(context.Request);
            if (context.Request.HttpMethod == "POST" && path == Prefix + "init/error")
            {
                _initError.TrySetResult(InvocationOutcome.FunctionError(ErrorType(context.Request, "Runtime.InitError"), body));
                Answer(context.Response, HttpStatusCode.Accepted);
                return;
            }

            var segments = path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal)
                ? path[(Prefix.Length + "invocation/".Length)..].Split('/')
                : [];
            if (context.Request.HttpMethod == "POST" && segments.Length == 2 && _inFlight.TryRemove(Uri.UnescapeDataString(segments[0]), out var pending))
            {
                pending.Complete(segments[1] == "response"
                    ? InvocationOutcome.Success(body)
                    : InvocationOutcome.FunctionError(ErrorType(context.Request, "Unhandled"), body));
                Answer(context.Response, HttpStatusCode.Accepted);
                return;
            }

            Answer(context.Response, HttpStatusCode.NotFound);
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The runtime went away mid-request (it crashed or was killed); the instance's exit handling reports it.
        }
    }

    private async Task HandOutNextAsync(HttpListenerResponse response, CancellationToken stopping)
    {
        _firstPoll.TrySetResult();
        var invocation = await _assigned.Reader.ReadAsync(stopping);
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
        response.Headers["Lambda-Runtime-Trace-Id"] = $"Root=1-{invocation.Deadline.ToUnixTimeSeconds():x8}-{invocation.RequestId.Replace("-", string.Empty, StringComparison.Ordinal)[..24]};Sampled=0";
        response.ContentLength64 = invocation.Body.Length;
        await response.OutputStream.WriteAsync(invocation.Body, stopping);
        response.Close();
    }

    private static string ErrorType(HttpListenerRequest request, string fallback) =>
        request.Headers["Lambda-Runtime-Function-Error-Type"] is { Length: > 0 } type ? type : fallback;

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static void Answer(HttpListenerResponse response, HttpStatusCode status)
    {
        response.StatusCode = (int)status;
        response.ContentLength64 = 0;
        response.Close();
    }
}
