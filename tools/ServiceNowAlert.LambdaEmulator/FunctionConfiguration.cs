namespace ServiceNowAlert.LambdaEmulator;

/// <summary>One function in the configuration file.</summary>
/// <remarks>
/// The optional members have setters, not init: the source-generated reader assigns every init-only member in one
/// object initializer, so one missing from the file would get default(T) (null, 0) instead of the default here.
/// </remarks>
internal sealed record FunctionConfiguration
{
    public required string Name { get; init; }

    public required string FileName { get; init; }

    public List<string> Arguments { get; set; } = [];

    public List<string> Launcher { get; set; } = [];

    public Dictionary<string, string> Environment { get; set; } = [];

    public double TimeoutSeconds { get; set; } = 30;

    public int MemoryMb { get; set; } = 256;

    public int Concurrency { get; set; } = 1;

    public string AccountId { get; set; } = FunctionDefinition.DefaultAccountId;

    public FunctionDefinition ToDefinition() => new()
    {
        Name = Name,
        FileName = FileName,
        Arguments = Arguments,
        Launcher = Launcher,
        Environment = Environment,
        Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
        MemoryMb = MemoryMb,
        Concurrency = Concurrency,
        AccountId = AccountId,
    };
}
