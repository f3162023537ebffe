using System.Diagnostics;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Hosting.Tests.TestHelpers;

/// <summary>Runs a command from the repository root and captures its output.</summary>
internal static class Shell
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"start {fileName}: no process");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The full path of a tool on PATH, for tests that run a script with a PATH of chosen tools only.</summary>
    public static string Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"find {tool}: not on PATH");
}
