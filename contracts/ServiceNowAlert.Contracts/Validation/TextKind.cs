namespace ServiceNowAlert.Contracts.Validation;

/// <summary>Which control characters a string field may hold.</summary>
internal enum TextKind
{
    /// <summary>No control characters at all: the value may reach a mail header.</summary>
    SingleLine,

    /// <summary>Tab, LF and CR allowed.</summary>
    MultiLine,
}
