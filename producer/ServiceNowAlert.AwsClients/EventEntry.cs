namespace ServiceNowAlert.AwsClients;

/// <summary>One PutEvents entry.</summary>
public sealed record EventEntry(string Source, string DetailType, string Detail, string EventBusName, IReadOnlyList<string> Resources);
