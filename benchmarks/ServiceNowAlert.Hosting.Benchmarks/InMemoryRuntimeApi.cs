using ServiceNowAlert.Hosting.Client;

namespace ServiceNowAlert.Hosting.Benchmarks;

/// <summary>Hands out the same invocation a set number of times, then ends the run; no network, so only the loop is timed.</summary>
internal sealed class InMemoryRuntimeApi(RuntimeInvocation invocation, int count, CancellationTokenSource done) : IRuntimeApiClient
{
    private int _remaining = count;

    public Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        if (_remaining-- > 0)
        {
            return Task.FromResult(invocation);
        }

        done.Cancel();
        return Task.FromCanceled<RuntimeInvocation>(done.Token);
    }

    public Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PostErrorAsync(string requestId, RuntimeError failure, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PostInitErrorAsync(RuntimeError failure, CancellationToken cancellationToken) => Task.CompletedTask;
}
