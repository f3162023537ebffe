namespace ServiceNowAlert.AwsClients;

/// <summary>EventBridge PutEvents for at most 10 entries; one outcome per entry, in order. AWSSDK.EventBridge can replace it.</summary>
public interface IEventPublisher
{
    Task<IReadOnlyList<EventEntryOutcome>> PutEventsAsync(IReadOnlyList<EventEntry> entries, CancellationToken cancellationToken);
}
