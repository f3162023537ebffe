using System.CommandLine;
using MimeKit;
using ServiceNowAlert.Alerting.Mail;
using ServiceNowAlert.Alerting.Smtp;

namespace ServiceNowAlert.Cli.Commands;

/// <summary>`snalert render FILE`: prints one rendered part of the alert(s) a file becomes.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An AWS event or an alert request." };
        var part = new Option<string>("--part") { Description = "subject, text, html or eml.", DefaultValueFactory = _ => "text" };
        part.AcceptOnlyFromAmong("subject", "text", "html", "eml");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var routes = new Option<FileInfo?>("--routes") { Description = "Routes file; an embedded local route by default." };
        var templates = new Option<DirectoryInfo?>("--templates") { Description = "Template override directory." };
        var command = new Command("render", """
            Print the rendered subject, text part, HTML part or the whole message, without sending anything.
            Example: snalert render samples/events/cloudwatch-alarm-single-metric.json --part html --out alarm.html
            """)
        {
            file, part, output, routes, templates,
        };
        command.Options.Add(CliOptions.Verbose);
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(parse, async () =>
        {
            var renderer = LocalChain.Renderer(parse.GetValue(templates));
            var table = LocalChain.Routes(parse.GetValue(routes));
            var texts = new List<string>();
            foreach (var alert in LocalChain.Normalise(parse.GetValue(file)!).Alerts)
            {
                var rendered = renderer.Render(alert);
                texts.Add(parse.GetValue(part) switch
                {
                    "subject" => rendered.Subject + "\n",
                    "html" => rendered.Html,
                    "eml" => Eml(AlertMessageBuilder.Build(alert, table.Select(alert) ?? throw new CliException($"route '{alert.Route}' is not in the routes file"), rendered, TimeProvider.System.GetUtcNow())),
                    _ => rendered.Text,
                });
            }

            var text = string.Concat(texts);
            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, text, cancellation);
            }
            else
            {
                Console.Write(text);
            }

            return 0;
        }));
        return command;
    }

    private static string Eml(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        FileOutboxTransport.WriteEml(message, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
