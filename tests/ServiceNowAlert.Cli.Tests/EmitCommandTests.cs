using System.Text.Json;
using ServiceNowAlert.Cli.Tests.TestHelpers;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Cli.Tests;

public sealed class EmitCommandTests
{
    [Fact]
    public async Task Emit_PutsTheAlertOnTheBusAsAServiceNowAlertEvent()
    {
        await using var events = new LoopbackHttpServer(_ => CannedResponse.Json("""{"FailedEntryCount":0,"Entries":[{"EventId":"11111111-2222-3333-4444-555555555555"}]}"""));

        var run = await CliRun.StartAsync(
            ["emit", "--bus", "alerts", "--source", "orders.app", "--endpoint-url", events.BaseUri.ToString(), "--region", "eu-west-1", RepositoryPaths.Combine("samples", "requests", "valid", "firing-major-minimal.json")],
            environment: new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDCLI", ["AWS_SECRET_ACCESS_KEY"] = "cli-secret" });

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("put       sample-major-0001  event 11111111-2222-3333-4444-555555555555", run.StandardOutput, StringComparison.Ordinal);
        var entry = JsonDocument.Parse(Assert.Single(events.Requests).Body).RootElement.GetProperty("Entries")[0];
        Assert.Equal(("ServiceNow Alert", "alerts"), (entry.GetProperty("DetailType").GetString(), entry.GetProperty("EventBusName").GetString()));
        Assert.Contains("Credential=AKIDCLI/", events.Requests[0].Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emit_InvalidAlert_IsOneLineOnStandardErrorAndPutsNothing()
    {
        await using var events = new LoopbackHttpServer(_ => CannedResponse.Json("{}"));

        var run = await CliRun.StartAsync(["emit", "--bus", "alerts", "--source", "a", "--endpoint-url", events.BaseUri.ToString(), RepositoryPaths.Combine("samples", "requests", "invalid", "tooLong-title.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$.title", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(events.Requests);
    }
}
