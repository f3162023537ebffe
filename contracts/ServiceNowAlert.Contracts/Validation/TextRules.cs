using System.Buffers;

namespace ServiceNowAlert.Contracts.Validation;

/// <summary>Character rules shared by every string field.</summary>
internal static class TextRules
{
    /// <summary>
    /// Single-line fields end up in mail headers and ServiceNow <c>name:value</c> lines, so any line break or control
    /// character there could inject a header or a field. C1 controls and U+2028/U+2029 are refused for the same reason.
    /// </summary>
    public static int FindForbiddenInSingleLine(string value) => value.AsSpan().IndexOfAny(ForbiddenInSingleLine);

    /// <summary>Multi-line fields may hold tab, LF and CR, but no other control character.</summary>
    public static int FindForbiddenInMultiLine(string value) => value.AsSpan().IndexOfAny(ForbiddenInMultiLine);

    /// <summary>Length in Unicode code points, as JSON Schema's maxLength counts it.</summary>
    public static int CodePointLength(string value)
    {
        if (!HasSurrogate(value))
        {
            return value.Length;
        }

        var length = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsSurrogatePair(value[i], value[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    public static bool HasLoneSurrogate(string value)
    {
        if (!HasSurrogate(value))
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static string Describe(char c) => $"U+{(int)c:X4}";

    public static bool HasSurrogate(string value) => value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>
    /// True when the value holds no forbidden character and no surrogate, found in one vectorised pass: then its length
    /// is its code point length and no other character rule can fail. False says only that the full rules must look.
    /// </summary>
    public static bool IsClean(string value, TextKind kind)
    {
        // Printable ASCII, what nearly every value is, is found with one range compare; the sets only look past it.
        var span = value.AsSpan();
        var first = span.IndexOfAnyExceptInRange(' ', '~');
        return first < 0 || span[first..].IndexOfAny(kind == TextKind.SingleLine ? SingleLineSuspects : MultiLineSuspects) < 0;
    }

    // C0 controls, DEL and C1 controls; searched vectorised, since every string of every request goes through these.
    private static readonly string SingleLineForbidden = Controls(except: string.Empty) + "\u2028\u2029";

    private static readonly string MultiLineForbidden = Controls(except: "\t\n\r");

    private static readonly SearchValues<char> ForbiddenInSingleLine = SearchValues.Create(SingleLineForbidden);

    private static readonly SearchValues<char> ForbiddenInMultiLine = SearchValues.Create(MultiLineForbidden);

    private static readonly SearchValues<char> SingleLineSuspects = SearchValues.Create(SingleLineForbidden + Surrogates());

    private static readonly SearchValues<char> MultiLineSuspects = SearchValues.Create(MultiLineForbidden + Surrogates());

    private static string Surrogates() => string.Create(0xE000 - 0xD800, 0, static (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)(0xD800 + i);
        }
    });

    private static string Controls(string except)
    {
        var controls = new System.Text.StringBuilder();
        for (var c = '\0'; c <= '\u009f'; c++)
        {
            if ((c < '\u0020' || c >= '\u007f') && !except.Contains(c, StringComparison.Ordinal))
            {
                controls.Append(c);
            }
        }

        return controls.ToString();
    }
}
