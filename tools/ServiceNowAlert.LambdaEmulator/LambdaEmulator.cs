using System.Collections.Concurrent;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>
/// A local Lambda service: real bootstrap processes under its Runtime API, and the Invoke API on loopback so that the
/// invoker's own Lambda client, the CLI and tests call functions exactly as they would in AWS.
/// </summary>
public sealed class LambdaEmulator : IAsyncDisposable
{
    private readonly Dictionary<string, FunctionPool> _pools;
    private readonly InvokeApiServer _invokeApi;
    private readonly ConcurrentQueue<EmulatorLogLine> _log = new();
    private readonly Action<EmulatorLogLine>? _echo;
    private readonly TimeProvider _time;

    public LambdaEmulator(IEnumerable<FunctionDefinition> functions, Action<EmulatorLogLine>? echo = null, TimeProvider? time = null, int port = 0)
    {
        _echo = echo;
        _time = time ?? TimeProvider.System;
        _pools = functions.ToDictionary(function => function.Name, function => new FunctionPool(function, _time, Record), StringComparer.Ordinal);
        _invokeApi = new InvokeApiServer(this, port);
    }

    /// <summary>Base address of the Invoke API, for example http://127.0.0.1:40123/.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{_invokeApi.Port}/");

    /// <summary>Every line the functions wrote, in arrival order.</summary>
    public IReadOnlyList<EmulatorLogLine> Log => [.. _log];

    public int StartedInstances(string functionName) => Pool(functionName).Started;

    public IReadOnlyList<int> ProcessIds(string functionName) => [.. Pool(functionName).Instances.Where(i => !i.IsDead).Select(i => i.ProcessId)];

    /// <summary>Peak resident set of each live instance of the function, in KiB.</summary>
    /// <summary>The CPU time each live instance of the function has used so far.</summary>
    public IReadOnlyList<TimeSpan> CpuTime(string functionName) => [.. Pool(functionName).Instances.Where(i => !i.IsDead).Select(i => i.CpuTime())];

    public IReadOnlyList<long> PeakResidentKib(string functionName) => [.. Pool(functionName).Instances.Where(i => !i.IsDead).Select(i => i.PeakResidentKib())];

    public bool KillOneBusyInstance(string functionName) => Pool(functionName).KillOneBusy();

    /// <summary>Starts one instance and waits until its runtime polls for work (its cold start, without an invoke).</summary>
    public async Task WarmUpAsync(string functionName)
    {
        var pool = Pool(functionName);
        var instance = pool.Acquire() ?? throw new InvalidOperationException($"warm up {functionName}: no instance is free");
        try
        {
            await instance.WaitUntilReadyAsync();
        }
        finally
        {
            pool.Release(instance);
        }
    }

    public async Task<InvocationOutcome> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken = default)
    {
        var pool = Pool(functionName);
        var instance = pool.Acquire();
        if (instance is null)
        {
            return new InvocationOutcome(InvocationOutcomeKind.Throttled, """{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}"""u8.ToArray());
        }

        try
        {
            var arn = $"arn:aws:lambda:{pool.Function.Environment.GetValueOrDefault("AWS_REGION", "us-east-1")}:{pool.Function.AccountId}:function:{functionName}";
            return await instance.InvokeAsync(Guid.NewGuid().ToString(), arn, payload, cancellationToken);
        }
        finally
        {
            pool.Release(instance);
        }
    }

    public bool HasFunction(string functionName) => _pools.ContainsKey(functionName);

    /// <summary>Sends SIGTERM to every instance, as Lambda does at shutdown, and kills those still running after the grace.</summary>
    public Task StopAsync(TimeSpan grace) => Task.WhenAll(_pools.Values.Select(pool => pool.StopAsync(grace)));

    public async ValueTask DisposeAsync()
    {
        await _invokeApi.DisposeAsync();
        foreach (var pool in _pools.Values)
        {
            await pool.DisposeAsync();
        }
    }

    private FunctionPool Pool(string functionName) =>
        _pools.TryGetValue(functionName, out var pool) ? pool : throw new KeyNotFoundException($"find function {functionName}: not configured");

    private void Record(string function, string line)
    {
        var entry = new EmulatorLogLine(_time.GetUtcNow(), function, line);
        _log.Enqueue(entry);
        _echo?.Invoke(entry);
    }
}
