namespace ServiceNowAlert.Contracts.Validation;

/// <summary>Judges one field's value against a simple rule and records what is wrong; the building blocks of the request rules.</summary>
internal sealed class FieldRules(ProblemCollector problems)
{
    public ProblemCollector Problems { get; } = problems;

    /// <summary>
    /// Returns the value when it keeps the rules, otherwise null. A null value is a problem only for a required field,
    /// and none at all when the JSON form already explained it (a wrong type, an unpaired surrogate escape).
    /// </summary>
    public string? Text(string? value, string path, string label, int maxLength, TextKind kind, bool required = false, bool allowEmpty = false)
    {
        if (value is null)
        {
            if (!Problems.Release(path) && required)
            {
                Problems.Add(path, AlertProblemCodes.Required, $"{label} is required");
            }

            return null;
        }

        return IsValidText(value, maxLength, kind, allowEmpty) ? value : Judge(value, path, label, maxLength, kind, allowEmpty);
    }

    /// <summary>True when <see cref="Text"/> would find nothing to report in a string.</summary>
    public static bool IsValidText(string text, int maxLength, TextKind kind, bool allowEmpty) =>
        (allowEmpty || text.Length > 0) &&
        (TextRules.IsClean(text, kind) ? text.Length <= maxLength : IsValidUncleanText(text, maxLength, kind));

    private static bool IsValidUncleanText(string text, int maxLength, TextKind kind) =>
        (text.Length <= maxLength || TextRules.CodePointLength(text) <= maxLength) &&
        (kind == TextKind.SingleLine ? TextRules.FindForbiddenInSingleLine(text) : TextRules.FindForbiddenInMultiLine(text)) < 0 &&
        !TextRules.HasLoneSurrogate(text);

    /// <summary>The rules of a string value: valid Unicode, not empty, not too long, no forbidden characters.</summary>
    private string? Judge(string text, string path, string label, int maxLength, TextKind kind, bool allowEmpty)
    {
        if (TextRules.HasLoneSurrogate(text))
        {
            Problems.Add(path, AlertProblemCodes.BadFormat, $"{label} is not valid Unicode (it holds an unpaired surrogate)");
            return null;
        }

        var valid = true;
        if (text.Length == 0 && !allowEmpty)
        {
            Problems.Add(path, AlertProblemCodes.Empty, $"{label} must not be empty");
            valid = false;
        }

        var length = text.Length <= maxLength ? text.Length : TextRules.CodePointLength(text);
        if (length > maxLength)
        {
            Problems.Add(path, AlertProblemCodes.TooLong, $"{label} must be at most {maxLength} characters, got {length}");
            valid = false;
        }

        var forbidden = kind == TextKind.SingleLine ? TextRules.FindForbiddenInSingleLine(text) : TextRules.FindForbiddenInMultiLine(text);
        if (forbidden >= 0)
        {
            var rule = kind == TextKind.SingleLine ? "must be a single line without control characters" : "must not hold control characters other than tab, CR and LF";
            Problems.Add(path, AlertProblemCodes.ControlCharacter, $"{label} {rule}: found {TextRules.Describe(text[forbidden])} at index {forbidden}");
            valid = false;
        }

        return valid ? text : null;
    }

    public void Matches(string? text, string path, string label, Func<string, bool> isMatch, string expectation)
    {
        if (text is not null && !isMatch(text))
        {
            Problems.Add(path, AlertProblemCodes.BadFormat, $"{label} must be {expectation}; got '{text}'");
        }
    }

    /// <summary>Checks a collection's size; false when it is empty, so there are no entries to look at.</summary>
    public bool Count(string path, string name, int count, int maxCount)
    {
        if (count == 0)
        {
            // An empty collection may be a JSON value of the wrong type, which the reader explained at this path.
            Problems.Release(path);
            return false;
        }

        if (count > maxCount)
        {
            Problems.Add(path, AlertProblemCodes.TooLong, $"{name} must have at most {maxCount} entries, got {count}");
        }

        return true;
    }
}
