namespace ServiceNowAlert.Hosting;

/// <summary>What a function's initialiser gets: configuration, logging and time, before the first invocation.</summary>
public sealed class LambdaInitContext
{
    internal LambdaInitContext(IReadOnlyDictionary<string, string> environment, ILambdaLog log, IMetricsSink metrics, TimeProvider timeProvider)
    {
        Environment = environment;
        Log = log;
        Metrics = metrics;
        TimeProvider = timeProvider;
    }

    /// <summary>The process environment (or a test's replacement).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public ILambdaLog Log { get; }

    public IMetricsSink Metrics { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The function name Lambda set, or "local".</summary>
    public string FunctionName => Environment.GetValueOrDefault(LambdaEnvironment.FunctionName, "local");
}
