using System.CommandLine;
using ServiceNowAlert.Alerting;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Cli.Commands;

/// <summary>`snalert send FILE`: the real chain, delivered to ./outbox/ (default) or through an SMTP server.</summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An AWS event (EventBridge, CloudWatch Logs) or an alert request." };
        var outbox = new Option<DirectoryInfo>("--outbox") { Description = "Where to write .eml and .html files.", DefaultValueFactory = _ => new DirectoryInfo("outbox") };
        var smtp = new Option<string?>("--smtp") { Description = "host:port of an SMTP server to send through instead of the outbox." };
        var tls = new Option<string>("--tls") { Description = "starttls (default), implicit or none.", DefaultValueFactory = _ => "starttls" };
        var user = new Option<string?>("--user") { Description = "SMTP user name." };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Name of the environment variable that holds the SMTP password." };
        var caFile = new Option<FileInfo?>("--ca-file") { Description = "PEM file of a CA to trust for the server's certificate." };
        var routes = new Option<FileInfo?>("--routes") { Description = "Routes file (as SNALERT_ROUTES_FILE); an embedded local route by default." };
        var templates = new Option<DirectoryInfo?>("--templates") { Description = "Template override directory (as SNALERT_TEMPLATES_DIR)." };
        var command = new Command("send", """
            Run the real chain locally: the invoker's normaliser, the contract, the alerting pipeline; then deliver.
            By default each email is written to ./outbox/ as .eml and .html; with --smtp it is sent through that server.
            Example: snalert send samples/events/cloudwatch-alarm-single-metric.json
            Example: snalert send alert.json --smtp 127.0.0.1:2525 --user alerts --password-env SMTP_PASSWORD --ca-file ca.pem
            """)
        {
            file, outbox, smtp, tls, user, passwordEnv, caFile, routes, templates,
        };
        ProducerOptions.AddTo(command);
        command.Options.Add(CliOptions.Verbose);
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(parse, async () =>
        {
            var producer = ProducerOptions.From(parse);
            var normalised = LocalChain.Normalise(parse.GetValue(file)!);
            foreach (var note in normalised.Notes)
            {
                Console.WriteLine($"skipped: {note}");
            }

            var transport = Transport(parse.GetValue(outbox)!, parse.GetValue(smtp), parse.GetValue(tls)!, parse.GetValue(user), parse.GetValue(passwordEnv), parse.GetValue(caFile));
            var renderer = LocalChain.Renderer(parse.GetValue(templates));
            var service = LocalChain.Service(LocalChain.Routes(parse.GetValue(routes)), renderer, transport);
            var failed = false;
            var progress = new BatchProgress(normalised.Alerts.Count);
            foreach (var normalisedAlert in normalised.Alerts)
            {
                var alert = producer is null ? normalisedAlert : normalisedAlert with { Producer = producer };
                progress.Next();
                AlertResult result;
                try
                {
                    result = await service.HandleAsync(AlertJson.Serialize(alert), AlertInvocation.Local(TimeProvider.System, TimeSpan.FromSeconds(60), cancellation));
                }
                catch (TransientAlertingException exception)
                {
                    throw new CliException(exception.Message);
                }

                failed |= result.Status == AlertResultStatus.Rejected;
                var where = transport is FileOutboxTransport files ? Path.Combine(files.Directory, FileOutboxTransport.FileNameOf(alert.AlertId, alert.Producer?.Account) + ".eml") : parse.GetValue(smtp);
                var detail = result.Status == AlertResultStatus.Rejected ? string.Join("; ", result.Problems.Select(problem => problem.ToString())) : where;
                progress.Clear();
                Console.WriteLine($"{result.Status.ToString().ToLowerInvariant(),-9} {alert.Severity.ToString().ToLowerInvariant(),-8} {renderer.Render(alert).Subject}  {detail}");
            }

            return failed ? 1 : 0;
        }));
        return command;
    }

    private static ISmtpTransport Transport(DirectoryInfo outbox, string? smtp, string tls, string? user, string? passwordEnv, FileInfo? caFile)
    {
        if (smtp is null)
        {
            return new FileOutboxTransport(outbox.FullName);
        }

        var colon = smtp.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(smtp[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
        {
            throw new CliException($"--smtp {smtp}: expected host:port");
        }

        var mode = tls.ToLowerInvariant() switch
        {
            "starttls" => SmtpTlsMode.StartTls,
            "implicit" => SmtpTlsMode.Implicit,
            "none" => SmtpTlsMode.None,
            _ => throw new CliException($"--tls {tls}: expected starttls, implicit or none"),
        };
        SmtpCredentials? credentials = null;
        if (user is not null)
        {
            var password = passwordEnv is null ? null : Environment.GetEnvironmentVariable(passwordEnv);
            credentials = password is null ? throw new CliException($"--user needs --password-env naming a set environment variable") : new SmtpCredentials(user, password);
        }

        if (caFile is { Exists: false })
        {
            throw new CliException($"--ca-file {caFile}: no such file");
        }

        return new MailKitSmtpTransport(new SmtpSettings { Host = smtp[..colon], Port = port, Tls = mode, CaFile = caFile?.FullName }, _ => Task.FromResult(credentials));
    }
}
