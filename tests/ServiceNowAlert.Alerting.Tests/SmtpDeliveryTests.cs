using MimeKit;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Tests;

/// <summary>The whole pipeline against a real SMTP server over loopback: STARTTLS, AUTH, and each scripted fault.</summary>
public sealed class SmtpDeliveryTests(SmtpServerFixture fixture) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.Server.SetFaultsAsync(new { });
        await fixture.Server.ClearAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Send_ValidAlert_ArrivesOnceOverTlsAsMultipartAlternativeWithBccOnlyInTheEnvelope()
    {
        using var transport = Pipelines.Transport(fixture.Server);

        var result = await Pipelines.Service(transport).HandleAsync(Alerts.SampleBytes("firing-critical-full"), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Sent, result.Status);
        Assert.Equal(3, result.AcceptedRecipients);
        // Once for this alert: a message an earlier test's dropped connection left in flight may land after the clear.
        var received = Assert.Single(await fixture.Server.MessagesAsync(), message => message.Raw.Contains(result.MessageId!, StringComparison.Ordinal));
        Assert.True(received.Secure);
        Assert.Equal(["orders-oncall@example.com", "platform-team@example.com", "example-instance@service-now.com"], received.To);
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Raw)));
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain("example-instance@service-now.com", received.Raw[..received.Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)], StringComparison.Ordinal);
        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(part => part.ContentType.MimeType));
        Assert.Equal("<" + result.MessageId + ">", "<" + message.MessageId + ">");
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("critical", message.Headers["X-Alert-Severity"]);
    }

    [Fact]
    public async Task Send_ThreeAlertsOnOneTransport_ReusesOneConnection()
    {
        using var transport = Pipelines.Transport(fixture.Server);
        var service = Pipelines.Service(transport);
        var before = (await fixture.Server.StatsAsync()).Connections;

        foreach (var id in new[] { "reuse-1", "reuse-2", "reuse-3" })
        {
            Assert.Equal(AlertResultStatus.Sent, (await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal(id)), Pipelines.Invocation())).Status);
        }

        Assert.Equal(1, (await fixture.Server.StatsAsync()).Connections - before);
        Assert.Equal(1, transport.ConnectionsOpened);
    }

    // Only what the relay or the network said is retried. A failure nobody classified (here the login source failing
    // with a bug) keeps its own type, is tried once, and leaves the alert unclaimed for the next attempt.
    [Fact]
    public async Task Send_FailureNobodyClassified_IsNotRetriedNorReportedAsTransient()
    {
        var logins = 0;
        using var transport = Pipelines.Transport(fixture.Server, login: _ => Interlocked.Increment(ref logins) > 0 ? throw new InvalidOperationException("credential source: unexpected state") : Task.FromResult<SmtpCredentials?>(null));
        var store = new ServiceNowAlert.Alerting.Idempotency.InMemoryIdempotencyStore();
        var service = Pipelines.Service(transport, store: store);

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("unclassified-1")), Pipelines.Invocation()));

        Assert.Equal(1, logins);
        Assert.Equal(ServiceNowAlert.Alerting.Idempotency.IdempotencyClaim.Claimed, (await store.TryClaimAsync("unclassified-1", TimeProvider.System.GetUtcNow().AddMinutes(1), default)).Claim);
    }

    // A configuration error found at send time (the login's parameter deleted since start-up) is not the relay's:
    // it reaches the function as itself, which reports ServiceNowAlert.ConfigurationError, and is not retried.
    [Fact]
    public async Task Send_ConfigurationErrorWhileConnecting_IsNotRetriedAndKeepsItsKind()
    {
        var logins = 0;
        using var transport = Pipelines.Transport(fixture.Server, login: _ => Interlocked.Increment(ref logins) > 0 ? throw new AlertingConfigurationException("read SMTP credentials /smtp: no such parameter") : Task.FromResult<SmtpCredentials?>(null));

        var exception = await Assert.ThrowsAsync<AlertingConfigurationException>(() => Pipelines.Service(transport).HandleAsync(AlertJson.Serialize(Alerts.Minimal("configuration-1")), Pipelines.Invocation()));

        Assert.Contains("no such parameter", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, logins);
    }

    [Fact]
    public async Task Send_RelayDown_RetriesEachAttemptThenFailsTheInvocationAsRetryable()
    {
        var closedPort = ServiceNowAlert.Testing.Http.LoopbackHttpServer.FreePort();
        using var transport = new MailKitSmtpTransport(new SmtpSettings { Host = "127.0.0.1", Port = closedPort, StepTimeout = TimeSpan.FromSeconds(2) }, _ => Task.FromResult<SmtpCredentials?>(null));
        var log = new RecordingLogSink();

        var exception = await Assert.ThrowsAsync<TransientAlertingException>(() => Pipelines.Service(transport, log, maxRetries: 2).HandleAsync(AlertJson.Serialize(Alerts.Minimal("down")), Pipelines.Invocation()));

        Assert.Equal(AlertErrorTypes.TransientDeliveryFailure, exception.ErrorType);
        Assert.Equal(2, log.Lines.Count(line => line.Contains("retrying", StringComparison.Ordinal)));
        Assert.Contains("SocketException", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("220-relay.example.com\r\n")]
    [InlineData("\u0000\u0001\u0002 not smtp at all\r\n")]
    public async Task Send_RelayAnswersSomethingThatIsNotSmtp_IsRetriedThenFailsRetryablyWithoutSending(string greeting)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        var serving = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref connections);
                await client.GetStream().WriteAsync(System.Text.Encoding.Latin1.GetBytes(System.Text.RegularExpressions.Regex.Unescape(greeting)));
                await Task.Delay(50);
            }
        });
        using var transport = new MailKitSmtpTransport(new SmtpSettings { Host = "127.0.0.1", Port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port, StepTimeout = TimeSpan.FromSeconds(1) }, _ => Task.FromResult<SmtpCredentials?>(null));

        var exception = await Assert.ThrowsAsync<TransientAlertingException>(() => Pipelines.Service(transport, maxRetries: 2).HandleAsync(AlertJson.Serialize(Alerts.Minimal("garbage")), Pipelines.Invocation()));

        Assert.Equal(AlertErrorTypes.TransientDeliveryFailure, exception.ErrorType);
        Assert.Equal(3, Volatile.Read(ref connections));
        listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => serving);
    }

    [Fact]
    public async Task Send_Greeting421Once_RetriesAndDeliversOnce()
    {
        await fixture.Server.SetFaultsAsync(new { greeting421 = new { count = 1 } });
        using var transport = Pipelines.Transport(fixture.Server);
        var log = new RecordingLogSink();

        var result = await Pipelines.Service(transport, log).HandleAsync(AlertJson.Serialize(Alerts.Minimal("g421")), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Sent, result.Status);
        Assert.Single(await fixture.Server.MessagesAsync());
        Assert.Single(log.Lines, line => line.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_Greeting421Always_FailsTheInvocationAsRetryableAfterTheRetries()
    {
        await fixture.Server.SetFaultsAsync(new { greeting421 = true });
        using var transport = Pipelines.Transport(fixture.Server);
        var log = new RecordingLogSink();

        var exception = await Assert.ThrowsAsync<TransientAlertingException>(() => Pipelines.Service(transport, log, maxRetries: 2).HandleAsync(AlertJson.Serialize(Alerts.Minimal("g421-always")), Pipelines.Invocation()));

        Assert.Equal(AlertErrorTypes.TransientDeliveryFailure, exception.ErrorType);
        Assert.True(AlertErrorTypes.IsRetryable(exception.ErrorType));
        Assert.Equal(2, log.Lines.Count(line => line.Contains("retrying", StringComparison.Ordinal)));
        Assert.Empty(await fixture.Server.MessagesAsync());
    }

    [Fact]
    public async Task Send_451OnEveryRecipient_IsTransient()
    {
        await fixture.Server.SetFaultsAsync(new { rcpt = new Dictionary<string, int> { ["*"] = 451 } });
        using var transport = Pipelines.Transport(fixture.Server);

        await Assert.ThrowsAsync<TransientAlertingException>(() => Pipelines.Service(transport, maxRetries: 1).HandleAsync(AlertJson.Serialize(Alerts.Minimal("r451")), Pipelines.Invocation()));
    }

    [Fact]
    public async Task Send_550OnEveryRecipient_IsRejectedWithoutRetry()
    {
        await fixture.Server.SetFaultsAsync(new { rcpt = new Dictionary<string, int> { ["*"] = 550 } });
        using var transport = Pipelines.Transport(fixture.Server);
        var log = new RecordingLogSink();

        var result = await Pipelines.Service(transport, log).HandleAsync(AlertJson.Serialize(Alerts.Minimal("r550")), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Rejected, result.Status);
        Assert.Contains("550", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, line => line.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_OneRecipientRefused_IsSentAndReportsThatRecipient()
    {
        await fixture.Server.SetFaultsAsync(new { rcpt = new Dictionary<string, int> { ["platform-team@example.com"] = 550 } });
        using var transport = Pipelines.Transport(fixture.Server);

        var result = await Pipelines.Service(transport).HandleAsync(Alerts.SampleBytes("firing-critical-full"), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Sent, result.Status);
        Assert.Equal(2, result.AcceptedRecipients);
        var failure = Assert.Single(result.FailedRecipients);
        Assert.Equal(("platform-team@example.com", 550), (failure.Recipient, failure.SmtpCode));
        Assert.Equal(2, Assert.Single(await fixture.Server.MessagesAsync()).To.Count);
    }

    [Fact]
    public async Task Send_Auth535_IsRejectedAndThePasswordIsNeverLogged()
    {
        using var transport = Pipelines.Transport(fixture.Server, password: "wrong-password-42");
        var log = new RecordingLogSink();

        var result = await Pipelines.Service(transport, log).HandleAsync(AlertJson.Serialize(Alerts.Minimal("a535")), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Rejected, result.Status);
        Assert.DoesNotContain(log.Lines, line => line.Contains("wrong-password-42", StringComparison.Ordinal) || line.Contains(fixture.Server.Password, StringComparison.Ordinal));
        Assert.DoesNotContain("wrong-password-42", System.Text.Encoding.UTF8.GetString(AlertJson.Serialize(result)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StartTlsNotOffered_NeverSendsInTheClearAndIsRetryable()
    {
        await fixture.Server.SetFaultsAsync(new { noStartTls = true });
        using var transport = Pipelines.Transport(fixture.Server);
        var before = (await fixture.Server.StatsAsync()).Transactions;

        await Assert.ThrowsAsync<TransientAlertingException>(() => Pipelines.Service(transport, maxRetries: 1).HandleAsync(AlertJson.Serialize(Alerts.Minimal("notls")), Pipelines.Invocation()));

        Assert.Empty(await fixture.Server.MessagesAsync());
        Assert.Equal(before, (await fixture.Server.StatsAsync()).Transactions);
    }

    [Fact]
    public async Task Send_ConnectionDroppedDuringData_RetriesAndDeliversExactlyOnce()
    {
        await fixture.Server.SetFaultsAsync(new { dropDuringData = new { count = 1 } });
        using var transport = Pipelines.Transport(fixture.Server);

        var result = await Pipelines.Service(transport).HandleAsync(AlertJson.Serialize(Alerts.Minimal("drop")), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Sent, result.Status);
        Assert.Single(await fixture.Server.MessagesAsync());
        Assert.Equal(2, transport.ConnectionsOpened);
    }

    [Fact]
    public async Task Send_ServerSlowerThanTheStepTimeout_IsTransient()
    {
        await fixture.Server.SetFaultsAsync(new { delayMs = 3000 });
        using var transport = Pipelines.Transport(fixture.Server, stepTimeout: TimeSpan.FromMilliseconds(700));

        await Assert.ThrowsAsync<TransientAlertingException>(() => Pipelines.Service(transport, maxRetries: 1).HandleAsync(AlertJson.Serialize(Alerts.Minimal("slow")), Pipelines.Invocation()));
    }

    [Fact]
    public async Task Send_WhenTheDeadlineIsNear_StopsRetryingInTime()
    {
        await fixture.Server.SetFaultsAsync(new { greeting421 = true });
        using var transport = Pipelines.Transport(fixture.Server);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        await Assert.ThrowsAsync<TransientAlertingException>(() => Pipelines.Service(transport, maxRetries: 50).HandleAsync(AlertJson.Serialize(Alerts.Minimal("deadline")), Pipelines.Invocation(TimeSpan.FromSeconds(3))));

        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Send_MoreThan100Recipients_UsesOneTransactionPer100()
    {
        var routes = Routing.RouteTable.Parse($$"""{"routes":[{"name":"big","from":"a@example.com","to":[{{string.Join(",", Enumerable.Range(0, 150).Select(i => $"\"r{i}@example.com\""))}}]}]}""", "test");
        using var transport = Pipelines.Transport(fixture.Server);

        var result = await Pipelines.Service(transport, routes: routes).HandleAsync(AlertJson.Serialize(Alerts.Minimal("big")), Pipelines.Invocation());

        Assert.Equal(150, result.AcceptedRecipients);
        Assert.Equal([100, 50], (await fixture.Server.MessagesAsync()).Select(message => message.To.Count));
    }
}
