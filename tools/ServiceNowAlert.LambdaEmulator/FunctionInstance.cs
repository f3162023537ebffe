using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>
/// One execution environment: a real bootstrap process with its own Runtime API. It serves one invocation at a time
/// and dies, as on Lambda, when it crashes, times out or fails to initialise.
/// </summary>
internal sealed class FunctionInstance : IAsyncDisposable
{
    private readonly FunctionDefinition _function;
    private readonly TimeProvider _time;
    private readonly RuntimeApiServer _runtimeApi = new();
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _killed;

    public FunctionInstance(FunctionDefinition function, int generation, TimeProvider time, Action<string, string> output)
    {
        _function = function;
        _time = time;
        // With a launcher the process is the launcher (an emulator runs the bootstrap inside its own process, so the
        // process id, /proc figures and signals still belong to the function), and the bootstrap is its argument.
        IReadOnlyList<string> command = function.Launcher.Count > 0
            ? [.. function.Launcher, function.FileName, .. function.Arguments]
            : [function.FileName, .. function.Arguments];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(function.Arguments.FirstOrDefault(File.Exists) ?? function.FileName)) ?? Environment.CurrentDirectory,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var region = function.Environment.GetValueOrDefault("AWS_REGION", "us-east-1");
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{_runtimeApi.Port}";
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = function.Name;
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemoryMb.ToString(CultureInfo.InvariantCulture);
        // A Lambda sandbox has exactly its configured memory, and .NET's GC sizes its budgets from that. Without this a
        // function here would size them from the host instead: a host with a 260 MiB L3 cache gives a ~130 MiB gen0
        // budget, and RSS that no Lambda sandbox of this size would ever show.
        start.Environment["DOTNET_GCTotalPhysicalMemory"] = (function.MemoryMb * 1024L * 1024L).ToString("x", CultureInfo.InvariantCulture);
        start.Environment["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.Name}";
        start.Environment["AWS_LAMBDA_LOG_STREAM_NAME"] = $"emulator/[$LATEST]{generation:x8}";
        start.Environment["AWS_LAMBDA_LOG_FORMAT"] = "JSON";
        start.Environment["AWS_REGION"] = region;
        start.Environment["AWS_DEFAULT_REGION"] = region;
        start.Environment["_HANDLER"] = "bootstrap";
        start.Environment["LAMBDA_TASK_ROOT"] = start.WorkingDirectory;
        foreach (var (name, value) in function.Environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) => Forward(output, line.Data);
        _process.ErrorDataReceived += (_, line) => Forward(output, line.Data);
        _process.Exited += (_, _) => _exited.TrySetResult(SafeExitCode());
        Started = Stopwatch.GetTimestamp();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public long Started { get; }

    public int ProcessId => _process.Id;

    /// <summary>True once the process exited or was killed (a killed one may not have been reaped yet).</summary>
    public bool IsDead => _killed || _exited.Task.IsCompleted;

    /// <summary>The process's peak resident set (VmHWM) in KiB, read from /proc while it runs.</summary>
    /// <summary>
    /// CPU time the process has used so far, summed over its threads (the first field of each thread's schedstat, in
    /// nanoseconds). On a shared VM this moves far less from run to run than wall time does.
    /// </summary>
    public TimeSpan CpuTime()
    {
        long nanoseconds = 0;
        try
        {
            foreach (var task in System.IO.Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
            {
                var schedstat = File.ReadAllText(Path.Combine(task, "schedstat"));
                nanoseconds += long.Parse(schedstat.AsSpan(0, schedstat.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
            // The process or one of its threads ended while being read; what was read so far is the best answer.
        }

        return TimeSpan.FromTicks(nanoseconds / 100);
    }

    public long PeakResidentKib()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async Task<InvocationOutcome> InvokeAsync(string requestId, string functionArn, byte[] payload, CancellationToken cancellationToken)
    {
        var pending = _runtimeApi.Assign(requestId, _time.GetUtcNow() + _function.Timeout, functionArn, payload);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(_function.Timeout, _time, timeout.Token);
        // A runtime that fails its init posts the error and then exits; when both have happened before this wait
        // starts, WhenAny picks the first finished task in argument order, so the init error must come before the
        // exit or the caller sees a retryable Runtime.ExitError instead of the function's own error.
        var winner = await Task.WhenAny(pending.Outcome, _runtimeApi.InitError, _exited.Task, timer);
        await timeout.CancelAsync();

        if (winner == pending.Outcome)
        {
            return await pending.Outcome;
        }

        if (winner == _runtimeApi.InitError)
        {
            Kill();
            return await _runtimeApi.InitError;
        }

        if (winner == _exited.Task)
        {
            var code = await _exited.Task;
            return Error("Runtime.ExitError", $"RequestId: {requestId} Error: Runtime exited with error: exit status {code}");
        }

        Kill();
        return Error("Sandbox.Timedout", $"RequestId: {requestId} Error: Task timed out after {_function.Timeout.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} seconds");
    }

    /// <summary>Asks the runtime to stop (SIGTERM) and kills it if it has not exited within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (IsDead)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        if (await Task.WhenAny(_exited.Task, Task.Delay(grace)) != _exited.Task)
        {
            Kill();
        }
    }

    public void Kill()
    {
        _killed = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public Task<int> Exited => _exited.Task;

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        await _runtimeApi.DisposeAsync();
        _process.Dispose();
    }

    private static InvocationOutcome Error(string errorType, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", errorType);
            writer.WriteString("errorMessage", message);
            writer.WriteEndObject();
        }

        return InvocationOutcome.FunctionError(errorType, buffer.ToArray());
    }

    private void Forward(Action<string, string> output, string? line)
    {
        if (line is not null)
        {
            output(_function.Name, line);
        }
    }

    private int SafeExitCode()
    {
        try
        {
            return _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    internal Task WaitUntilReadyAsync() => Task.WhenAny(_runtimeApi.FirstPoll, _exited.Task, _runtimeApi.InitError);
}
