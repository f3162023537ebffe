namespace ServiceNowAlert.Contracts;

/// <summary>The schema versions this build writes and reads.</summary>
public static class AlertSchemaVersion
{
    /// <summary>The version this build writes: 1.1 added the optional <c>producer</c>.</summary>
    public const string Current = "1.1";

    /// <summary>The major versions this build reads.</summary>
    public static IReadOnlyList<int> SupportedMajors { get; } = [1];

    /// <summary>Supported majors as text for error messages, for example "1.x".</summary>
    public static string SupportedText => string.Join(", ", SupportedMajors.Select(major => $"{major}.x"));
}
