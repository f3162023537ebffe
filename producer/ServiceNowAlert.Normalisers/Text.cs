using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace ServiceNowAlert.Normalisers;

/// <summary>Makes any string from a trigger fit the contract: control characters out, limits kept, cuts marked.</summary>
internal static class Text
{
    private const char Separator = '\u001f';

    // char.IsControl (C0, DEL, C1) plus the Unicode line and paragraph separators: what a single line must not hold.
    private static readonly SearchValues<char> NotInSingleLine = SearchValues.Create(Controls("\u2028\u2029"));

    // Control characters other than tab, LF and CR: what a multi-line value must not hold.
    private static readonly SearchValues<char> NotInMultiLine = SearchValues.Create(Controls(string.Empty).Replace("\t", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal));

    public static string SingleLine(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Most values are already one clean line: then nothing is copied.
        if (!Contains(value, NotInSingleLine) && !value.Contains("  ", StringComparison.Ordinal) &&
            !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]))
        {
            return Cut(value, max);
        }

        var builder = new StringBuilder(Math.Min(value.Length, max));
        var lastWasSpace = false;
        foreach (var c in value)
        {
            var replaced = char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c;
            if (replaced == ' ' && lastWasSpace)
            {
                continue;
            }

            builder.Append(replaced);
            lastWasSpace = replaced == ' ';
        }

        return Cut(builder.ToString().Trim(), max);
    }

    public static string MultiLine(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!Contains(value, NotInMultiLine))
        {
            return Cut(value, max);
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? ' ' : c);
        }

        return Cut(builder.ToString(), max);
    }

    /// <summary>
    /// A stable id fragment: 32 hex digits of XXH128 (seed 0) of the parts' UTF-8 joined by U+001F (null as empty).
    /// An idempotency key must be stable and well spread, not proof against forgery: whoever can put a forged part on
    /// the bus can as well put the alert itself. SHA-256 through OpenSSL cost 0.6-0.9 µs a call, most of it in the
    /// native call's bookkeeping; this costs a few dozen nanoseconds.
    /// </summary>
    public static string Hash(params ReadOnlySpan<string?> parts)
    {
        var length = Math.Max(parts.Length - 1, 0);
        foreach (var part in parts)
        {
            length += part is null ? 0 : Encoding.UTF8.GetByteCount(part);
        }

        byte[]? rented = null;
        var input = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        var written = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                input[written++] = (byte)Separator;
            }

            written += Encoding.UTF8.GetBytes(parts[i], input[written..]);
        }

        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(input, digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(digest);
    }

    /// <summary>A correlation key: the natural key when it fits, else a readable prefix and a hash.</summary>
    public static string Key(string natural, int max = 256)
    {
        var single = SingleLine(natural, int.MaxValue);
        return single.Length <= max ? single : single[..(max - 34)] + "#" + Hash(single);
    }

    // Printable ASCII, what nearly every value is, is passed over with one range compare; the set looks at the rest.
    private static bool Contains(string value, SearchValues<char> set)
    {
        var span = value.AsSpan();
        var first = span.IndexOfAnyExceptInRange(' ', '~');
        return first >= 0 && span[first..].ContainsAny(set);
    }

    private static string Cut(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var end = max - 1;
        if (char.IsHighSurrogate(value[end - 1]))
        {
            end--;
        }

        return value[..end] + "…";
    }

    private static string Controls(string extra)
    {
        var controls = new StringBuilder();
        for (var c = '\0'; c <= '\u009f'; c++)
        {
            if (char.IsControl(c))
            {
                controls.Append(c);
            }
        }

        return controls.Append(extra).ToString();
    }
}
