using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>How triggers become alerts where the trigger itself does not say.</summary>
public sealed record NormaliserOptions
{
    /// <summary>Severity rules on alarm names (glob patterns, first match wins).</summary>
    public IReadOnlyList<SeverityRule> SeverityRules { get; init; } = [];

    public AlertSeverity DefaultSeverity { get; init; } = AlertSeverity.Major;

    /// <summary>Severity for INSUFFICIENT_DATA alarm states; null ignores them (the default).</summary>
    public AlertSeverity? InsufficientDataSeverity { get; init; }

    /// <summary>Region used when the trigger does not carry one (Logs payloads).</summary>
    public string? Region { get; init; }

    /// <summary>Log lines kept in an alert's excerpt.</summary>
    public int MaxLogLines { get; init; } = 40;

    /// <summary>Largest decompressed CloudWatch Logs payload accepted (a guard against zip bombs).</summary>
    public int MaxDecompressedLogBytes { get; init; } = 16 * 1024 * 1024;
}
