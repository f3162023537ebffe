using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Pipeline;

/// <summary>The receipt, and the producer account the alert claimed (null without one), which the metrics are kept by.</summary>
public sealed record AlertOutcome(AlertResult Result, string? SourceAccount);
