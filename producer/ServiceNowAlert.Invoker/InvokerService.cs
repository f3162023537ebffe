using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Hosting;
using ServiceNowAlert.Normalisers;

namespace ServiceNowAlert.Invoker;

/// <summary>
/// One trigger in: normalise it, then for each alert assume the role and invoke the alerting function synchronously,
/// retrying throttling, 5xx, network errors and function errors a retry can help with, with jittered exponential
/// backoff inside this invocation's own deadline. Returns every receipt; throws when any alert was not delivered.
/// </summary>
public sealed class InvokerService(InvokerSettings settings, IRoleAssumer? roles, Func<CancellationToken, Task<AWSCredentials>> ownCredentials, IFunctionInvoker invoker, TimeProvider time, ILambdaLog? log = null)
{
    private static readonly string[] RetryableRuntimeErrors = ["Sandbox.Timedout", "Runtime.ExitError", "Runtime.Unknown"];

    private readonly RetryEngine _retry = new(
        settings.MaxAttempts,
        TimeSpan.FromMilliseconds(200),
        TimeSpan.FromSeconds(5),
        IsTransient,
        time,
        failure => (failure as InvokeAttemptException)?.RetryAfter);

    private readonly InvokerLog _log = new(log);

    /// <param name="trigger">The event the invoker was called with.</param>
    /// <param name="deadline">When this invocation ends.</param>
    /// <param name="cancellationToken">Cancelled at the deadline.</param>
    /// <param name="producer">
    /// This account (<see cref="ProducerIdentity"/>), stamped on every alert over whatever a direct request claimed:
    /// the invoker speaks for its own account only. Null leaves the alerts as normalised.
    /// </param>
    public async Task<InvokerResponse> HandleAsync(ReadOnlyMemory<byte> trigger, DateTimeOffset deadline, CancellationToken cancellationToken, AlertProducer? producer = null)
    {
        var normalised = TriggerNormaliser.Normalise(trigger, settings.Normaliser);
        foreach (var note in normalised.Notes)
        {
            _log.Note(normalised.TriggerKind, note);
        }

        if (normalised.Failed)
        {
            var problems = normalised.Problems.Count == 0 ? string.Empty : " " + string.Join("; ", normalised.Problems.Take(10));
            throw new InvokerException(InvokerException.InvalidTrigger, normalised.Error + problems);
        }

        var results = new List<AlertResult>();
        var failures = new List<string>();
        var configurationFailures = 0;
        foreach (var alert in normalised.Alerts)
        {
            var (result, failure, isConfiguration) = await DeliverAsync(producer is null ? alert : alert with { Producer = producer }, deadline, cancellationToken);
            if (result is not null)
            {
                results.Add(result);
            }
            else
            {
                failures.Add($"{alert.AlertId}: {failure}");
                configurationFailures += isConfiguration ? 1 : 0;
            }
        }

        if (failures.Count == 0)
        {
            return new InvokerResponse(normalised.TriggerKind, results, normalised.Notes);
        }

        var errorType = configurationFailures == failures.Count ? InvokerException.ConfigurationError : InvokerException.DeliveryFailed;
        throw new InvokerException(errorType, $"deliver alerts: {failures.Count} of {normalised.Alerts.Count} not delivered ({string.Join("; ", failures)})");
    }

    private async Task<(AlertResult? Result, string? Failure, bool IsConfiguration)> DeliverAsync(AlertRequest alert, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var payload = AlertJson.Serialize(alert);
        try
        {
            var result = await _retry.ExecuteAsync(token => InvokeOnceAsync(payload, token), deadline, cancellationToken, retry => _log.Retrying(alert.AlertId, retry));
            return (result, null, false);
        }
        catch (TimeoutException)
        {
            // An attempt may not outlive the invoker's own deadline: a hanging STS or Lambda endpoint ends as a
            // reported failure (the event is kept) rather than as this invocation timing out without a word.
            return (null, $"deliver to {settings.FunctionArn}: no answer before the invoker's deadline (STS or Lambda stayed silent)", false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Describe(exception) is { } failure)
        {
            return (null, failure, exception is InvokeAttemptException { IsConfiguration: true });
        }
    }

    private async Task<AlertResult> InvokeOnceAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var credentials = roles is null ? await ownCredentials(cancellationToken) : await roles.GetCredentialsAsync(cancellationToken);
        var response = await invoker.InvokeAsync(settings.FunctionArn, payload, credentials, cancellationToken);
        var (result, retryable, reason) = Classify(response);
        return result ?? throw new InvokeAttemptException(reason, retryable, response.RetryAfter, IsConfiguration(response));
    }

    // The invoke's one rule: throttling, 5xx, network errors, unreadable answers and the function errors a retry can
    // help with (Classify) are worth another attempt; a refusal of the role or of the request is not.
    private static bool IsTransient(Exception failure) => failure switch
    {
        InvokeAttemptException attempt => attempt.IsRetryable,
        RoleAssumptionException assume => assume.IsRetryable,
        _ => IsNetworkFailure(failure),
    };

    private static bool IsNetworkFailure(Exception failure) => failure is HttpRequestException or IOException or SocketException or TaskCanceledException;

    private string? Describe(Exception failure) => failure switch
    {
        InvokeAttemptException or RoleAssumptionException => failure.Message,
        _ when IsNetworkFailure(failure) => $"invoke {settings.FunctionArn}: {failure.GetType().Name}: {failure.Message}",
        _ => null,
    };

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

    // The alerting function's own configuration error, at an invocation or (by its type's name) at its start-up.
    private static bool IsConfiguration(FunctionInvocation response) =>
        response.FunctionError is not null && ErrorType(response.Body) is AlertErrorTypes.ConfigurationError or "AlertingConfigurationException";

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
