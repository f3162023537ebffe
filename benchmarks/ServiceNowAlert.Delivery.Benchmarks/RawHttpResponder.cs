using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceNowAlert.Delivery.Benchmarks;

/// <summary>
/// A minimal HTTP/1.1 keep-alive server on loopback that answers every request with one canned 200 JSON body. It does
/// almost nothing per request, so what a client measures against it is the client's own cost plus the loopback hop
/// (HttpListener, the fake the tests use, spends about 250 µs per request by itself).
/// </summary>
internal sealed class RawHttpResponder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _response;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public RawHttpResponder(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        _response = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            client.NoDelay = true;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[64 * 1024];
            var filled = 0;
            while (!_stopping.IsCancellationRequested)
            {
                var headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
                if (headerEnd < 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                    continue;
                }

                var length = ContentLength(Encoding.ASCII.GetString(buffer, 0, headerEnd));
                var total = headerEnd + 4 + length;
                while (filled < total)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                await stream.WriteAsync(_response, _stopping.Token);
                buffer.AsSpan(total, filled - total).CopyTo(buffer);
                filled -= total;
            }
        }
    }

    private static int ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
