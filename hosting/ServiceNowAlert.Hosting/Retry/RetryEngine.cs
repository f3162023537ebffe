namespace ServiceNowAlert.Hosting;

/// <summary>
/// The one retry engine of both functions: the alerting send, the invoker's invoke and the runtime loop's wait for
/// work. A failure the caller's <c>isTransient</c> rule calls transient is tried again after an exponential wait with
/// jitter, at most <see cref="MaxAttempts"/> attempts in all, and neither an attempt nor a wait runs into the last
/// <see cref="ReportingMargin"/> before the invocation's deadline. Time comes from the <see cref="TimeProvider"/> and
/// the jitter from an injectable source, so tests decide both.
/// </summary>
/// <remarks>
/// Our own type rather than Polly (which the alerting send used): building a Polly pipeline validates its options
/// through DataAnnotations reflection, which cannot be switched off, and its first run resolves generic virtual methods
/// in the type loader. Measured side by side (docs/benchmarks.md, "Why the code is as it is"), the alerting
/// function's cold start CPU fell from 4.3× to 3.6× of the empty floor without it, and its binary by 1 MB. This loop
/// has nothing to start and is all three callers need.
/// </remarks>
/// <param name="maxAttempts">Attempts in all, the first included.</param>
/// <param name="firstDelay">The longest first wait; each later one may be twice the one before, up to <paramref name="maxDelay"/>.</param>
/// <param name="maxDelay">The longest any wait may be.</param>
/// <param name="isTransient">The caller's one rule: can another attempt help after this failure?</param>
/// <param name="time">The clock for the deadline and the waits.</param>
/// <param name="requestedDelay">The wait the other side asked for (a Retry-After), used instead of the backoff when it gives one.</param>
/// <param name="random">A number in [0, 1) for each wait's jitter; <see cref="Random.Shared"/> unless a test fixes it.</param>
public sealed class RetryEngine(int maxAttempts, TimeSpan firstDelay, TimeSpan maxDelay, Func<Exception, bool> isTransient, TimeProvider time, Func<Exception, TimeSpan?>? requestedDelay = null, Func<double>? random = null)
{
    /// <summary>Left of an invocation's deadline for reporting back; no attempt or wait may run into it.</summary>
    public static readonly TimeSpan ReportingMargin = TimeSpan.FromSeconds(1);

    // A CancellationTokenSource's timer holds at most ~49 days; anything longer is as good as no deadline.
    private static readonly TimeSpan LongestBudget = TimeSpan.FromDays(40);

    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public int MaxAttempts { get; } = maxAttempts >= 1 ? maxAttempts : throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "at least one attempt");

    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/>: half of min(max, first × 2^(attempt − 1)) plus a random
    /// share of the other half, so callers that failed together do not all come back together.
    /// </summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var ceiling = Math.Min(maxDelay.Ticks, firstDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromTicks((long)((ceiling / 2) + (_random() * ceiling / 2)));
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails for good, or the attempts or the time run out; then the
    /// last failure is thrown as it was. An attempt still running when the time is up is cancelled and ends in a
    /// <see cref="TimeoutException"/>, as does a call with no time left at all.
    /// </summary>
    /// <param name="deadline">The invocation's deadline; <see cref="DateTimeOffset.MaxValue"/> for none.</param>
    /// <param name="onRetry">Told of each failure that will be tried again, before the wait (for the log).</param>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, DateTimeOffset deadline, CancellationToken cancellationToken, Action<RetryAttempt>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var remaining = deadline - ReportingMargin - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            throw OutOfTime(null);
        }

        using var timer = remaining < LongestBudget ? new CancellationTokenSource(remaining, time) : null;
        using var linked = timer is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var token = linked?.Token ?? cancellationToken;
        bool TimeIsUp() => timer is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(token);
            }
            catch (OperationCanceledException exception) when (TimeIsUp())
            {
                throw OutOfTime(exception);
            }
            catch (Exception failure) when (!token.IsCancellationRequested && number < MaxAttempts && isTransient(failure) && WaitFits(number, failure, deadline, out var delay))
            {
                onRetry?.Invoke(new RetryAttempt(number, delay, failure));
                try
                {
                    await Task.Delay(delay, time, token);
                }
                catch (OperationCanceledException exception) when (TimeIsUp())
                {
                    throw OutOfTime(exception);
                }
            }
        }
    }

    private static TimeoutException OutOfTime(Exception? cancelled) =>
        new("retry: the invocation's deadline came before an answer", cancelled);

    private bool WaitFits(int attempt, Exception failure, DateTimeOffset deadline, out TimeSpan delay)
    {
        delay = requestedDelay?.Invoke(failure) ?? DelayAfter(attempt);
        return time.GetUtcNow() + delay <= deadline - ReportingMargin;
    }
}
