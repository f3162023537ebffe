namespace ServiceNowAlert.LambdaEmulator;

/// <summary>An invocation handed to an instance and not yet answered.</summary>
internal sealed class PendingInvocation(string requestId, DateTimeOffset deadline, string functionArn, byte[] body)
{
    private readonly TaskCompletionSource<InvocationOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = requestId;

    public DateTimeOffset Deadline { get; } = deadline;

    public string FunctionArn { get; } = functionArn;

    public byte[] Body { get; } = body;

    public Task<InvocationOutcome> Outcome => _outcome.Task;

    public void Complete(InvocationOutcome outcome) => _outcome.TrySetResult(outcome);
}
