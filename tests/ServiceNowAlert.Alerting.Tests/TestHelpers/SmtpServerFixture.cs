using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.Alerting.Tests.TestHelpers;

/// <summary>One real SMTP server per test class; each test clears its messages and faults first.</summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    public SmtpTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
