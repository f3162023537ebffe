using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ServiceNowAlert.Normalisers;

/// <summary>Makes any string from a trigger fit the contract: control characters out, limits kept, cuts marked.</summary>
internal static class Text
{
    private const char Separator = '\u001f';

    [ThreadStatic]
    private static IncrementalHash? t_sha;

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

    /// <summary>A stable id fragment: the first 32 hex digits of SHA-256 of the parts joined by U+001F (null as empty).</summary>
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

        // One hasher per thread, reset after each use: a new one per call costs more than hashing these few bytes.
        var sha = t_sha ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(input);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        sha.GetHashAndReset(digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(digest[..16]);
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
