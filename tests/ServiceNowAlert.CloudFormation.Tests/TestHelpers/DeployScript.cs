using System.Diagnostics;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>Runs cloudformation/deploy.sh with bash as a real process from the repository root.</summary>
public static class DeployScript
{
    public static readonly string[] Accounts =
        ["--callee-profile", "acct-a", "--caller-profile", "acct-b", "--callee-region", "eu-west-1", "--caller-region", "eu-central-1"];

    public static async Task<DeployScriptResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine("cloudformation", "deploy.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The endpoint settings of whoever runs the tests would change every printed command.
        foreach (var name in start.Environment.Keys.Where(IsEndpointSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("start deploy.sh: bash did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new DeployScriptResult(process.ExitCode, await stdout, await stderr);
    }

    private static bool IsEndpointSetting(string name) =>
        name.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal) || name == "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
}
