using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.Delivery.Benchmarks;

/// <summary>
/// The warm path: a CloudWatch alarm event → invoker bootstrap → emulator's Invoke API → alerting bootstrap → the
/// loopback SMTP server's 250 for DATA → receipt back to the caller. Each event carries a new state timestamp, so each
/// is a distinct alert that is really sent. Uses the Native AOT bootstraps from ./package.sh when present.
/// </summary>
internal static class WarmEndToEnd
{
    private const string Invoker = LocalFunctions.Invoker;
    private static readonly Dictionary<string, string> Quiet = new() { ["AWS_LAMBDA_LOG_LEVEL"] = "WARN", ["AWS_REGION"] = "eu-west-1" };

    public static async Task RunAsync(int events)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var port = Testing.Http.LoopbackHttpServer.FreePort();
        var alerting = LocalFunctions.AlertingFunction(smtp, extra: Quiet, aotWhenPackaged: true);
        var invoker = LocalFunctions.InvokerFunction(port, extra: Quiet, aotWhenPackaged: true);
        await using var emulator = new LambdaEmulator.LambdaEmulator([alerting, invoker], port: port);

        var alarm = JsonNode.Parse(await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json")))!;
        byte[] Event(int i)
        {
            alarm["detail"]!["state"]!["timestamp"] = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero).AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
            return Encoding.UTF8.GetBytes(alarm.ToJsonString());
        }

        for (var i = 0; i < 50; i++)
        {
            await InvokeAsync(emulator, Event(-1 - i));
        }

        var samples = new List<double>(events);
        for (var i = 0; i < events; i++)
        {
            var payload = Event(i);
            var started = Stopwatch.GetTimestamp();
            await InvokeAsync(emulator, payload);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var stats = await smtp.StatsAsync();
        Console.WriteLine($"Warm end to end, {events} sequential alarm events after 50 warm-up ones: invoker ({LocalFunctions.Kind(invoker)}) → emulator → alerting ({LocalFunctions.Kind(alerting)}) → SMTP 250, receipt back; {stats.Accepted} messages accepted over {stats.Connections} connections");
        Figures.Row("p50 (ms)", "p90 (ms)", "p99 (ms)", "max (ms)", "alerts/s sequential");
        Figures.Row("---:", "---:", "---:", "---:", "---:");
        Figures.Row($"{Figures.Percentile(samples, 50):F2}", $"{Figures.Percentile(samples, 90):F2}", $"{Figures.Percentile(samples, 99):F2}", $"{samples.Max():F2}", $"{1000 / samples.Average():F0}");
    }

    private static async Task InvokeAsync(LambdaEmulator.LambdaEmulator emulator, byte[] payload)
    {
        var outcome = await emulator.InvokeAsync(Invoker, payload);
        var body = Encoding.UTF8.GetString(outcome.Body);
        if (outcome.Kind != InvocationOutcomeKind.Success || !body.Contains("\"sent\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the path did not deliver: {outcome.Kind} {body}");
        }
    }
}
