namespace ServiceNowAlert.Alerting.Pipeline;

/// <summary>The invocation an alert arrives in: who asked, and how long is left.</summary>
public sealed record AlertInvocation(string RequestId, DateTimeOffset Deadline, CancellationToken CancellationToken)
{
    /// <summary>For local runs (CLI, tests) with no Lambda deadline.</summary>
    public static AlertInvocation Local(TimeProvider time, TimeSpan budget, CancellationToken cancellationToken = default) =>
        new(Guid.NewGuid().ToString(), time.GetUtcNow() + budget, cancellationToken);
}
