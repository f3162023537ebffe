namespace ServiceNowAlert.Hosting;

/// <summary>Overrides for tests and local runs; production uses the defaults.</summary>
public sealed class LambdaRuntimeOptions
{
    /// <summary>Replaces the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where log and metric lines go; standard output by default, as Lambda expects.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Stops the loop after the current invocation (SIGTERM does the same in a real process).</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>Largest response Lambda accepts for a synchronous invocation.</summary>
    public int MaxResponseBytes { get; init; } = 6 * 1024 * 1024;
}
