using System.Globalization;
using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.Testing;

/// <summary>
/// The two real functions as the emulator runs them locally: the alerting function sending to a loopback SMTP test
/// server, and the invoker calling the emulator's own Invoke API. Tests and benchmarks add what they vary.
/// </summary>
public static class LocalFunctions
{
    public const string Alerting = "servicenowalert-alerting";
    public const string Invoker = "servicenowalert-invoker";

    public static FunctionDefinition AlertingFunction(SmtpTestServer smtp, int concurrency = 1, IReadOnlyDictionary<string, string>? extra = null, bool aotWhenPackaged = false)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var (fileName, arguments) = Bootstrap("alerting", "consumer", "ServiceNowAlert.Alerting.Function", aotWhenPackaged);
        return new FunctionDefinition
        {
            Name = Alerting,
            FileName = fileName,
            Arguments = arguments,
            Concurrency = concurrency,
            Environment = With(extra, new Dictionary<string, string>
            {
                ["SNALERT_SMTP_HOST"] = smtp.Host,
                ["SNALERT_SMTP_PORT"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["SNALERT_SMTP_CA_FILE"] = smtp.CaFile,
                ["SNALERT_SMTP_USERNAME"] = smtp.User,
                ["SNALERT_SMTP_PASSWORD"] = smtp.Password,
                ["SNALERT_ROUTES_FILE"] = RepositoryPaths.Combine("samples", "routes", "routes.json"),
                ["SNALERT_REPEAT_INTERVAL_SECONDS"] = "0",
            }),
        };
    }

    public static FunctionDefinition InvokerFunction(int emulatorPort, int concurrency = 1, IReadOnlyDictionary<string, string>? extra = null, bool aotWhenPackaged = false)
    {
        var (fileName, arguments) = Bootstrap("invoker", "producer", "ServiceNowAlert.Invoker.Function", aotWhenPackaged);
        return new FunctionDefinition
        {
            Name = Invoker,
            FileName = fileName,
            Arguments = arguments,
            Concurrency = concurrency,
            Environment = With(extra, new Dictionary<string, string>
            {
                ["SNALERT_TARGET_FUNCTION_ARN"] = $"arn:aws:lambda:us-east-1:111111111111:function:{Alerting}:live",
                ["SNALERT_LAMBDA_ENDPOINT"] = $"http://127.0.0.1:{emulatorPort}/",
                ["AWS_ACCESS_KEY_ID"] = "AKIDINVOKER",
                ["AWS_SECRET_ACCESS_KEY"] = "invoker-secret",
            }),
        };
    }

    /// <summary>"Native AOT" when the function's AOT build from ./package.sh is used, else "JIT".</summary>
    public static string Kind(FunctionDefinition function) => function?.FileName == "dotnet" ? "JIT" : "Native AOT";

    private static (string FileName, IReadOnlyList<string> Arguments) Bootstrap(string function, string side, string project, bool aotWhenPackaged)
    {
        var aot = RepositoryPaths.Combine("artifacts", "publish", function, "bootstrap");
        return aotWhenPackaged && File.Exists(aot)
            ? (aot, [])
            : ("dotnet", [RepositoryPaths.Combine(side, project, "bin", "Release", "net10.0", "bootstrap.dll")]);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? extra, Dictionary<string, string> environment)
    {
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }
}
