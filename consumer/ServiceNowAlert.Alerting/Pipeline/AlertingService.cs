using System.Diagnostics;
using ServiceNowAlert.Alerting.Idempotency;
using ServiceNowAlert.Alerting.Mail;
using ServiceNowAlert.Alerting.Producers;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Hosting;

namespace ServiceNowAlert.Alerting.Pipeline;

/// <summary>
/// One alert request in, one receipt out: validate → choose the route → dedup → suppress repeats → render → build →
/// send with retries inside the deadline → record. Permanent failures become a <c>rejected</c> receipt; transient ones
/// that outlast the retries throw <see cref="TransientAlertingException"/>; configuration errors throw
/// <see cref="AlertingConfigurationException"/>; nothing else is taken for transient.
/// </summary>
public sealed class AlertingService
{
    /// <summary>The most one idempotency-store call may take; the store is an optimisation, the alert is not.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(2);

    private readonly RouteTable _routes;
    private readonly AlertRenderer _renderer;
    private readonly ISmtpTransport _transport;
    private readonly IIdempotencyStore _sent;
    private readonly RepeatSuppressor _repeats;
    private readonly TimeProvider _time;
    private readonly AlertingLog _log;
    private readonly RetryEngine _retry;
    private readonly ProducerAllowList _producers;
    private readonly ProducerAccountNames _producerNames;

