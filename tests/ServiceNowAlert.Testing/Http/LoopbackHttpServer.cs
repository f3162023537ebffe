using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ServiceNowAlert.Testing.Http;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port, standing in for an AWS endpoint at the HTTP boundary.
/// Every request is recorded; the handler decides each answer, so a test can script throttling, errors and delays.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, Task<CannedResponse>> _handler;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Func<RecordedRequest, CannedResponse> handler)
        : this(request => Task.FromResult(handler(request)))
    {
    }

    /// <summary>A server whose answers take a call of their own, as a proxy's do.</summary>
    public LoopbackHttpServer(Func<RecordedRequest, Task<CannedResponse>> handler)
    {
        _handler = handler;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        // Close alone: on Linux, Stop and then Close each unregister the prefix, and the second binds the port again
        // to find its listener, which fails with "Address already in use" once another test has taken the freed port.
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // The listener closes under the accept loop on purpose.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys
            .Where(key => key is not null)
            .ToDictionary(key => key!, key => context.Request.Headers[key] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(
            context.Request.HttpMethod,
            context.Request.Url?.AbsolutePath ?? "/",
            context.Request.Url?.Query ?? string.Empty,
            headers,
            body.ToArray());
        _requests.Enqueue(recorded);

        var response = await _handler(recorded);
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (response.DropConnection)
        {
            context.Response.Abort();
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(response.Body);
        context.Response.ContentLength64 = bytes.Length;
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // The client gave up first (a timeout test); nothing to answer.
        }
    }
}
