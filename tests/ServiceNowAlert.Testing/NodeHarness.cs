using System.Diagnostics;

namespace ServiceNowAlert.Testing;

/// <summary>Runs one of the Node.js harnesses under tests/ to completion and returns what it printed.</summary>
public static class NodeHarness
{
    public static async Task<string> RunAsync(string harnessFolder, string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var folder = RepositoryPaths.Combine("tests", harnessFolder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException($"run {harnessFolder}: node_modules is missing; run `npm ci --prefix tests/{harnessFolder}` (./test.sh does this)");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("run node: the process did not start");
        using var cancellation = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var error = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"run {harnessFolder}/{script}: no exit within {timeout}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"run {harnessFolder}/{script}: exit code {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
