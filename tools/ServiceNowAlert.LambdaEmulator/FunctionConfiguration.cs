namespace ServiceNowAlert.LambdaEmulator;

/// <summary>One function in the configuration file.</summary>
internal sealed record FunctionConfiguration
{
    public required string Name { get; init; }

    public required string FileName { get; init; }

    public List<string> Arguments { get; init; } = [];

    public Dictionary<string, string> Environment { get; init; } = [];

    public double TimeoutSeconds { get; init; } = 30;

    public int MemoryMb { get; init; } = 256;

    public int Concurrency { get; init; } = 1;

    public FunctionDefinition ToDefinition() => new()
    {
        Name = Name,
        FileName = FileName,
        Arguments = Arguments,
        Environment = Environment,
        Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
        MemoryMb = MemoryMb,
        Concurrency = Concurrency,
    };
}
