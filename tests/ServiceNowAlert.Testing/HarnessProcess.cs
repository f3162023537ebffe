using System.Diagnostics;
using System.Text;

namespace ServiceNowAlert.Testing;

/// <summary>Runs a script of one of the harnesses under tests/ to completion and returns what it printed (UTF-8).</summary>
public static class HarnessProcess
{
    public static async Task<string> RunAsync(string program, string harnessFolder, string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var folder = RepositoryPaths.Combine("tests", harnessFolder);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder, StandardOutputEncoding = Encoding.UTF8 };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.ArgumentList.Add(Path.Combine(folder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"run {program}: the process did not start");
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
