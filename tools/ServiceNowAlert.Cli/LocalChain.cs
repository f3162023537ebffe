using ServiceNowAlert.Alerting;
using ServiceNowAlert.Alerting.Idempotency;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Normalisers;

namespace ServiceNowAlert.Cli;

/// <summary>The real chain on a workstation: the invoker's normaliser, then the alerting pipeline the function runs.</summary>
internal static class LocalChain
{
    public static RouteTable Routes(FileInfo? file)
    {
        if (file is not null)
        {
            return file.Exists ? RouteTable.Parse(File.ReadAllText(file.FullName), file.FullName) : throw new CliException($"read routes {file}: no such file");
        }

        using var stream = typeof(LocalChain).Assembly.GetManifestResourceStream("default-routes.json")!;
        using var reader = new StreamReader(stream);
        return RouteTable.Parse(reader.ReadToEnd(), "embedded default routes");
    }

    public static AlertRenderer Renderer(DirectoryInfo? templates) => new(AlertTemplates.Load(templates?.FullName));

    public static AlertingService Service(RouteTable routes, AlertRenderer renderer, ISmtpTransport transport) =>
        new(routes, renderer, transport, new InMemoryIdempotencyStore(), new RepeatSuppressor(TimeSpan.Zero, TimeProvider.System), TimeProvider.System, log: null, maxRetries: 2);

    public static NormaliseResult Normalise(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"read {file}: no such file");
        }

        var result = TriggerNormaliser.Normalise(File.ReadAllBytes(file.FullName), new NormaliserOptions { Region = Environment.GetEnvironmentVariable("AWS_REGION") });
        if (result.Failed)
        {
            var problems = result.Problems.Count == 0 ? string.Empty : ": " + string.Join("; ", result.Problems.Take(5).Select(problem => problem.ToString()));
            throw new CliException($"{file}: {result.Error}{problems}");
        }

        return result;
    }
}
