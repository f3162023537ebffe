using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceNowAlert.Cli.Tests.TestHelpers;

/// <summary>
/// An HTTPS proxy that refuses every tunnel and keeps each CONNECT line: with HTTPS_PROXY pointing here, a test sees
/// which public AWS host the CLI would have reached, without the network.
/// </summary>
internal sealed class ProxyRecorder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _connects = new();
    private readonly Task _loop;

    public ProxyRecorder()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public IReadOnlyList<string> Connects => [.. _connects];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                _connects.Enqueue(await reader.ReadLineAsync() ?? string.Empty);
                await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            }
        }
    }
}
