namespace ServiceNowAlert.Contracts;

/// <summary>Stable names of the rules a request can break; machines match on these, people read the message.</summary>
public static class AlertProblemCodes
{
    /// <summary>The bytes are not one well-formed UTF-8 JSON document.</summary>
    public const string MalformedJson = "malformedJson";

    /// <summary>The request is larger than <see cref="AlertLimits.MaxRequestBytes"/>.</summary>
    public const string TooLarge = "tooLarge";

    /// <summary>An object names the same property twice.</summary>
    public const string DuplicateKey = "duplicateKey";

    /// <summary>A required property is missing or null.</summary>
    public const string Required = "required";

    /// <summary>A value has the wrong JSON type.</summary>
    public const string WrongType = "wrongType";

    /// <summary>A string is not one of the allowed values.</summary>
    public const string NotAllowed = "notAllowed";

    /// <summary>A string is empty where a value is needed.</summary>
    public const string Empty = "empty";

    /// <summary>A string or collection is longer than its limit.</summary>
    public const string TooLong = "tooLong";

    /// <summary>A string holds a control character (single-line fields: also CR, LF, tab).</summary>
    public const string ControlCharacter = "controlCharacter";

    /// <summary>A string does not have the required form.</summary>
    public const string BadFormat = "badFormat";

    /// <summary>The schema version's major is not supported by this reader.</summary>
    public const string UnsupportedVersion = "unsupportedVersion";
}
