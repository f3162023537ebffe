using ServiceNowAlert.Alerting.Idempotency;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Alerting.Producers;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.Alerting.Tests.TestHelpers;

/// <summary>Builds the real pipeline against the test SMTP server.</summary>
internal static class Pipelines
{
    public static MailKitSmtpTransport Transport(SmtpTestServer server, string? password = null, SmtpTlsMode tls = SmtpTlsMode.StartTls, TimeSpan? stepTimeout = null, Func<CancellationToken, Task<SmtpCredentials?>>? login = null) =>
        new(
            new SmtpSettings { Host = server.Host, Port = server.Port, Tls = tls, CaFile = server.CaFile, StepTimeout = stepTimeout ?? TimeSpan.FromSeconds(5) },
            login ?? (_ => Task.FromResult<SmtpCredentials?>(new SmtpCredentials(server.User, password ?? server.Password))));

    public static AlertingService Service(ISmtpTransport transport, RecordingLogSink? log = null, RouteTable? routes = null, TimeSpan? repeat = null, TimeProvider? time = null, int maxRetries = 3, IIdempotencyStore? store = null, AlertRenderer? renderer = null, ProducerAllowList? producers = null, ProducerAccountNames? producerNames = null) =>
        new(
            routes ?? Alerts.Routes(),
            renderer ?? new AlertRenderer(AlertTemplates.Load()),
            transport,
            store ?? new InMemoryIdempotencyStore(),
            new RepeatSuppressor(repeat ?? TimeSpan.Zero, time ?? TimeProvider.System),
            time ?? TimeProvider.System,
            log,
            maxRetries,
            TimeSpan.FromMilliseconds(20),
            producers,
            producerNames);

    public static AlertInvocation Invocation(TimeSpan? budget = null) => AlertInvocation.Local(TimeProvider.System, budget ?? TimeSpan.FromSeconds(30));
}
