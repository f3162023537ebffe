using System.Diagnostics;

namespace ServiceNowAlert.Cli.Tests.TestHelpers;

/// <summary>
/// Runs the built `snalert` as a separate process and captures what a terminal would see. The developer's AWS setup
/// stays out: no inherited AWS_* variable, config and credentials files that do not exist, no instance metadata;
/// a test adds what it needs through <c>environment</c>.
/// </summary>
internal sealed record CliRun(int ExitCode, string StandardOutput, string StandardError)
{
    private static readonly string CliPath = Path.Combine(AppContext.BaseDirectory, "snalert.dll");

    public static async Task<CliRun> StartAsync(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Testing.RepositoryPaths.Root,
        };
        start.ArgumentList.Add(CliPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var inherited in start.Environment.Keys.Where(name => name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        var nowhere = Path.Combine(Path.GetTempPath(), "snalert-tests-no-aws-files");
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(nowhere, "config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(nowhere, "credentials");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("start snalert: no process");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
