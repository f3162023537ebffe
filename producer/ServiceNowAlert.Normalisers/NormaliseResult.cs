using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// What one trigger became: zero or more valid alert requests, notes on what was deliberately skipped, or an error
/// that explains what was expected. When there is an error there are no alerts: nothing is half-sent.
/// </summary>
public sealed record NormaliseResult
{
    public required string TriggerKind { get; init; }

    public IReadOnlyList<AlertRequest> Alerts { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? Error { get; init; }

    public IReadOnlyList<AlertProblem> Problems { get; init; } = [];

    public bool Failed => Error is not null;

    /// <summary>The alerts are what the contract's reader returned, so checking them once more would only repeat it.</summary>
    internal bool ReadThroughContract { get; init; }

    public static NormaliseResult Fail(string kind, string error, IReadOnlyList<AlertProblem>? problems = null) =>
        new() { TriggerKind = kind, Error = error, Problems = problems ?? [] };
}
