using System.CommandLine;
using System.Globalization;
using ServiceNowAlert.LambdaEmulator;

namespace ServiceNowAlert.Cli.Commands;

/// <summary>`snalert local`: both real bootstraps under the local Lambda emulator, until Ctrl+C.</summary>
internal static class LocalCommand
{
    public const string Alerting = "servicenowalert-alerting";
    public const string Invoker = "servicenowalert-invoker";

    /// <summary>Instances per function when --concurrency is not given: two invocations of each in flight.</summary>
    public const int DefaultConcurrency = 2;

    private static readonly Option<int> Port = new("--port") { Description = "Port of the Invoke API on 127.0.0.1.", DefaultValueFactory = _ => 9001 };
    private static readonly Option<string?> Smtp = new("--smtp") { Description = "host:port of an SMTP server; without it emails go to ./outbox/." };
    private static readonly Option<string> Tls = new("--tls") { Description = "starttls (default), implicit or none.", DefaultValueFactory = _ => "starttls" };
    private static readonly Option<string?> User = new("--user") { Description = "SMTP user name." };
    private static readonly Option<string?> PasswordEnv = new("--password-env") { Description = "Environment variable holding the SMTP password." };
    private static readonly Option<FileInfo?> CaFile = new("--ca-file") { Description = "PEM of a CA to trust for the SMTP server." };
    private static readonly Option<FileInfo?> Routes = new("--routes") { Description = "Routes file; an embedded local route by default." };
    private static readonly Option<FileInfo?> AlertingBootstrap = new("--alerting") { Description = "The alerting bootstrap (default: artifacts/publish/alerting/bootstrap, else the Release build's bootstrap.dll)." };
    private static readonly Option<FileInfo?> InvokerBootstrap = new("--invoker") { Description = "The invoker bootstrap (default: artifacts/publish/invoker/bootstrap, else the Release build's bootstrap.dll)." };
    private static readonly Option<int> Concurrency = ConcurrencyOption();

    public static Command Create()
    {
        var command = new Command("local", """
            Start the local Lambda emulator with both real bootstraps and print its Invoke API endpoint; stop with Ctrl+C.
            Run it from the repository root after ./package.sh (Native AOT) or dotnet build -c Release (JIT).
            Example: snalert local --port 9001
            then:    snalert invoke --endpoint-url http://127.0.0.1:9001 --function-arn arn:aws:lambda:us-east-1:000000000000:function:servicenowalert-alerting:local samples/events/cloudwatch-alarm-single-metric.json
            or, through the invoker function itself:
                     curl -d @samples/events/cloudwatch-alarm-single-metric.json http://127.0.0.1:9001/2015-03-31/functions/servicenowalert-invoker/invocations
            """)
        {
            Port, Smtp, Tls, User, PasswordEnv, CaFile, Routes, AlertingBootstrap, InvokerBootstrap, Concurrency,
        };
        command.Options.Add(CliOptions.Verbose);
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(parse, async () =>
        {
            var listen = parse.GetValue(Port);
            var functions = Functions(parse);
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

    /// <summary>The two functions `local` serves, as the parsed command line configures them.</summary>
    internal static FunctionDefinition[] Functions(ParseResult parse)
    {
        var alertingEnvironment = new Dictionary<string, string> { ["SNALERT_REPEAT_INTERVAL_SECONDS"] = "0", ["SNALERT_ROUTES_FILE"] = RoutesFile(parse.GetValue(Routes)) };
        if (parse.GetValue(Smtp) is { } server)
        {
            var colon = server.LastIndexOf(':');
            alertingEnvironment["SNALERT_SMTP_HOST"] = colon > 0 ? server[..colon] : throw new CliException($"--smtp {server}: expected host:port");
            alertingEnvironment["SNALERT_SMTP_PORT"] = server[(colon + 1)..];
            alertingEnvironment["SNALERT_SMTP_TLS"] = parse.GetValue(Tls)!;
            if (parse.GetValue(CaFile) is { } ca)
            {
                alertingEnvironment["SNALERT_SMTP_CA_FILE"] = ca.FullName;
            }

            if (parse.GetValue(User) is { } name)
            {
                alertingEnvironment["SNALERT_SMTP_USERNAME"] = name;
                alertingEnvironment["SNALERT_SMTP_PASSWORD"] = Environment.GetEnvironmentVariable(parse.GetValue(PasswordEnv) ?? string.Empty) ?? throw new CliException("--user needs --password-env naming a set environment variable");
            }
        }
        else
        {
            alertingEnvironment["SNALERT_OUTBOX_DIR"] = Path.GetFullPath("outbox");
        }

        var instances = parse.GetValue(Concurrency);
        return
        [
            Definition(Alerting, parse.GetValue(AlertingBootstrap), "alerting", "consumer/ServiceNowAlert.Alerting.Function", alertingEnvironment) with { Concurrency = instances },
            Definition(Invoker, parse.GetValue(InvokerBootstrap), "invoker", "producer/ServiceNowAlert.Invoker.Function", new Dictionary<string, string>
            {
                ["SNALERT_TARGET_FUNCTION_ARN"] = $"arn:aws:lambda:us-east-1:000000000000:function:{Alerting}:local",
                ["SNALERT_LAMBDA_ENDPOINT"] = $"http://127.0.0.1:{parse.GetValue(Port).ToString(CultureInfo.InvariantCulture)}/",
                ["AWS_ACCESS_KEY_ID"] = "local",
                ["AWS_SECRET_ACCESS_KEY"] = "local",
            }) with { Concurrency = instances },
        ];
    }

    private static Option<int> ConcurrencyOption()
    {
        var option = new Option<int>("--concurrency") { Description = "Instances per function: how many invocations of each may be in flight; more get 429, as on Lambda.", DefaultValueFactory = _ => DefaultConcurrency };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--concurrency must be at least 1");
            }
        });
        return option;
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
            ? new FunctionDefinition { Name = name, FileName = "dotnet", Arguments = [path], Environment = environment }
            : new FunctionDefinition { Name = name, FileName = path, Environment = environment };
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
