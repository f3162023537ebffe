using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>Unescapes the strings <see cref="JsonCursor"/> has read and checked.</summary>
internal static class JsonEscapes
{
    /// <summary>
    /// The UTF-8 text of a JSON string's content whose escapes are known to be well-formed, into
    /// <paramref name="destination"/> (as long as the content at least: the text is never longer); the bytes written.
    /// A <c>\u</c> escape is a UTF-16 unit: a surrogate pair makes one character, and an unpaired surrogate has no
    /// UTF-8 form, which <see cref="Utf8JsonReader"/> answers with the same <see cref="InvalidOperationException"/>.
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var backslash = escaped.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                escaped.CopyTo(destination[written..]);
                return written + escaped.Length;
            }

            escaped[..backslash].CopyTo(destination[written..]);
            written += backslash;
            var kind = escaped[backslash + 1];
            if (kind == (byte)'u')
            {
                var (rune, length) = UnicodeEscape(escaped[backslash..]);
                written += rune.EncodeToUtf8(destination[written..]);
                escaped = escaped[(backslash + length)..];
                continue;
            }

            destination[written++] = kind switch
            {
                (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                var itself => itself,
            };
            escaped = escaped[(backslash + 2)..];
        }
    }

    // At "\uXXXX": the character and the length of its escape (twelve bytes for a surrogate pair).
    private static (Rune Rune, int Length) UnicodeEscape(ReadOnlySpan<byte> escape)
    {
        var unit = Hex(escape.Slice(2, 4));
        if (!char.IsSurrogate((char)unit))
        {
            return (new Rune(unit), 6);
        }

        if (char.IsHighSurrogate((char)unit) && escape.Length >= 12 && escape[6] == (byte)'\\' && escape[7] == (byte)'u' &&
            Hex(escape.Slice(8, 4)) is var low && char.IsLowSurrogate((char)low))
        {
            return (new Rune((char)unit, (char)low), 12);
        }

        throw new InvalidOperationException("Cannot read invalid UTF-16 JSON text as string: an unpaired surrogate escape.");
    }

    private static int Hex(ReadOnlySpan<byte> digits) => int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
