using ServiceNowAlert.Hosting.Client;

namespace ServiceNowAlert.Hosting.Bootstrap;

/// <summary>The context of one invocation.</summary>
internal sealed class LambdaContext(RuntimeInvocation invocation, TimeProvider timeProvider, ILambdaLog log, IMetricsSink metrics, CancellationToken cancellationToken)
    : ILambdaContext
{
    public string RequestId => invocation.RequestId;

    public string InvokedFunctionArn => invocation.InvokedFunctionArn;

    public string? TraceId => invocation.TraceId;

    public string? ClientContext => invocation.ClientContext;

    public string? CognitoIdentity => invocation.CognitoIdentity;

    public DateTimeOffset Deadline => invocation.Deadline;

    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = invocation.Deadline - timeProvider.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    public CancellationToken CancellationToken => cancellationToken;

    public ILambdaLog Log => log;

    public IMetricsSink Metrics => metrics;
}
