using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Hosting.Tests;

/// <summary>The one retry engine, on a clock and a jitter the tests set.</summary>
public sealed class RetryEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Now);

    [Theory]
    [InlineData(0.0, new[] { 50, 100, 200, 400, 500, 500 })]
    [InlineData(0.5, new[] { 75, 150, 300, 600, 750, 750 })]
    public void DelayAfter_DoublesFromTheFirstDelayUpToTheLongest_KeepingTheJitterInTheUpperHalf(double random, int[] expectedMilliseconds)
    {
        var engine = Engine(firstDelay: TimeSpan.FromMilliseconds(100), maxDelay: TimeSpan.FromSeconds(1), random: () => random);

        Assert.Equal(expectedMilliseconds, Enumerable.Range(1, 6).Select(attempt => (int)engine.DelayAfter(attempt).TotalMilliseconds));
    }

    [Fact]
    public void DelayAfter_ManyAttempts_StaysAtTheLongestDelay()
    {
        var engine = Engine(firstDelay: TimeSpan.FromMilliseconds(50), maxDelay: TimeSpan.FromSeconds(1), random: () => 0.999);

        Assert.InRange(engine.DelayAfter(int.MaxValue), TimeSpan.FromMilliseconds(999), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Execute_TransientFailures_AreTriedUpToTheAttemptLimitThenTheLastIsThrown()
    {
        var calls = 0;
        var retries = new List<RetryAttempt>();

        var exception = await Assert.ThrowsAsync<IOException>(() => Engine(maxAttempts: 3).ExecuteAsync<int>(_ => throw new IOException($"fail {++calls}"), Now.AddMinutes(1), default, retries.Add));

        Assert.Equal(("fail 3", 3), (exception.Message, calls));
        Assert.Equal([1, 2], retries.Select(retry => retry.Attempt));
        Assert.Equal(["fail 1", "fail 2"], retries.Select(retry => retry.Failure.Message));
    }

    [Fact]
    public async Task Execute_FailureTheRuleCallsPermanent_IsThrownAtOnce()
    {
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Engine(maxAttempts: 5).ExecuteAsync<int>(_ => throw new InvalidOperationException($"refused {++calls}"), Now.AddMinutes(1), default));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Execute_TransientThenSuccess_ReturnsTheAnswer()
    {
        var calls = 0;

        var answer = await Engine(maxAttempts: 4).ExecuteAsync(_ => ++calls < 3 ? throw new IOException("dropped") : Task.FromResult(42), Now.AddMinutes(1), default);

        Assert.Equal((42, 3), (answer, calls));
    }

    [Fact]
    public async Task Execute_WaitThatWouldRunIntoTheReportingMargin_IsNotTakenAndTheFailureIsThrown()
    {
        var calls = 0;
        var engine = Engine(maxAttempts: 10, firstDelay: TimeSpan.FromSeconds(4), random: () => 0.0);

        // The first wait is 2 s; the deadline leaves 2.5 s − 1 s of margin.
        await Assert.ThrowsAsync<IOException>(() => engine.ExecuteAsync<int>(_ => throw new IOException($"fail {++calls}"), Now.AddSeconds(2.5), default));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Execute_NoTimeLeftBeforeTheMargin_IsATimeoutWithoutAnAttempt()
    {
        var calls = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => Engine().ExecuteAsync(_ => Task.FromResult(++calls), Now + RetryEngine.ReportingMargin, default));

        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Execute_AttemptStillRunningWhenTheTimeIsUp_IsCancelledAndEndsAsATimeout()
    {
        var engine = new RetryEngine(4, TimeSpan.Zero, TimeSpan.Zero, failure => failure is IOException, TimeProvider.System);
        var cancelled = false;

        await Assert.ThrowsAsync<TimeoutException>(() => engine.ExecuteAsync(
            async token =>
            {
                await Task.Delay(Timeout.Infinite, token).ContinueWith(_ => cancelled = token.IsCancellationRequested, TaskScheduler.Default);
                token.ThrowIfCancellationRequested();
                return 0;
            },
            TimeProvider.System.GetUtcNow() + RetryEngine.ReportingMargin + TimeSpan.FromMilliseconds(100),
            default));

        Assert.True(cancelled);
    }

    [Fact]
    public async Task Execute_CallerCancelled_TriesNoMoreAndThrowsTheFailureAsItIs()
    {
        using var stop = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAsync<IOException>(() => Engine(maxAttempts: 5).ExecuteAsync<int>(
            _ =>
            {
                calls++;
                stop.Cancel();
                throw new IOException("dropped while stopping");
            },
            Now.AddMinutes(1),
            stop.Token));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Execute_WaitTheOtherSideAskedFor_IsUsedInsteadOfTheBackoff()
    {
        var retries = new List<RetryAttempt>();
        var engine = new RetryEngine(2, TimeSpan.FromHours(1), TimeSpan.FromHours(1), failure => failure is IOException, _time, requestedDelay: _ => TimeSpan.Zero);

        await Assert.ThrowsAsync<IOException>(() => engine.ExecuteAsync<int>(_ => throw new IOException("throttled"), Now.AddMinutes(1), default, retries.Add));

        Assert.Equal(TimeSpan.Zero, Assert.Single(retries).Delay);
    }

    [Fact]
    public async Task Execute_NoDeadline_KeepsTryingTransientFailures()
    {
        var calls = 0;

        var answer = await Engine(maxAttempts: int.MaxValue).ExecuteAsync(_ => ++calls < 100 ? throw new IOException("unreachable") : Task.FromResult("work"), DateTimeOffset.MaxValue, default);

        Assert.Equal(("work", 100), (answer, calls));
    }

    // Zero-length waits unless a test asks for more: the schedule is DelayAfter's job, proven above.
    private RetryEngine Engine(int maxAttempts = 4, TimeSpan? firstDelay = null, TimeSpan? maxDelay = null, Func<double>? random = null) =>
        new(maxAttempts, firstDelay ?? TimeSpan.Zero, maxDelay ?? TimeSpan.FromSeconds(5), failure => failure is IOException, _time, random: random ?? (() => 0.5));
}
