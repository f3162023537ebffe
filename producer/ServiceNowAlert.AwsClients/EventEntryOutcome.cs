namespace ServiceNowAlert.AwsClients;

/// <summary>What EventBridge said about one entry: its event id, or why it was not put.</summary>
public sealed record EventEntryOutcome(string? EventId, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => EventId is not null && ErrorCode is null;
}
