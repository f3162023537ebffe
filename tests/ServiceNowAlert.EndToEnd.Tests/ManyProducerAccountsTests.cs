using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;
using static ServiceNowAlert.EndToEnd.Tests.ManyProducersSystem;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>
/// Many producer accounts, one alerting account: each invoker stamps its own account, the alerting function routes by
/// it, refuses an account outside its list, and keeps its metrics by SourceAccount.
/// </summary>
public sealed class ManyProducerAccountsTests(ManyProducersSystem system) : IClassFixture<ManyProducersSystem>, IAsyncLifetime
{
    public Task InitializeAsync() => system.Smtp.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoListedAccounts_SendingTheSameAlert_EachReachTheirOwnRouteWithTheirOwnCredentials()
    {
        var trigger = Request("e2e-accounts-same-1");

        var payments = await system.Emulator.InvokeAsync(PaymentsInvoker, trigger);
        var data = await system.Emulator.InvokeAsync(DataInvoker, trigger);

        Assert.Equal(("sent", "sent"), (Status(payments), Status(data)));
        var messages = await system.Smtp.MessagesAsync();
        Assert.Equal(2, messages.Count);
        var toPayments = Assert.Single(messages, message => message.To.Contains("payments@example.com"));
        var toData = Assert.Single(messages, message => message.To.Contains("data@example.com"));
        Assert.Contains($"- Payments prod ({Payments})", Unfold(toPayments.Raw), StringComparison.Ordinal);
        Assert.Contains($"producer_account:{Payments}", Unfold(toPayments.Raw), StringComparison.Ordinal);
        Assert.Contains($"X-Alert-Producer-Account: {Payments}", toPayments.Raw, StringComparison.Ordinal);

        // Account A's name for the data account; that invoker sends none of its own.
        Assert.Contains($"- Data platform ({Data})", Unfold(toData.Raw), StringComparison.Ordinal);
        Assert.Contains("\"producer_name\":\"Data platform\"", Unfold(toData.Raw), StringComparison.Ordinal);
        Assert.NotEqual(MessageId(toPayments.Raw), MessageId(toData.Raw));

        // Each account assumed the role with its own key.
        var keys = system.Sts.Requests.Select(request => request.Header("Authorization")!).ToList();
        Assert.Contains(keys, header => header.Contains($"Credential={AccessKeyOf(Payments)}/", StringComparison.Ordinal));
        Assert.Contains(keys, header => header.Contains($"Credential={AccessKeyOf(Data)}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameAccountRedelivering_IsStillADuplicate()
    {
        var trigger = Request("e2e-accounts-dup-1");

        await system.Emulator.InvokeAsync(DataInvoker, trigger);
        var again = await system.Emulator.InvokeAsync(DataInvoker, trigger);

        Assert.Equal("duplicate", Status(again));
        Assert.Single(await system.Smtp.MessagesAsync());
    }

    [Fact]
    public async Task UnlistedAccount_IsRejectedAtProducerAccountAndNothingIsSent()
    {
        var outcome = await system.Emulator.InvokeAsync(UnlistedInvoker, Request("e2e-accounts-unlisted-1"));

        Assert.True(outcome.Kind == InvocationOutcomeKind.Success, Encoding.UTF8.GetString(outcome.Body));
        using var response = JsonDocument.Parse(outcome.Body);
        var result = response.RootElement.GetProperty("results")[0];
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        var problem = result.GetProperty("problems")[0];
        Assert.Equal("$.producer.account", problem.GetProperty("path").GetString());
        Assert.Contains($"producer account {Unlisted} is not allowed", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await system.Smtp.MessagesAsync());
    }

    [Fact]
    public async Task Metrics_AreKeptPerSourceAccountBesideTheTotals()
    {
        await system.Emulator.InvokeAsync(PaymentsInvoker, Request("e2e-accounts-metrics-1"));
        await system.Emulator.InvokeAsync(DataInvoker, Request("e2e-accounts-metrics-2"));
        await system.Emulator.InvokeAsync(UnlistedInvoker, Request("e2e-accounts-metrics-3"));

        var emf = system.Emulator.Log
            .Where(line => line.Function == LocalFunctions.Alerting && line.Line.Contains("\"_aws\"", StringComparison.Ordinal))
            .Select(line => JsonNode.Parse(line.Line)!)
            .ToList();
        Assert.All(emf.Where(line => line["SourceAccount"] is not null), line =>
            Assert.Equal("[[\"FunctionName\"],[\"FunctionName\",\"SourceAccount\"]]", line["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]!.ToJsonString()));
        Assert.Contains(emf, line => (string?)line["SourceAccount"] == Payments && line["AlertsSent"] is not null);
        Assert.Contains(emf, line => (string?)line["SourceAccount"] == Data && line["AlertsSent"] is not null);
        Assert.Contains(emf, line => (string?)line["SourceAccount"] == Unlisted && line["AlertsRejected"] is not null);
    }

    [Fact]
    public async Task AFailedAlert_IsCountedUnderItsSourceAccount()
    {
        var request = JsonNode.Parse(Request("e2e-accounts-failed-1"))!;
        request["producer"] = new JsonObject { ["account"] = Payments };
        await system.Smtp.SetFaultsAsync(new { rcpt = new Dictionary<string, int> { ["*"] = 451 } });
        InvocationOutcome outcome;
        try
        {
            outcome = await system.Emulator.InvokeAsync(LocalFunctions.Alerting, Encoding.UTF8.GetBytes(request.ToJsonString()));
        }
        finally
        {
            await system.Smtp.SetFaultsAsync(new { });
        }

        Assert.Equal(InvocationOutcomeKind.FunctionError, outcome.Kind);
        Assert.Contains("TransientDeliveryFailure", Encoding.UTF8.GetString(outcome.Body), StringComparison.Ordinal);
        var emf = system.Emulator.Log
            .Where(line => line.Function == LocalFunctions.Alerting && line.Line.Contains("\"AlertsFailed\"", StringComparison.Ordinal))
            .Select(line => JsonNode.Parse(line.Line)!)
            .ToList();
        Assert.Contains(emf, line => (string?)line["SourceAccount"] == Payments);
    }

    private static byte[] Request(string alertId)
    {
        var request = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("samples", "requests", "valid", "firing-major-minimal.json")))!;
        request["alertId"] = alertId;
        request["correlationKey"] = "e2e/" + alertId;
        return Encoding.UTF8.GetBytes(request.ToJsonString());
    }

    private static string Status(InvocationOutcome outcome)
    {
        Assert.True(outcome.Kind == InvocationOutcomeKind.Success, Encoding.UTF8.GetString(outcome.Body));
        using var response = JsonDocument.Parse(outcome.Body);
        return response.RootElement.GetProperty("results")[0].GetProperty("status").GetString()!;
    }

    private static string Unfold(string raw) => raw.Replace("\r\n ", " ", StringComparison.Ordinal);

    private static string MessageId(string raw) =>
        raw.Split("\r\n").First(line => line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase));
}
