namespace ServiceNowAlert.LambdaEmulator;

/// <summary>The instances of one function: reuses an idle one, starts another up to the concurrency limit.</summary>
internal sealed class FunctionPool(FunctionDefinition function, TimeProvider time, Action<string, string> output) : IAsyncDisposable
{
    private readonly List<FunctionInstance> _instances = [];
    private readonly HashSet<FunctionInstance> _busy = [];
    private readonly Lock _gate = new();
    private int _generation;

    public FunctionDefinition Function => function;

    /// <summary>How many instances were started, counting replacements of dead ones.</summary>
    public int Started => _generation;

    public IReadOnlyList<FunctionInstance> Instances
    {
        get
        {
            lock (_gate)
            {
                return [.. _instances];
            }
        }
    }

    /// <summary>Takes an idle instance or starts one; null when the function is at its concurrency limit.</summary>
    public FunctionInstance? Acquire()
    {
        lock (_gate)
        {
            _instances.RemoveAll(instance => instance.IsDead && !_busy.Contains(instance));
            var idle = _instances.FirstOrDefault(instance => !instance.IsDead && !_busy.Contains(instance));
            if (idle is null)
            {
                if (_instances.Count >= function.Concurrency)
                {
                    return null;
                }

                idle = new FunctionInstance(function, ++_generation, time, output);
                _instances.Add(idle);
            }

            _busy.Add(idle);
            return idle;
        }
    }

    public void Release(FunctionInstance instance)
    {
        lock (_gate)
        {
            _busy.Remove(instance);
            if (instance.IsDead)
            {
                _instances.Remove(instance);
            }
        }
    }

    /// <summary>Kills one busy instance, as a host failure would (the load test uses this).</summary>
    public bool KillOneBusy()
    {
        FunctionInstance? victim;
        lock (_gate)
        {
            victim = _busy.FirstOrDefault(instance => !instance.IsDead);
        }

        victim?.Kill();
        return victim is not null;
    }

    public async Task StopAsync(TimeSpan grace) => await Task.WhenAll(Instances.Select(instance => instance.StopAsync(grace)));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }
    }
}