    public AlertingService(RouteTable routes, AlertRenderer renderer, ISmtpTransport transport, IIdempotencyStore sent, RepeatSuppressor repeats, TimeProvider time, ILambdaLog? log = null, int maxRetries = 4, TimeSpan? firstDelay = null, ProducerAllowList? producers = null, ProducerAccountNames? producerNames = null)
    {
        _producers = producers ?? ProducerAllowList.Open;
        _producerNames = producerNames ?? ProducerAccountNames.None;
        _routes = routes;
        _renderer = renderer;
        _transport = transport;
        _sent = sent;
        _repeats = repeats;
        _time = time;
        _log = new AlertingLog(log);
        _retry = new RetryEngine(maxRetries + 1, firstDelay ?? TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), IsTransient, time);
    }

    // The send's one rule: the transport says whether the relay's answer (or its silence) can change on a retry.
    private static bool IsTransient(Exception failure) => failure is SmtpDeliveryException { IsTransient: true };

    public async Task<AlertResult> HandleAsync(ReadOnlyMemory<byte> payload, AlertInvocation invocation) =>
        (await ProcessAsync(payload, invocation)).Result;

    /// <summary>As <see cref="HandleAsync"/>, and says which producer account the alert claimed.</summary>
    public async Task<AlertOutcome> ProcessAsync(ReadOnlyMemory<byte> payload, AlertInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var read = AlertRequestReader.Read(payload);
        if (!read.IsValid)
        {
            return new(Reject(read.AlertId, read.Problems), null);
        }

        var request = read.Request!;
        if (request.Producer is not { } producer)
        {
            return new(await RouteAndSendAsync(request, invocation), null);
        }

        if (!_producers.Allows(producer.Account))
        {
            return new(Reject(request.AlertId, [new AlertProblem("$.producer.account", AlertProblemCodes.NotAllowed, $"producer account {producer.Account} is not allowed to send alerts here; this alerting function accepts {_producers.Describe()}")]), producer.Account);
        }

        try
        {
            return new(await RouteAndSendAsync(request with { Producer = _producerNames.Apply(producer) }, invocation), producer.Account);
        }
        catch (Exception exception)
        {
            exception.Data[AlertOutcome.SourceAccountKey] = producer.Account;
            throw;
        }
    }

    private async Task<AlertResult> RouteAndSendAsync(AlertRequest request, AlertInvocation invocation)
    {
        // The store knows the alert by its producer-scoped key; receipts and logs keep the alertId the producer sent.
        var key = ProducerScope.AlertKey(request);
        var route = _routes.Select(request);
        if (route is null)
        {
            return Reject(request.AlertId, [new AlertProblem("$.route", AlertProblemCodes.NotAllowed, $"route '{request.Route}' is not defined here; known routes: {string.Join(", ", _routes.Names)}")]);
        }

        var (claim, previousMessageId) = await ClaimAsync(key, invocation);
        if (claim == IdempotencyClaim.AlreadySent)
        {
            _log.Duplicate(request.AlertId, previousMessageId);
            return new AlertResult { Status = AlertResultStatus.Duplicate, AlertId = request.AlertId, MessageId = previousMessageId };
        }

        if (claim == IdempotencyClaim.InProgress)
        {
            throw new TransientAlertingException(AlertErrorTypes.TransientDeliveryFailure, $"send alert {request.AlertId}: another attempt is sending it now");
        }

        if (_repeats.ShouldSuppress(request))
        {
            await ReleaseAsync(key);
            _log.Suppressed(request.AlertId, request.CorrelationKey);
            return new AlertResult { Status = AlertResultStatus.Suppressed, AlertId = request.AlertId };
        }

        return await SendAsync(request, key, route, invocation);
    }

    private async Task<AlertResult> SendAsync(AlertRequest request, string key, RouteDefinition route, AlertInvocation invocation)
    {
        MimeKit.MimeMessage message;
        try
        {
            message = AlertMessageBuilder.Build(request, route, _renderer.Render(request), _time.GetUtcNow());
        }
        catch
        {
            // An override template that fails at run time must not leave the alert claimed until the deadline.
            await ReleaseAsync(key);
            throw;
        }

        var recipients = AlertMessageBuilder.Recipients(route);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var delivery = await _retry.ExecuteAsync(
                token => _transport.SendAsync(message, recipients, token),
                invocation.Deadline,
                invocation.CancellationToken,
                retry => _log.Retrying(request.AlertId, retry));
            await RecordSentAsync(key, message.MessageId!);
            _repeats.RecordSent(request);
            _log.Sent(request.AlertId, request.Producer?.Account, message.MessageId!, route.Name, delivery.AcceptedRecipients, delivery.FailedRecipients.Count, Stopwatch.GetElapsedTime(started));
            return new AlertResult
            {
                Status = AlertResultStatus.Sent,
                AlertId = request.AlertId,
                MessageId = message.MessageId,
                AcceptedRecipients = delivery.AcceptedRecipients,
                FailedRecipients = delivery.FailedRecipients,
            };
        }
        catch (SmtpDeliveryException exception) when (!exception.IsTransient)
        {
            await ReleaseAsync(key);
            return Reject(request.AlertId, [new AlertProblem("$", "smtpRejected", exception.Message)]);
        }
        catch (Exception exception) when (exception is SmtpDeliveryException or TimeoutException or OperationCanceledException)
        {
            await ReleaseAsync(key);
            var reason = exception is SmtpDeliveryException ? exception.Message : "the invocation's time ran out while retrying";
            _log.GaveUp(request.AlertId, reason);
            throw new TransientAlertingException(AlertErrorTypes.TransientDeliveryFailure, $"send alert {request.AlertId}: {reason}", exception);
        }
        catch
        {
            // Configuration, a dependency failing for now, or a bug: each keeps its kind, and none keeps the claim.
            await ReleaseAsync(key);
            throw;
        }
    }

    // A store that cannot answer must not cost an alert: the alert goes out without a claim (a redelivery might then
    // send it twice, and its deterministic Message-ID lets mail clients and ServiceNow fold the two together).
    private async Task<(IdempotencyClaim Claim, string? MessageId)> ClaimAsync(string alertId, AlertInvocation invocation)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(invocation.CancellationToken);
        bounded.CancelAfter(StoreTimeout);
        try
        {
            return await _sent.TryClaimAsync(alertId, invocation.Deadline, bounded.Token);
        }
        catch (IdempotencyStoreException exception)
        {
            _log.StoreUnavailable(alertId, "send without a claim", exception.Message);
            return (IdempotencyClaim.Claimed, null);
        }
    }

    private async Task RecordSentAsync(string alertId, string messageId)
    {
        using var bounded = new CancellationTokenSource(StoreTimeout);
        try
        {
            await _sent.CompleteAsync(alertId, messageId, bounded.Token);
        }
        catch (IdempotencyStoreException exception)
        {
            // Sent is sent: the receipt says so. Only a redelivery after the claim lapses could repeat it.
            _log.StoreUnavailable(alertId, "sent but not recorded", exception.Message);
        }
    }

    private async Task ReleaseAsync(string alertId)
    {
        using var bounded = new CancellationTokenSource(StoreTimeout);
        try
        {
            await _sent.ReleaseAsync(alertId, bounded.Token);
        }
        catch (IdempotencyStoreException exception)
        {
            // The claim lapses at the attempt's deadline anyway; a retry after that can claim it.
            _log.StoreUnavailable(alertId, "claim not released", exception.Message);
        }
    }

    private AlertResult Reject(string alertId, IReadOnlyList<AlertProblem> problems)
    {
        _log.Rejected(alertId, problems.Count, problems[0].ToString());
        return AlertResult.Rejected(alertId, problems);
    }
}
