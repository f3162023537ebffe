using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1, as cheap for its clients as Lambda's own endpoints: connections are kept
/// alive, TCP_NODELAY is set (no small-segment stalls behind delayed ACKs), each response leaves in one write, and a
/// request whose answer is not ready yet (the runtime's long poll) waits on a task, not on a thread.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private static readonly byte[] Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ConcurrentDictionary<Socket, bool> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> _answer;
    private readonly Task _acceptLoop;

    /// <param name="port">The port to listen on; 0 takes a free one.</param>
    public LoopbackHttpServer(int port, Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> answer)
    {
        _answer = answer;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        _listener.Listen(512);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }

        await _acceptLoop;
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            connection.NoDelay = true;
            _connections[connection] = true;
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        var stopping = _stopping.Token;
        var reader = new HttpRequestReader(connection);
        try
        {
            while (await reader.ReadAsync(() => SendAsync(connection, Continue, stopping), stopping) is { } request)
            {
                var response = await AnswerOrFailAsync(request, stopping);
                await SendAsync(connection, response.ToBytes(request.KeepAlive), stopping);
                if (!request.KeepAlive)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException or OperationCanceledException or FormatException)
        {
            // The client went away or spoke something other than HTTP/1.1; either way this connection is done.
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            connection.Dispose();
        }
    }

    /// <summary>The handler's answer; a bug in it becomes a 500 with its message rather than a silently closed connection.</summary>
    private async Task<LoopbackResponse> AnswerOrFailAsync(LoopbackRequest request, CancellationToken stopping)
    {
        try
        {
            return await _answer(request, stopping);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ObjectDisposedException))
        {
            var message = System.Text.Json.JsonEncodedText.Encode($"{exception.GetType().Name}: {exception.Message}");
            return new LoopbackResponse(500, System.Text.Encoding.UTF8.GetBytes($$"""{"Type":"Service","message":"{{message}}"}"""), [new("Content-Type", "application/json")]);
        }
    }

    private static async Task SendAsync(Socket connection, byte[] bytes, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await connection.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancellationToken);
        }
    }
}
