using System.CommandLine;
using System.Globalization;
using ServiceNowAlert.LambdaEmulator;

namespace ServiceNowAlert.Cli.Commands;

/// <summary>`snalert local`: both real bootstraps under the local Lambda emulator, until Ctrl+C.</summary>
internal static class LocalCommand
{
    public const string Alerting = "servicenowalert-alerting";
    public const string Invoker = "servicenowalert-invoker";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port of the Invoke API on 127.0.0.1.", DefaultValueFactory = _ => 9001 };
        var smtp = new Option<string?>("--smtp") { Description = "host:port of an SMTP server; without it emails go to ./outbox/." };
        var tls = new Option<string>("--tls") { Description = "starttls (default), implicit or none.", DefaultValueFactory = _ => "starttls" };
        var user = new Option<string?>("--user") { Description = "SMTP user name." };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Environment variable holding the SMTP password." };
        var caFile = new Option<FileInfo?>("--ca-file") { Description = "PEM of a CA to trust for the SMTP server." };
        var routes = new Option<FileInfo?>("--routes") { Description = "Routes file; an embedded local route by default." };
        var alerting = new Option<FileInfo?>("--alerting") { Description = "The alerting bootstrap (default: artifacts/publish/alerting/bootstrap, else the Release build's bootstrap.dll)." };
        var invoker = new Option<FileInfo?>("--invoker") { Description = "The invoker bootstrap (default: artifacts/publish/invoker/bootstrap, else the Release build's bootstrap.dll)." };
        var command = new Command("local", """
            Start the local Lambda emulator with both real bootstraps and print its Invoke API endpoint; stop with Ctrl+C.
            Run it from the repository root after ./package.sh (Native AOT) or dotnet build -c Release (JIT).
            Example: snalert local --port 9001
            then:    snalert invoke --endpoint-url http://127.0.0.1:9001 --function-arn arn:aws:lambda:us-east-1:000000000000:function:servicenowalert-alerting:local samples/events/cloudwatch-alarm-single-metric.json
            or, through the invoker function itself:
                     curl -d @samples/events/cloudwatch-alarm-single-metric.json http://127.0.0.1:9001/2015-03-31/functions/servicenowalert-invoker/invocations
            """)
        {
            port, smtp, tls, user, passwordEnv, caFile, routes, alerting, invoker,
        };
        command.Options.Add(CliOptions.Verbose);
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(parse, async () =>
        {
            var listen = parse.GetValue(port);
            var alertingEnvironment = new Dictionary<string, string> { ["SNALERT_REPEAT_INTERVAL_SECONDS"] = "0", ["SNALERT_ROUTES_FILE"] = RoutesFile(parse.GetValue(routes)) };
            if (parse.GetValue(smtp) is { } server)
            {
                var colon = server.LastIndexOf(':');
                alertingEnvironment["SNALERT_SMTP_HOST"] = colon > 0 ? server[..colon] : throw new CliException($"--smtp {server}: expected host:port");
                alertingEnvironment["SNALERT_SMTP_PORT"] = server[(colon + 1)..];
                alertingEnvironment["SNALERT_SMTP_TLS"] = parse.GetValue(tls)!;
                if (parse.GetValue(caFile) is { } ca)
                {
                    alertingEnvironment["SNALERT_SMTP_CA_FILE"] = ca.FullName;
                }

                if (parse.GetValue(user) is { } name)
                {
                    alertingEnvironment["SNALERT_SMTP_USERNAME"] = name;
                    alertingEnvironment["SNALERT_SMTP_PASSWORD"] = Environment.GetEnvironmentVariable(parse.GetValue(passwordEnv) ?? string.Empty) ?? throw new CliException("--user needs --password-env naming a set environment variable");
                }
            }
            else
            {
                alertingEnvironment["SNALERT_OUTBOX_DIR"] = Path.GetFullPath("outbox");
            }

            var functions = new[]
            {
                Definition(Alerting, parse.GetValue(alerting), "alerting", "consumer/ServiceNowAlert.Alerting.Function", alertingEnvironment),
                Definition(Invoker, parse.GetValue(invoker), "invoker", "producer/ServiceNowAlert.Invoker.Function", new Dictionary<string, string>
                {
                    ["SNALERT_TARGET_FUNCTION_ARN"] = $"arn:aws:lambda:us-east-1:000000000000:function:{Alerting}:local",
                    ["SNALERT_LAMBDA_ENDPOINT"] = $"http://127.0.0.1:{listen.ToString(CultureInfo.InvariantCulture)}/",
                    ["AWS_ACCESS_KEY_ID"] = "local",
                    ["AWS_SECRET_ACCESS_KEY"] = "local",
                }),
            };
            await using var emulator = new LambdaEmulator.LambdaEmulator(functions, line => Console.Error.WriteLine($"[{line.Function}] {line.Line}"), port: listen);
            Console.WriteLine($"snalert local: Invoke API at {emulator.Endpoint} serving {Invoker} and {Alerting}; Ctrl+C stops");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
                await emulator.StopAsync(TimeSpan.FromSeconds(2));
            }

            return 0;
        }));
        return command;
    }

    private static FunctionDefinition Definition(string name, FileInfo? given, string function, string project, Dictionary<string, string> environment)
    {
        var native = Path.GetFullPath(Path.Combine("artifacts", "publish", function, "bootstrap"));
        var jit = Path.GetFullPath(Path.Combine(project, "bin", "Release", "net10.0", "bootstrap.dll"));
        var path = given?.FullName ?? (File.Exists(native) ? native : jit);
        if (!File.Exists(path))
        {
            throw new CliException($"find the {function} bootstrap: none at {native} or {jit}; run ./package.sh or dotnet build -c Release from the repository root, or pass --{function}");
        }

        return path.EndsWith(".dll", StringComparison.Ordinal)
            ? new FunctionDefinition { Name = name, FileName = "dotnet", Arguments = [path], Environment = environment, Concurrency = 2 }
            : new FunctionDefinition { Name = name, FileName = path, Environment = environment, Concurrency = 2 };
    }

    private static string RoutesFile(FileInfo? given)
    {
        if (given is not null)
        {
            return given.Exists ? given.FullName : throw new CliException($"read routes {given}: no such file");
        }

        var file = Path.Combine(Directory.CreateTempSubdirectory("snalert-local-").FullName, "routes.json");
        using var stream = typeof(LocalCommand).Assembly.GetManifestResourceStream("default-routes.json")!;
        using var output = File.Create(file);
        stream.CopyTo(output);
        return file;
    }
}
