namespace ServiceNowAlert.LambdaEmulator;

/// <summary>How one invocation ended, in the terms the Invoke API reports.</summary>
public sealed record InvocationOutcome(InvocationOutcomeKind Kind, byte[] Body, string? ErrorType = null)
{
    public static InvocationOutcome Success(byte[] body) => new(InvocationOutcomeKind.Success, body);

    public static InvocationOutcome FunctionError(string errorType, byte[] body) => new(InvocationOutcomeKind.FunctionError, body, errorType);
}
