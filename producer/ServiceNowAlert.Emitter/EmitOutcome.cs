using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Emitter;

/// <summary>One alert's fate: its EventBridge event id, or why it was not put (contract problems or EventBridge's error).</summary>
public sealed record EmitOutcome(string AlertId, string? EventId, string? Error, IReadOnlyList<AlertProblem> Problems)
{
    public bool Succeeded => EventId is not null;
}
