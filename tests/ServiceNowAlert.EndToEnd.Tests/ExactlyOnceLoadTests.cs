using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Aws;
using ServiceNowAlert.Testing.Smtp;
using Xunit.Abstractions;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>
/// Exactly-once under load and faults: distinct alerts (SNALERT_LOAD_ALERTS, 2,000 by default), 16 in flight, through
/// the invoker bootstrap → emulator → alerting bootstraps (sharing one idempotency table) → the real SMTP server, while
/// the server answers 451 to 10% of transactions and one alerting instance is killed while it holds a DATA transaction.
/// Afterwards every alert is in the inbox exactly once or was reported failed to the caller; none lost, none twice.
/// </summary>
[Collection(LoadTestGroup.Name)]
public sealed partial class ExactlyOnceLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Invoker = LocalFunctions.Invoker;
    private const string Alerting = LocalFunctions.Alerting;
    private const string Table = "servicenowalert-alerting-idempotency";
    private const int InFlight = 16;
    private const string TransientFaults = """{"transient451":{"percent":10}}""";
    private static readonly int AlertCount = int.TryParse(Environment.GetEnvironmentVariable("SNALERT_LOAD_ALERTS"), CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 2000;

    private SmtpTestServer _smtp = null!;
    private Dynalite _dynamo = null!;
    private LambdaEmulator.LambdaEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _dynamo = await Dynalite.StartAsync(Table);
        var port = Testing.Http.LoopbackHttpServer.FreePort();
        _emulator = new LambdaEmulator.LambdaEmulator(
            [
                LocalFunctions.AlertingFunction(_smtp, concurrency: 5, extra: new Dictionary<string, string>
                {
                    ["SNALERT_IDEMPOTENCY_TABLE"] = Table,
                    ["AWS_ENDPOINT_URL_DYNAMODB"] = _dynamo.ServiceUrl.ToString(),
                    ["AWS_REGION"] = "eu-west-1",
                    ["AWS_ACCESS_KEY_ID"] = "AKIDALERTING",
                    ["AWS_SECRET_ACCESS_KEY"] = "alerting-secret",
                    ["AWS_LAMBDA_LOG_LEVEL"] = "WARN",
                }),
                LocalFunctions.InvokerFunction(port, concurrency: 4, extra: new Dictionary<string, string>
                {
                    ["AWS_REGION"] = "eu-west-1",
                    ["AWS_LAMBDA_LOG_LEVEL"] = "WARN",
                }),
            ],
            port: port);
        await _smtp.SetFaultsAsync(JsonDocument.Parse(TransientFaults).RootElement);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _dynamo.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task DistinctAlertsUnderTransientFaultsAndAKilledInstance_ArriveExactlyOnceOrAreReportedFailed()
    {
        var outcomes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyDictionary<int, long> half = new Dictionary<int, long>();
        var done = 0;
        var killed = false;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        await Parallel.ForEachAsync(Enumerable.Range(0, AlertCount), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (index, _) =>
        {
            var alertId = $"load-{index:D5}";
            outcomes[alertId] = await DeliverAsync(alertId);
            var finished = Interlocked.Increment(ref done);
            if (finished == AlertCount / 2)
            {
                half = ResidentKib();
            }
            else if (finished == AlertCount / 3)
            {
                killed = await KillAnInstanceHoldingDataAsync();
            }
        });
        var end = ResidentKib();
        var survivors = half.Keys.Intersect(end.Keys).ToList();
        var (halfKib, endKib) = (survivors.Sum(pid => half[pid]), survivors.Sum(pid => end[pid]));

        var inbox = (await _smtp.MessagesAsync()).Select(message => AlertIdHeader().Match(message.Raw).Groups[1].Value).ToList();
        var copies = inbox.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var failed = outcomes.Where(pair => pair.Value != "sent").ToList();
        var stats = await _smtp.StatsAsync();
        output.WriteLine($"{AlertCount} alerts, {InFlight} in flight: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; inbox {inbox.Count}; reported failed {failed.Count}; 451s injected {stats.FaultsInjected}; instance killed {killed}; alerting instances started {_emulator.StartedInstances(Alerting)}; RSS of the {survivors.Count} long-lived processes {halfKib / 1024} MiB at 1/2, {endKib / 1024} MiB at the end");
        foreach (var (alertId, outcome) in failed.Take(10))
        {
            output.WriteLine($"  {alertId}: {outcome}");
        }

        Assert.True(killed, "no alerting instance was busy when the kill was due");
        Assert.True(stats.FaultsInjected > AlertCount / 20, $"only {stats.FaultsInjected} transient faults were injected");
        Assert.DoesNotContain(copies, pair => pair.Value > 1);
        Assert.DoesNotContain(copies.Keys, id => !outcomes.ContainsKey(id));
        Assert.All(outcomes, pair => Assert.True(pair.Value != "sent" || copies.GetValueOrDefault(pair.Key) == 1, $"{pair.Key} was reported sent but is in the inbox {copies.GetValueOrDefault(pair.Key)} times"));
        Assert.All(outcomes.Keys, id => Assert.True(copies.ContainsKey(id) || outcomes[id] != "sent", $"{id} lost"));

        // A failure report is allowed only where the kill could cause one; transient 451s alone must never cost an alert.
        Assert.True(failed.Count <= 5, $"{failed.Count} alerts reported failed: {string.Join("; ", failed.Take(5).Select(pair => pair.Key + " " + pair.Value))}");

        // Flat memory: once warm, the processes that lived through the second half grow by less than a fifth over it.
        Assert.True(survivors.Count >= 6, $"only {survivors.Count} processes lived through the second half");
        Assert.True(endKib < halfKib * 1.2, $"RSS grew from {halfKib} KiB to {endKib} KiB over the second half");
    }

    // The caller plays Lambda's asynchronous queue: a throttle (every invoker instance busy) is retried, never counted.
    private async Task<string> DeliverAsync(string alertId)
    {
        var payload = Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":"1.0","alertId":"{{alertId}}","correlationKey":"load/{{alertId}}","status":"firing","severity":"major",
             "source":"load-test","title":"Load alert {{alertId}}","occurredAt":"2026-11-25T03:00:00Z","application":"orders","environment":"prod"}
            """);
        while (true)
        {
            var outcome = await _emulator.InvokeAsync(Invoker, payload);
            switch (outcome.Kind)
            {
                case InvocationOutcomeKind.Throttled:
                    await Task.Delay(5);
                    continue;
                case InvocationOutcomeKind.FunctionError:
                    var body = Encoding.UTF8.GetString(outcome.Body);
                    return $"failed: {outcome.ErrorType}: {body[..Math.Min(400, body.Length)]}";
                default:
                    using (var receipt = JsonDocument.Parse(outcome.Body))
                    {
                        return receipt.RootElement.GetProperty("results")[0].GetProperty("status").GetString()!;
                    }
            }
        }
    }

    // Holding DATA open for a moment makes the busy instance's state certain: it is mid-transaction when it dies.
    private async Task<bool> KillAnInstanceHoldingDataAsync()
    {
        await _smtp.SetFaultsAsync(JsonDocument.Parse("""{"transient451":{"percent":10},"delayMs":400}""").RootElement);
        await Task.Delay(200);
        var killed = _emulator.KillOneBusyInstance(Alerting);
        await _smtp.SetFaultsAsync(JsonDocument.Parse(TransientFaults).RootElement);
        return killed;
    }

    private Dictionary<int, long> ResidentKib() =>
        _emulator.ProcessIds(Alerting).Concat(_emulator.ProcessIds(Invoker)).ToDictionary(pid => pid, pid =>
        {
            var status = File.ReadAllLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
            return status is null ? 0 : long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        });

    [GeneratedRegex(@"^X-Alert-Id: *(\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex AlertIdHeader();
}
