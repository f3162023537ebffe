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
    private const string Invoker = "servicenowalert-invoker";
    private const string Alerting = "servicenowalert-alerting";

    public static async Task RunAsync(int events)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var port = Testing.Http.LoopbackHttpServer.FreePort();
        var (alertingFile, alertingArgs, alertingKind) = Bootstrap("alerting", "consumer", "ServiceNowAlert.Alerting.Function");
        var (invokerFile, invokerArgs, invokerKind) = Bootstrap("invoker", "producer", "ServiceNowAlert.Invoker.Function");
        await using var emulator = new LambdaEmulator.LambdaEmulator(
            [
                new FunctionDefinition
                {
                    Name = Alerting,
                    FileName = alertingFile,
                    Arguments = alertingArgs,
                    Environment = new Dictionary<string, string>
                    {
                        ["SNALERT_SMTP_HOST"] = smtp.Host,
                        ["SNALERT_SMTP_PORT"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                        ["SNALERT_SMTP_CA_FILE"] = smtp.CaFile,
                        ["SNALERT_SMTP_USERNAME"] = smtp.User,
                        ["SNALERT_SMTP_PASSWORD"] = smtp.Password,
                        ["SNALERT_ROUTES_FILE"] = RepositoryPaths.Combine("samples", "routes", "routes.json"),
                        ["SNALERT_REPEAT_INTERVAL_SECONDS"] = "0",
                        ["AWS_LAMBDA_LOG_LEVEL"] = "WARN",
                    },
                },
                new FunctionDefinition
                {
                    Name = Invoker,
                    FileName = invokerFile,
                    Arguments = invokerArgs,
                    Environment = new Dictionary<string, string>
                    {
                        ["SNALERT_TARGET_FUNCTION_ARN"] = $"arn:aws:lambda:eu-west-1:111111111111:function:{Alerting}:live",
                        ["SNALERT_LAMBDA_ENDPOINT"] = $"http://127.0.0.1:{port}/",
                        ["AWS_REGION"] = "eu-west-1",
                        ["AWS_ACCESS_KEY_ID"] = "AKIDINVOKER",
                        ["AWS_SECRET_ACCESS_KEY"] = "invoker-secret",
                        ["AWS_LAMBDA_LOG_LEVEL"] = "WARN",
                    },
                },
            ],
            port: port);

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
        Console.WriteLine($"Warm end to end, {events} sequential alarm events after 50 warm-up ones: invoker ({invokerKind}) → emulator → alerting ({alertingKind}) → SMTP 250, receipt back; {stats.Accepted} messages accepted over {stats.Connections} connections");
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

    private static (string FileName, IReadOnlyList<string> Arguments, string Kind) Bootstrap(string function, string side, string project)
    {
        var aot = RepositoryPaths.Combine("artifacts", "publish", function, "bootstrap");
        return File.Exists(aot)
            ? (aot, [], "Native AOT")
            : ("dotnet", [RepositoryPaths.Combine(side, project, "bin", "Release", "net10.0", "bootstrap.dll")], "JIT");
    }
}
