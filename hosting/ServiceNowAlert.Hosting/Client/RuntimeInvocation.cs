namespace ServiceNowAlert.Hosting.Client;

/// <summary>One invocation as the Runtime API hands it out: the event and the <c>Lambda-Runtime-*</c> headers.</summary>
public sealed record RuntimeInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    byte[] Body);
