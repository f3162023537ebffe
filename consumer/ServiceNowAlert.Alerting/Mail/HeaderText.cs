namespace ServiceNowAlert.Alerting.Mail;

/// <summary>Text as a header carries it, so that what a mail client or a header reader decodes is that text.</summary>
public static class HeaderText
{
    /// <summary>
    /// A header keeps no white space at its ends and, through folding, not the kind of a run inside: each run of any
    /// white space (a no-break space too) becomes one space. "=?" opens an RFC 2047 encoded word, so a value holding one
    /// would read back as other text once decoded (and MimeKit folds such a value wrongly): a space keeps it literal.
    /// </summary>
    /// <param name="value">A one-line header value from the alert.</param>
    /// <returns>The value as it reads back from the header.</returns>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!HasPlainSpacing(value))
        {
            value = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        return value.Contains("=?", StringComparison.Ordinal) ? value.Replace("=?", "= ?", StringComparison.Ordinal) : value;
    }

    private static bool HasPlainSpacing(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]) && (value[i] != ' ' || i == 0 || i == value.Length - 1 || value[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
