using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using ServiceNowAlert.Alerting.Idempotency;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Aws;

namespace ServiceNowAlert.Alerting.Tests;

/// <summary>
/// The shared idempotency table on a real DynamoDB API (dynalite), reached through a proxy that records each call and
/// scripts outages.
/// </summary>
public sealed class DynamoDbIdempotencyTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private const string Table = DynaliteFixture.Table;
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
    private readonly DynamoDbProxy _dynamo = new(dynalite.Server);
    private readonly ManualTimeProvider _time = new(Start);
    private readonly string _outbox = Directory.CreateTempSubdirectory("snalert-ddb-outbox-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _dynamo.DisposeAsync();

    [Fact]
    public async Task Claim_OnAnEmptyTable_WritesAnInProgressRecordWithTheAttemptsDeadlineAndTheTtl()
    {
        var store = Store();

        var (claim, _) = await store.TryClaimAsync("a-1", Start.AddSeconds(30), default);

        Assert.Equal(IdempotencyClaim.Claimed, claim);
        var item = (await Item("a-1"))!;
        Assert.Equal("in-progress", item["state"]);
        Assert.Equal(Start.AddSeconds(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), item["claimExpiresAt"]);
        Assert.Equal(Start.AddHours(48).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), item["expiresAt"]);
        var put = _dynamo.Requests.Single();
        Assert.Equal("DynamoDB_20120810.PutItem", put.Header("X-Amz-Target"));
        Assert.Contains("Credential=AKID/20", put.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/dynamodb/aws4_request", put.Header("Authorization"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(put.Body);
        Assert.StartsWith("attribute_not_exists(id)", body.RootElement.GetProperty("ConditionExpression").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_AfterAnotherInstanceSent_AnswersAlreadySentWithItsMessageIdInOneCall()
    {
        await Store().TryClaimAsync("a-2", Start.AddSeconds(30), default);
        await Store().CompleteAsync("a-2", "<a-2@alerts.example.com>", default);
        var before = _dynamo.Requests.Count;

        var (claim, messageId) = await Store().TryClaimAsync("a-2", Start.AddSeconds(30), default);

        Assert.Equal((IdempotencyClaim.AlreadySent, "<a-2@alerts.example.com>"), (claim, messageId));
        Assert.Equal(["PutItem"], _dynamo.Operations.Skip(before));
        Assert.Equal("sent", (await Item("a-2"))!["state"]);
    }

    [Fact]
    public async Task Claim_WhileAnotherAttemptIsWithinItsDeadline_AnswersInProgress()
    {
        await Store().TryClaimAsync("a-3", Start.AddSeconds(30), default);

        _time.Advance(TimeSpan.FromSeconds(29));
        var (claim, _) = await Store().TryClaimAsync("a-3", Start.AddSeconds(60), default);

        Assert.Equal(IdempotencyClaim.InProgress, claim);
        Assert.Equal(["ConditionalCheckFailedException"], _dynamo.Errors);
        Assert.Equal(["PutItem", "PutItem"], _dynamo.Operations);
    }

    [Fact]
    public async Task Claim_AfterTheOtherAttemptsDeadlinePassed_TakesItOver()
    {
        await Store().TryClaimAsync("a-4", Start.AddSeconds(30), default);

        _time.Advance(TimeSpan.FromSeconds(31));
        var (claim, _) = await Store().TryClaimAsync("a-4", Start.AddSeconds(90), default);

        Assert.Equal(IdempotencyClaim.Claimed, claim);
        Assert.Empty(_dynamo.Errors);
        Assert.Equal(Start.AddSeconds(90).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), (await Item("a-4"))!["claimExpiresAt"]);
    }

    [Fact]
    public async Task Claim_OfASentRecordPastItsTtlThatDynamoDbHasNotSweptYet_SendsAgain()
    {
        await Store().TryClaimAsync("a-5", Start.AddSeconds(30), default);
        await Store().CompleteAsync("a-5", "<a-5@alerts.example.com>", default);

        _time.Advance(TimeSpan.FromHours(49));
        var (claim, _) = await Store().TryClaimAsync("a-5", _time.GetUtcNow().AddSeconds(30), default);

        Assert.Equal(IdempotencyClaim.Claimed, claim);
    }

    [Fact]
    public async Task Release_DeletesOwnClaimButNeverOneAnotherAttemptTookOver()
    {
        var first = Store();
        await first.TryClaimAsync("a-6", Start.AddSeconds(30), default);
        await first.ReleaseAsync("a-6", default);
        Assert.Null(await Item("a-6"));

        await first.TryClaimAsync("a-6", Start.AddSeconds(30), default);
        _time.Advance(TimeSpan.FromSeconds(31));
        await Store().TryClaimAsync("a-6", Start.AddSeconds(90), default);
        await first.ReleaseAsync("a-6", default);

        Assert.Equal("in-progress", (await Item("a-6"))!["state"]);
        Assert.Equal(Start.AddSeconds(90).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), (await Item("a-6"))!["claimExpiresAt"]);
    }

    [Fact]
    public async Task StoreDown_FailsWithTheErrorCodeAndTableButNoItemValues()
    {
        _dynamo.Unavailable = true;

        var exception = await Assert.ThrowsAsync<IdempotencyStoreException>(() => Store().TryClaimAsync("a-7", Start.AddSeconds(30), default));

        Assert.Contains("InternalServerError", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Table, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTable_FailsNamingResourceNotFound()
    {
        var store = new DynamoDbIdempotencyStore(Client(), "no-such-table", TimeSpan.FromHours(48), _time);

        var exception = await Assert.ThrowsAsync<IdempotencyStoreException>(() => store.TryClaimAsync("a-8", Start.AddSeconds(30), default));

        Assert.Contains("ResourceNotFoundException", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_TwoInstancesGivenTheSameAlert_SendOneEmailAndTheSecondAnswersDuplicate()
    {
        var payload = AlertJson.Serialize(Alerts.Minimal("shared-1"));

        var first = await Service().HandleAsync(payload, Pipelines.Invocation());
        var second = await Service().HandleAsync(payload, Pipelines.Invocation());

        Assert.Equal((AlertResultStatus.Sent, AlertResultStatus.Duplicate), (first.Status, second.Status));
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
    }

    [Fact]
    public async Task Pipeline_AnotherInstanceMidSend_FailsRetryablySoTheInvokerTriesAgainLater()
    {
        // The other instance runs on the same clock as the pipeline: a record stamped with the test's fixed clock would
        // already be past its TTL on the system clock, and a lapsed record is rightly treated as absent.
        await new DynamoDbIdempotencyStore(Client(), Table, TimeSpan.FromHours(48), TimeProvider.System).TryClaimAsync("shared-2", TimeProvider.System.GetUtcNow().AddMinutes(5), default);

        var exception = await Assert.ThrowsAsync<TransientAlertingException>(() => Service().HandleAsync(AlertJson.Serialize(Alerts.Minimal("shared-2")), Pipelines.Invocation()));

        Assert.Equal(AlertErrorTypes.TransientDeliveryFailure, exception.ErrorType);
        Assert.Empty(Directory.GetFiles(_outbox, "*.eml"));
    }

    [Fact]
    public async Task Pipeline_StoreDown_StillSendsTheAlertAndWarnsOnce()
    {
        _dynamo.Unavailable = true;
        var log = new RecordingLogSink();

        var result = await Service(log).HandleAsync(AlertJson.Serialize(Alerts.Minimal("down-1")), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Sent, result.Status);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
        Assert.Contains(log.Lines, line => line.StartsWith("WARN idempotency store unavailable: send without a claim", StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.StartsWith("WARN idempotency store unavailable: sent but not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_StoreSlowerThanItsTimeout_StillSendsWithinTheInvocation()
    {
        _dynamo.Delay = TimeSpan.FromSeconds(10);

        var result = await Service().HandleAsync(AlertJson.Serialize(Alerts.Minimal("slow-1")), Pipelines.Invocation(TimeSpan.FromSeconds(8)));

        Assert.Equal(AlertResultStatus.Sent, result.Status);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
    }

    // The client's own Timeout ends a call with a TimeoutException (not a cancellation): it is a store failure like
    // any other, at every step, so the alert still goes out and the pipeline says why.
    [Fact]
    public async Task Store_CallsEndedByTheClientsOwnTimeout_AreStoreFailures()
    {
        _dynamo.Delay = TimeSpan.FromSeconds(5);
        var store = new DynamoDbIdempotencyStore(Client(TimeSpan.FromMilliseconds(200)), Table, TimeSpan.FromHours(48), _time);

        var claim = await Assert.ThrowsAsync<IdempotencyStoreException>(() => store.TryClaimAsync("t-1", Start.AddSeconds(30), default));
        var complete = await Assert.ThrowsAsync<IdempotencyStoreException>(() => store.CompleteAsync("t-1", "<t-1@alerts>", default));

        Assert.IsType<TimeoutException>(claim.InnerException);
        Assert.IsType<TimeoutException>(complete.InnerException);
    }

    [Fact]
    public async Task Pipeline_StoreTimingOutInTheClient_StillSendsAndWarnsOnClaimAndRecord()
    {
        _dynamo.Delay = TimeSpan.FromSeconds(5);
        var log = new RecordingLogSink();
        var store = new DynamoDbIdempotencyStore(Client(TimeSpan.FromMilliseconds(200)), Table, TimeSpan.FromHours(48), TimeProvider.System);
        var service = Pipelines.Service(new FileOutboxTransport(_outbox), log, maxRetries: 1, store: store);

        var result = await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("timeout-1")), Pipelines.Invocation(TimeSpan.FromSeconds(8)));

        Assert.Equal(AlertResultStatus.Sent, result.Status);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
        Assert.Contains(log.Lines, line => line.StartsWith("WARN idempotency store unavailable: send without a claim", StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.StartsWith("WARN idempotency store unavailable: sent but not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_TransientSendFailure_ReleasesTheClaimSoTheRetryCanSend()
    {
        var failing = new FailingTransport();

        await Assert.ThrowsAsync<TransientAlertingException>(() => Service(transport: failing).HandleAsync(AlertJson.Serialize(Alerts.Minimal("retry-1")), Pipelines.Invocation()));
        var retry = await Service().HandleAsync(AlertJson.Serialize(Alerts.Minimal("retry-1")), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Sent, retry.Status);
        Assert.Equal("sent", (await Item("retry-1"))!["state"]);
    }

    [Fact]
    public async Task Pipeline_OverrideTemplateFailingAtRunTime_ReleasesTheClaimInsteadOfHoldingItUntilTheDeadline()
    {
        var templates = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(Path.Combine(templates.FullName, "subject.sbn"), "{{ no_such_value }}");
        var service = Pipelines.Service(new FileOutboxTransport(_outbox), maxRetries: 1, store: new DynamoDbIdempotencyStore(Client(), Table, TimeSpan.FromHours(48), TimeProvider.System), renderer: new AlertRenderer(AlertTemplates.Load(templates.FullName)));

        await Assert.ThrowsAsync<AlertingConfigurationException>(() => service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("tpl-1")), Pipelines.Invocation()));

        Assert.Null(await Item("tpl-1"));
        Assert.Equal(["PutItem", "DeleteItem"], _dynamo.Operations);
    }

    private Task<IReadOnlyDictionary<string, string>?> Item(string alertId) => dynalite.Server.ItemAsync(Table, alertId);

    private DynamoDbIdempotencyStore Store() => new(Client(), Table, TimeSpan.FromHours(48), _time);

    // The pipeline runs on the real clock: claims are measured against real deadlines there.
    private AlertingService Service(RecordingLogSink? log = null, ISmtpTransport? transport = null) =>
        Pipelines.Service(transport ?? new FileOutboxTransport(_outbox), log, maxRetries: 1, store: new DynamoDbIdempotencyStore(Client(), Table, TimeSpan.FromHours(48), TimeProvider.System));

    private AmazonDynamoDBClient Client(TimeSpan? timeout = null) =>
        new(new BasicAWSCredentials("AKID", "SECRET"), new AmazonDynamoDBConfig { ServiceURL = _dynamo.BaseUri.ToString(), AuthenticationRegion = "eu-west-1", MaxErrorRetry = 0, Timeout = timeout ?? AlertingService.StoreTimeout });

    private sealed class FailingTransport : ISmtpTransport
    {
        public Task<SmtpDelivery> SendAsync(MimeKit.MimeMessage message, IReadOnlyList<MimeKit.MailboxAddress> recipients, CancellationToken cancellationToken) =>
            throw new SmtpDeliveryException("451 4.3.0 try again later", isTransient: true);
    }
}
