using ServiceNowAlert.Testing.Aws;

namespace ServiceNowAlert.Alerting.Tests.TestHelpers;

/// <summary>One dynalite with the idempotency table per test class; each test uses alert ids of its own.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    public const string Table = "servicenowalert-idempotency";

    public Dynalite Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Dynalite.StartAsync(Table);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
