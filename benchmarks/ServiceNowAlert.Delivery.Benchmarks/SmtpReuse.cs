using System.Diagnostics;
using ServiceNowAlert.Alerting.Mail;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.Delivery.Benchmarks;

/// <summary>
/// Sequential delivery of the single-metric alarm's email to the loopback SMTP server (STARTTLS + AUTH required):
/// over one connection kept open, then with a new connection (connect, EHLO, STARTTLS, AUTH) per message.
/// </summary>
internal static class SmtpReuse
{
    public static async Task RunAsync(int messages)
    {
        await using var server = await SmtpTestServer.StartAsync();
        var alert = AlertRequestReader.Read(await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "requests", "valid", "firing-critical-full.json"))).Request!;
        var routes = RouteTable.Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("samples", "routes", "routes.json")), "routes.json");
        var route = routes.Select(alert)!;
        var rendered = new AlertRenderer(AlertTemplates.Load()).Render(alert);
        var settings = new SmtpSettings { Host = server.Host, Port = server.Port, Tls = SmtpTlsMode.StartTls, CaFile = server.CaFile, StepTimeout = TimeSpan.FromSeconds(10) };
        Task<SmtpCredentials?> Login(CancellationToken _) => Task.FromResult<SmtpCredentials?>(new SmtpCredentials(server.User, server.Password));

        async Task<double> RateAsync(bool reuse)
        {
            using var shared = new MailKitSmtpTransport(settings, Login);
            var message = AlertMessageBuilder.Build(alert, route, rendered, DateTimeOffset.UnixEpoch);
            var recipients = AlertMessageBuilder.Recipients(route);
            await shared.SendAsync(message, recipients, default);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < messages; i++)
            {
                if (reuse)
                {
                    await shared.SendAsync(message, recipients, default);
                }
                else
                {
                    using var fresh = new MailKitSmtpTransport(settings, Login);
                    await fresh.SendAsync(message, recipients, default);
                }
            }

            return messages / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        var newEach = await RateAsync(reuse: false);
        var reused = await RateAsync(reuse: true);
        var stats = await server.StatsAsync();
        Console.WriteLine($"SMTP delivery, {messages} messages each way, sequential, STARTTLS + AUTH PLAIN, loopback smtp-server ({stats.Connections} connections, {stats.Accepted} accepted)");
        Figures.Row("mode", "messages/s", "per message (ms)");
        Figures.Row("---", "---:", "---:");
        Figures.Row("one connection kept open", $"{reused:F0}", $"{1000 / reused:F2}");
        Figures.Row("new connection per message", $"{newEach:F0}", $"{1000 / newEach:F2}");
        Console.WriteLine($"ratio (reuse / new): {reused / newEach:F1}x (target >= 5x)");
    }
}
