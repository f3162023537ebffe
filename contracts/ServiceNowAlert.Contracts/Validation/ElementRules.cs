using System.Text.Json;

namespace ServiceNowAlert.Contracts.Validation;

/// <summary>Reads one JSON value against a simple rule and records what is wrong; the building blocks of the request rules.</summary>
internal sealed class ElementRules(ProblemCollector problems)
{
    public ProblemCollector Problems { get; } = problems;

    /// <summary>Returns the property's value, or null when it is absent or JSON null (recording required ones).</summary>
    public JsonElement? Property(JsonElement parent, string parentPath, string name, bool required)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Problems.Add(JsonPath.Property(parentPath, name), AlertProblemCodes.Required, $"{name} is required");
        }

        return null;
    }

    public string? Text(JsonElement parent, string parentPath, string name, bool required, int maxLength, TextKind kind)
    {
        var value = Property(parent, parentPath, name, required);
        return value is null ? null : Text(value.Value, JsonPath.Property(parentPath, name), name, maxLength, kind, allowEmpty: false);
    }

    public string? Text(JsonElement value, string path, string label, int maxLength, TextKind kind, bool allowEmpty)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Problems.Add(path, AlertProblemCodes.WrongType, $"{label} must be a string, not {Describe(value.ValueKind)}");
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            Problems.Add(path, AlertProblemCodes.BadFormat, $"{label} is not valid Unicode (it holds an unpaired surrogate escape)");
            return null;
        }

        return Text(text, path, label, maxLength, kind, allowEmpty);
    }

    /// <summary>True when <see cref="Text(string, string, string, int, TextKind, bool)"/> would find nothing to report.</summary>
    public static bool IsValidText(string text, int maxLength, TextKind kind, bool allowEmpty) =>
        (allowEmpty || text.Length > 0) &&
        (TextRules.IsClean(text, kind) ? text.Length <= maxLength : IsValidUncleanText(text, maxLength, kind));

    private static bool IsValidUncleanText(string text, int maxLength, TextKind kind) =>
        (text.Length <= maxLength || TextRules.CodePointLength(text) <= maxLength) &&
        (kind == TextKind.SingleLine ? TextRules.FindForbiddenInSingleLine(text) : TextRules.FindForbiddenInMultiLine(text)) < 0 &&
        !TextRules.HasLoneSurrogate(text);

    /// <summary>The rules of a string value once it is a string: valid Unicode, not empty, not too long, no forbidden characters.</summary>
    public string? Text(string text, string path, string label, int maxLength, TextKind kind, bool allowEmpty)
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

    public void OneOf(JsonElement parent, string parentPath, string name, IReadOnlyList<string> allowed)
    {
        var text = Text(parent, parentPath, name, required: true, maxLength: 32, TextKind.SingleLine);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Problems.Add(JsonPath.Property(parentPath, name), AlertProblemCodes.NotAllowed, $"{name} must be one of {string.Join(", ", allowed)}; got '{text}'");
        }
    }

    public bool Matches(string? text, string path, string label, System.Text.RegularExpressions.Regex pattern, string expectation)
    {
        if (text is null || pattern.IsMatch(text))
        {
            return true;
        }

        Problems.Add(path, AlertProblemCodes.BadFormat, $"{label} must be {expectation}; got '{text}'");
        return false;
    }

    public JsonElement? Container(JsonElement parent, string parentPath, string name, JsonValueKind kind, int maxCount)
    {
        var value = Property(parent, parentPath, name, required: false);
        if (value is null)
        {
            return null;
        }

        var path = JsonPath.Property(parentPath, name);
        if (value.Value.ValueKind != kind)
        {
            Problems.Add(path, AlertProblemCodes.WrongType, $"{name} must be {Describe(kind)}, not {Describe(value.Value.ValueKind)}");
            return null;
        }

        Count(path, name, kind == JsonValueKind.Array ? value.Value.GetArrayLength() : value.Value.EnumerateObject().Count(), maxCount);
        return value;
    }

    public void Count(string path, string name, int count, int maxCount)
    {
        if (count > maxCount)
        {
            Problems.Add(path, AlertProblemCodes.TooLong, $"{name} must have at most {maxCount} entries, got {count}");
        }
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
