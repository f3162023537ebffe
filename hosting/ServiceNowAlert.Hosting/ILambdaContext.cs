namespace ServiceNowAlert.Hosting;

/// <summary>What Lambda tells a function about the invocation in progress.</summary>
public interface ILambdaContext
{
    string RequestId { get; }

    string InvokedFunctionArn { get; }

    string? TraceId { get; }

    string? ClientContext { get; }

    string? CognitoIdentity { get; }

    DateTimeOffset Deadline { get; }

    /// <summary>Time left before Lambda stops the invocation, from the host's <see cref="TimeProvider"/>.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>Cancelled when the deadline passes (or the runtime is shutting down).</summary>
    CancellationToken CancellationToken { get; }

    ILambdaLog Log { get; }

    IMetricsSink Metrics { get; }
}
