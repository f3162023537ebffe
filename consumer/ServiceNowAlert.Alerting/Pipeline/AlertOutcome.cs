using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Pipeline;

/// <summary>The receipt, and the producer account the alert claimed (null without one), which the metrics are kept by.</summary>
public sealed record AlertOutcome(AlertResult Result, string? SourceAccount)
{
    /// <summary>
    /// The <see cref="Exception.Data"/> key under which a failed alert's exception carries the producer account, so
    /// that failures are counted by account as outcomes are.
    /// </summary>
    public const string SourceAccountKey = "ServiceNowAlert.SourceAccount";
}
