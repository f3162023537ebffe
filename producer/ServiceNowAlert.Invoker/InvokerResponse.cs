using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Invoker;

/// <summary>What the invoker returns: the trigger kind, one receipt per alert, and notes on what it skipped.</summary>
public sealed record InvokerResponse(string Trigger, IReadOnlyList<AlertResult> Results, IReadOnlyList<string> Notes);
