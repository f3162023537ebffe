using System.Diagnostics;
using System.Text.Json;

namespace ServiceNowAlert.Testing;

/// <summary>
/// A server of one of the Node.js harnesses under tests/, running beside the tests on 127.0.0.1. Its script prints one
/// JSON line once it listens (<see cref="Ready"/>: its ports and whatever else the client needs) and exits when its
/// stdin closes, so it never outlives the test process.
/// </summary>
public sealed class NodeServer : IAsyncDisposable
{
    private readonly Process _process;

    private NodeServer(Process process, JsonElement ready)
    {
        _process = process;
        Ready = ready;
    }

    public JsonElement Ready { get; }

    public static async Task<NodeServer> StartAsync(string harnessFolder, string script = "server.js")
    {
        var folder = NodeHarness.InstalledFolder(harnessFolder);
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, script));
        var process = Process.Start(start) ?? throw new InvalidOperationException($"start {harnessFolder}: node did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException($"start {harnessFolder}: it exited: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        using var ready = JsonDocument.Parse(line);
        return new NodeServer(process, ready.RootElement.Clone());
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(3000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
