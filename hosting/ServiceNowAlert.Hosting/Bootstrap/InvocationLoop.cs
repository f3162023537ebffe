using ServiceNowAlert.Hosting.Client;

namespace ServiceNowAlert.Hosting.Bootstrap;

/// <summary>
/// Fetch, handle, report, repeat. A failing handler or an unreachable Runtime API never ends the loop: Lambda decides
/// when an environment dies, so the runtime keeps asking for work until it is told to stop.
/// </summary>
internal sealed class InvocationLoop(
    IRuntimeApiClient client,
    ILambdaHandler handler,
    JsonLambdaLog log,
    IMetricsSink metrics,
    LambdaRuntimeOptions options,
    Action<string?> setTraceId)
{
    // Waiting for work has no deadline: the loop asks again, 50 ms doubling to 1 s apart, until Lambda stops it.
    private readonly RetryEngine _nextInvocation = new(
        int.MaxValue,
        TimeSpan.FromMilliseconds(50),
        TimeSpan.FromSeconds(1),
        failure => failure is HttpRequestException or RuntimeApiException or IOException,
        options.TimeProvider);

    public async Task RunAsync(CancellationToken stopping)
    {
        // Made once, not once per invocation: the loop's own cost is what the hosting benchmark holds down.
        Func<CancellationToken, Task<RuntimeInvocation>> getNext = client.GetNextInvocationAsync;
        Action<RetryAttempt> logOutage = LogOutage;
        while (!stopping.IsCancellationRequested)
        {
            RuntimeInvocation invocation;
            try
            {
                invocation = await _nextInvocation.ExecuteAsync(getNext, DateTimeOffset.MaxValue, stopping, logOutage);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            await HandleAsync(invocation);
        }
    }

    // One line per outage, not one per retry: an unreachable Runtime API would otherwise flood the log.
    private void LogOutage(RetryAttempt retry)
    {
        if (retry.Attempt == 1)
        {
            log.Write(LambdaLogLevel.Error, "get next invocation: failed; retrying", exception: retry.Failure);
        }
    }

    private async Task HandleAsync(RuntimeInvocation invocation)
    {
        setTraceId(invocation.TraceId);
        log.RequestId = invocation.RequestId;
        var remaining = invocation.Deadline - options.TimeProvider.GetUtcNow();
        using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, options.TimeProvider);
        var context = new LambdaContext(invocation, options.TimeProvider, log, metrics, deadline.Token);
        try
        {
            var response = await handler.HandleAsync(invocation.Body, context);

            // Lambda may freeze the environment as soon as the response is posted, so the metrics go out first.
            metrics.Flush();
            if (response.Length > options.MaxResponseBytes)
            {
                var tooLarge = new RuntimeError(
                    "Function.ResponseSizeTooLarge",
                    $"Response payload size ({response.Length} bytes) exceeded maximum allowed payload size ({options.MaxResponseBytes} bytes).",
                    []);
                log.Write(LambdaLogLevel.Error, "handle invocation: response too large", [LambdaLogExtensions.Field("responseBytes", response.Length)]);
                await ReportAsync(() => client.PostErrorAsync(invocation.RequestId, tooLarge, CancellationToken.None), "post invocation error");
                return;
            }

            await ReportAsync(() => client.PostResponseAsync(invocation.RequestId, response, CancellationToken.None), "post invocation response");
        }
        catch (Exception exception)
        {
            metrics.Flush();
            var error = RuntimeError.From(exception);
            log.Write(LambdaLogLevel.Error, "handle invocation: failed", [LambdaLogExtensions.Field("errorType", error.ErrorType)], exception);
            await ReportAsync(() => client.PostErrorAsync(invocation.RequestId, error, CancellationToken.None), "post invocation error");
        }
        finally
        {
            log.RequestId = null;
        }
    }

    private async Task ReportAsync(Func<Task> post, string what)
    {
        try
        {
            await post();
        }
        catch (Exception exception) when (exception is HttpRequestException or RuntimeApiException or IOException)
        {
            // Lambda times the invocation out on its side; the loop carries on with the next one.
            log.Write(LambdaLogLevel.Error, $"{what}: failed", exception: exception);
        }
    }
}
