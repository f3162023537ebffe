using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Normalisers;

namespace ServiceNowAlert.Invoker;

/// <summary>
/// One trigger in: normalise it, then for each alert assume the role and invoke the alerting function synchronously,
/// retrying throttling, 5xx, network errors and function errors a retry can help with, with jittered exponential
/// backoff inside this invocation's own deadline. Returns every receipt; throws when any alert was not delivered.
/// </summary>
public sealed class InvokerService(InvokerSettings settings, IRoleAssumer? roles, Func<CancellationToken, Task<AWSCredentials>> ownCredentials, IFunctionInvoker invoker, TimeProvider time, Action<string>? log = null)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReportingMargin = TimeSpan.FromSeconds(1);
    private static readonly string[] RetryableRuntimeErrors = ["Sandbox.Timedout", "Runtime.ExitError", "Runtime.Unknown"];

    public async Task<InvokerResponse> HandleAsync(ReadOnlyMemory<byte> trigger, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var normalised = TriggerNormaliser.Normalise(trigger, settings.Normaliser);
        foreach (var note in normalised.Notes)
        {
            log?.Invoke(note);
        }

        if (normalised.Failed)
        {
            var problems = normalised.Problems.Count == 0 ? string.Empty : " " + string.Join("; ", normalised.Problems.Take(10));
            throw new InvokerException(InvokerException.InvalidTrigger, normalised.Error + problems);
        }

        var results = new List<AlertResult>();
        var failures = new List<string>();
        foreach (var alert in normalised.Alerts)
        {
            var (result, failure) = await DeliverAsync(alert, deadline, cancellationToken);
            if (result is not null)
            {
                results.Add(result);
            }
            else
            {
                failures.Add($"{alert.AlertId}: {failure}");
            }
        }

        return failures.Count == 0
            ? new InvokerResponse(normalised.TriggerKind, results, normalised.Notes)
            : throw new InvokerException(InvokerException.DeliveryFailed, $"deliver alerts: {failures.Count} of {normalised.Alerts.Count} not delivered ({string.Join("; ", failures)})");
    }

    private async Task<(AlertResult? Result, string? Failure)> DeliverAsync(AlertRequest alert, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var payload = AlertJson.Serialize(alert);
        var failure = "no attempt was made";
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;

            // An attempt may not outlive the invoker's own deadline: a hanging STS or Lambda endpoint ends as a
            // reported failure (the event is kept) rather than as this invocation timing out without a word.
            using var attemptBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptBudget.CancelAfter(Max(deadline - ReportingMargin - time.GetUtcNow(), TimeSpan.Zero));
            try
            {
                var credentials = roles is null ? await ownCredentials(attemptBudget.Token) : await roles.GetCredentialsAsync(attemptBudget.Token);
                var response = await invoker.InvokeAsync(settings.FunctionArn, payload, credentials, attemptBudget.Token);
                var (result, retryable, reason) = Classify(response);
                if (result is not null)
                {
                    return (result, null);
                }

                failure = reason;
                retryAfter = response.RetryAfter;
                if (!retryable)
                {
                    return (null, failure);
                }
            }
            catch (OperationCanceledException) when (attemptBudget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failure = $"deliver to {settings.FunctionArn}: no answer before the invoker's deadline (STS or Lambda stayed silent)";
                break;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = $"invoke {settings.FunctionArn}: {exception.GetType().Name}: {exception.Message}";
            }
            catch (RoleAssumptionException exception)
            {
                failure = exception.Message;
                if (!exception.IsRetryable)
                {
                    return (null, failure);
                }
            }

            var delay = retryAfter ?? Backoff(attempt);
            if (attempt == settings.MaxAttempts || time.GetUtcNow() + delay > deadline - ReportingMargin)
            {
                break;
            }

            log?.Invoke($"invoke alert {alert.AlertId}: attempt {attempt} failed ({failure}); retrying in {delay.TotalMilliseconds:F0} ms");
            await Task.Delay(delay, time, cancellationToken);
        }

        return (null, failure);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    private static (AlertResult? Result, bool Retryable, string Reason) Classify(FunctionInvocation response)
    {
        if (response.StatusCode == 429)
        {
            return (null, true, "throttled (429)");
        }

        if (response.StatusCode >= 500)
        {
            return (null, true, $"Lambda answered {response.StatusCode}");
        }

        if (response.StatusCode != 200)
        {
            return (null, false, $"Lambda answered {response.StatusCode}: {Truncate(response.Body)}");
        }

        if (response.FunctionError is not null)
        {
            var errorType = ErrorType(response.Body);
            var retryable = AlertErrorTypes.IsRetryable(errorType) || RetryableRuntimeErrors.Contains(errorType);
            return (null, retryable, $"the function failed with {errorType ?? response.FunctionError}: {Truncate(response.Body)}");
        }

        return AlertJson.TryReadResult(response.Body, out var result, out var error)
            ? (result, false, string.Empty)
            : (null, true, $"the function's answer is not an alert result: {error}");
    }

    private static string? ErrorType(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("errorType", out var type) ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return body.Length > 300 ? text + "…" : text;
    }
}
