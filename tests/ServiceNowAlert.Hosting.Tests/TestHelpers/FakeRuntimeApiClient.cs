using System.Collections.Concurrent;
using ServiceNowAlert.Hosting.Client;

namespace ServiceNowAlert.Hosting.Tests.TestHelpers;

/// <summary>A scripted Runtime API: each GET next takes the next step (an invocation or a failure); posts are recorded.</summary>
internal sealed class FakeRuntimeApiClient : IRuntimeApiClient
{
    private readonly ConcurrentQueue<Func<RuntimeInvocation>> _steps = new();
    private readonly CancellationTokenSource _drained = new();

    public ConcurrentQueue<(string RequestId, byte[] Body)> Responses { get; } = new();

    public ConcurrentQueue<(string RequestId, RuntimeError Error)> Errors { get; } = new();

    public int Polls { get; private set; }

    /// <summary>Cancelled once every scripted step was taken, so a test can stop the loop there.</summary>
    public CancellationToken Drained => _drained.Token;

    public FakeRuntimeApiClient Then(RuntimeInvocation invocation)
    {
        _steps.Enqueue(() => invocation);
        return this;
    }

    public FakeRuntimeApiClient ThenFail(Exception failure)
    {
        _steps.Enqueue(() => throw failure);
        return this;
    }

    public static RuntimeInvocation Invocation(string id, string body, DateTimeOffset deadline, string? traceId = null) =>
        new(id, deadline, "arn:aws:lambda:eu-west-1:111122223333:function:test", traceId, null, null, System.Text.Encoding.UTF8.GetBytes(body));

    public async Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        Polls++;
        if (_steps.TryDequeue(out var step))
        {
            return step();
        }

        await _drained.CancelAsync();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new OperationCanceledException(cancellationToken);
    }

    public Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        Responses.Enqueue((requestId, body));
        return Task.CompletedTask;
    }

    public Task PostErrorAsync(string requestId, RuntimeError failure, CancellationToken cancellationToken)
    {
        Errors.Enqueue((requestId, failure));
        return Task.CompletedTask;
    }

    public Task PostInitErrorAsync(RuntimeError failure, CancellationToken cancellationToken) => Task.CompletedTask;
}
