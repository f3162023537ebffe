using System.Buffers;
using System.Text;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// One text buffer per thread, reused by every render on it, so that a render allocates its UTF-8 outputs and little
/// else. Not shared across threads; a render that nests (none does) would get a fresh one.
/// </summary>
internal sealed class RenderBuffer : IDisposable
{
    private const int InitialCapacity = 16 * 1024;
    private const int MaxCachedCapacity = 256 * 1024;

    [ThreadStatic]
    private static RenderBuffer? t_cached;

    private char[]? _scratch;

    private RenderBuffer()
    {
    }

    public StringBuilder Builder { get; } = new(InitialCapacity);

    public static RenderBuffer Rent()
    {
        var buffer = t_cached ?? new RenderBuffer();
        t_cached = null;
        buffer.Builder.Clear();
        return buffer;
    }

    /// <summary>The characters written so far, without copying when they fit in one chunk (the usual case).</summary>
    public ReadOnlySpan<char> Written()
    {
        ReadOnlyMemory<char> only = default;
        var chunks = 0;
        foreach (var chunk in Builder.GetChunks())
        {
            only = chunk;
            chunks++;
        }

        if (chunks <= 1)
        {
            return only.Span;
        }

        if (_scratch is null || _scratch.Length < Builder.Length)
        {
            ReturnScratch();
            _scratch = ArrayPool<char>.Shared.Rent(Builder.Length);
        }

        Builder.CopyTo(0, _scratch, Builder.Length);
        return _scratch.AsSpan(0, Builder.Length);
    }

    /// <summary>The characters written so far as UTF-8, in an array of exactly their size.</summary>
    public byte[] ToUtf8() => Utf8(Written());

    public static byte[] Utf8(ReadOnlySpan<char> characters)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(characters)];
        Encoding.UTF8.GetBytes(characters, bytes);
        return bytes;
    }

    public void Dispose()
    {
        ReturnScratch();
        if (Builder.Capacity <= MaxCachedCapacity)
        {
            Builder.Clear();
            t_cached = this;
        }
    }

    private void ReturnScratch()
    {
        if (_scratch is not null)
        {
            ArrayPool<char>.Shared.Return(_scratch);
            _scratch = null;
        }
    }
}
