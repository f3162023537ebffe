using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>
/// Reads HTTP/1.1 requests one after another off a kept-alive connection: the head, then a Content-Length or chunked
/// body. Bytes read past one request stay buffered for the next.
/// </summary>
internal sealed class HttpRequestReader(Socket connection)
{
    private const int MaxHeadBytes = 64 * 1024;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request, or null when the peer closed the connection between requests.</summary>
    public async Task<LoopbackRequest?> ReadAsync(Func<Task> continueBody, CancellationToken cancellationToken)
    {
        int headEnd;
        while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (_end - _start > MaxHeadBytes)
            {
                throw new IOException("read request: head over 64 KiB");
            }

            if (!await FillAsync(cancellationToken))
            {
                return _end == _start ? null : throw new IOException("read request: connection closed mid-head");
            }
        }

        var lines = Encoding.ASCII.GetString(_buffer, _start, headEnd).Split("\r\n");
        _start += headEnd + 4;
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            throw new IOException($"read request: bad request line '{lines[0]}'");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        if (string.Equals(headers.GetValueOrDefault("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await continueBody();
        }

        var body = string.Equals(headers.GetValueOrDefault("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase)
            ? await ReadChunkedAsync(cancellationToken)
            : await ReadExactlyAsync(int.Parse(headers.GetValueOrDefault("Content-Length", "0"), CultureInfo.InvariantCulture), cancellationToken);
        var target = requestLine[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var keepAlive = requestLine[2] == "HTTP/1.1"
            ? !string.Equals(headers.GetValueOrDefault("Connection"), "close", StringComparison.OrdinalIgnoreCase)
            : string.Equals(headers.GetValueOrDefault("Connection"), "keep-alive", StringComparison.OrdinalIgnoreCase);
        return new LoopbackRequest(requestLine[0], query < 0 ? target : target[..query], headers, body, keepAlive);
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = Encoding.ASCII.GetString(await ReadExactlyAsync(await LineLengthAsync(cancellationToken), cancellationToken));
            _start += 2;
            var extension = sizeLine.IndexOf(';', StringComparison.Ordinal);
            var size = int.Parse(extension < 0 ? sizeLine : sizeLine[..extension], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, if any, end with an empty line like the head does.
                while (await LineLengthAsync(cancellationToken) is var length && length > 0)
                {
                    _start += length + 2;
                }

                _start += 2;
                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size, cancellationToken));
            await ReadExactlyAsync(2, cancellationToken);
        }
    }

    /// <summary>Length of the line at the read position, without its CRLF, reading more until the CRLF is buffered.</summary>
    private async Task<int> LineLengthAsync(CancellationToken cancellationToken)
    {
        int length;
        while ((length = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            if (!await FillAsync(cancellationToken))
            {
                throw new IOException("read request: connection closed mid-body");
            }
        }

        return length;
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (!await FillAsync(cancellationToken))
            {
                throw new IOException("read request: connection closed mid-body");
            }
        }

        var bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    /// <summary>Reads what the socket has into the buffer, compacting or growing it first; false at end of stream.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await connection.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += read;
        return read > 0;
    }
}
