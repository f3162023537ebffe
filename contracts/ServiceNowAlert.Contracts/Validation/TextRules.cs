namespace ServiceNowAlert.Contracts.Validation;

/// <summary>Character rules shared by every string field.</summary>
internal static class TextRules
{
    /// <summary>
    /// Single-line fields end up in mail headers and ServiceNow <c>name:value</c> lines, so any line break or control
    /// character there could inject a header or a field. C1 controls and U+2028/U+2029 are refused for the same reason.
    /// </summary>
    public static int FindForbiddenInSingleLine(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsControl(value[i]) || value[i] is '\u2028' or '\u2029')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Multi-line fields may hold tab, LF and CR, but no other control character.</summary>
    public static int FindForbiddenInMultiLine(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsControl(value[i]) && value[i] is not ('\t' or '\n' or '\r'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Length in Unicode code points, as JSON Schema's maxLength counts it.</summary>
    public static int CodePointLength(string value)
    {
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

    private static bool IsControl(char c) => c < '\u0020' || (c >= '\u007f' && c <= '\u009f');
}
