using System.Text;
using System.Text.Json;
using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>Trigger → invoker bootstrap → (STS) → Invoke API → alerting bootstrap → SMTP, all real but AWS itself.</summary>
public sealed class InvokerToInboxTests(LocalSystem stack) : IClassFixture<LocalSystem>, IAsyncLifetime
{
    public Task InitializeAsync() => stack.Smtp.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("samples/events/cloudwatch-alarm-single-metric.json", "[FIRING] MAJOR: ServerCpuTooHigh is in ALARM")]
    [InlineData("samples/events/cloudwatch-logs-subscription.json", "2 log events matched testFilter in testLogGroup")]
    [InlineData("samples/requests/valid/firing-critical-full.json", "Orders API returns HTTP 5xx for 12% of requests")]
    public async Task Trigger_ReachesTheInboxOnceWithASentReceipt(string sample, string subject)
    {
        var outcome = await stack.Emulator.InvokeAsync(LocalSystem.Invoker, await File.ReadAllBytesAsync(RepositoryPaths.Combine(sample)));

        Assert.True(outcome.Kind == InvocationOutcomeKind.Success, Encoding.UTF8.GetString(outcome.Body));
        using var response = JsonDocument.Parse(outcome.Body);
        Assert.Equal("sent", response.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        var message = Assert.Single(await stack.Smtp.MessagesAsync());
        Assert.Contains(subject, message.Raw.Replace("\r\n ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(message.Secure);
    }

    [Fact]
    public async Task SameTriggerTwice_SendsOneEmailAndTheSecondReceiptIsDuplicate()
    {
        var alarm = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json")))!;
        alarm["detail"]!["state"]!["timestamp"] = "2026-11-25T03:33:33.333+0000";
        var trigger = Encoding.UTF8.GetBytes(alarm.ToJsonString());

        await stack.Emulator.InvokeAsync(LocalSystem.Invoker, trigger);
        var second = await stack.Emulator.InvokeAsync(LocalSystem.Invoker, trigger);

        using var response = JsonDocument.Parse(second.Body);
        Assert.Equal("duplicate", response.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Single(await stack.Smtp.MessagesAsync());
    }

    [Fact]
    public async Task AssumeRole_CarriesExternalIdSourceIdentityAndA900SecondSession()
    {
        await stack.Emulator.InvokeAsync(LocalSystem.Invoker, await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json")));

        var call = Assert.Single(stack.Sts.Requests);
        var form = System.Web.HttpUtility.ParseQueryString(call.BodyText);
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal(LocalSystem.RoleArn, form["RoleArn"]);
        Assert.Equal("e2e-external-id", form["ExternalId"]);
        Assert.Equal(LocalSystem.Invoker, form["SourceIdentity"]);
        Assert.Equal(LocalSystem.Invoker, form["RoleSessionName"]);
        Assert.Equal("900", form["DurationSeconds"]);
        Assert.Contains("/sts/aws4_request", call.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnrecognisableTrigger_FailsTheInvocationSoLambdaKeepsTheEvent()
    {
        var outcome = await stack.Emulator.InvokeAsync(LocalSystem.Invoker, "{\"what\":\"is this\"}"u8.ToArray());

        Assert.Equal(InvocationOutcomeKind.FunctionError, outcome.Kind);
        Assert.Contains("ServiceNowAlert.InvalidTrigger", Encoding.UTF8.GetString(outcome.Body), StringComparison.Ordinal);
        Assert.Empty(await stack.Smtp.MessagesAsync());
    }

    [Fact]
    public async Task RelayDown_FailsTheInvokerInvocationAsUndeliveredAfterRetries()
    {
        await stack.Smtp.SetFaultsAsync(new { rcpt = new Dictionary<string, int> { ["*"] = 451 } });
        try
        {
            var request = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["schemaVersion"] = "1.0", ["alertId"] = "e2e-relay-down", ["correlationKey"] = "e2e/relay", ["status"] = "firing",
                ["severity"] = "minor", ["source"] = "e2e", ["title"] = "Relay down test", ["occurredAt"] = "2026-11-25T03:00:00Z",
            });

            var outcome = await stack.Emulator.InvokeAsync(LocalSystem.Invoker, Encoding.UTF8.GetBytes(request));

            Assert.Equal(InvocationOutcomeKind.FunctionError, outcome.Kind);
            Assert.Contains("ServiceNowAlert.DeliveryFailed", Encoding.UTF8.GetString(outcome.Body), StringComparison.Ordinal);
        }
        finally
        {
            await stack.Smtp.SetFaultsAsync(new { });
        }
    }
}
