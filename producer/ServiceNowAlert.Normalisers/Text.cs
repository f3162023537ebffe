using System.Security.Cryptography;
using System.Text;

namespace ServiceNowAlert.Normalisers;

/// <summary>Makes any string from a trigger fit the contract: control characters out, limits kept, cuts marked.</summary>
internal static class Text
{
    public static string SingleLine(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
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

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? ' ' : c);
        }

        return Cut(builder.ToString(), max);
    }

    /// <summary>A stable id fragment: the first 32 hex digits of SHA-256.</summary>
    public static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..32];

    /// <summary>A correlation key: the natural key when it fits, else a readable prefix and a hash.</summary>
    public static string Key(string natural, int max = 256)
    {
        var single = SingleLine(natural, int.MaxValue);
        return single.Length <= max ? single : single[..(max - 34)] + "#" + Hash(single);
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
}
