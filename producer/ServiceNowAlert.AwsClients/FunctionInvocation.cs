namespace ServiceNowAlert.AwsClients;

/// <summary>What the Lambda Invoke API answered: status, the function error type if it failed, the body.</summary>
public sealed record FunctionInvocation(int StatusCode, string? FunctionError, byte[] Body, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode == 200 && FunctionError is null;
}
