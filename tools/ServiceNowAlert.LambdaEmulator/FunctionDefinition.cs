namespace ServiceNowAlert.LambdaEmulator;

/// <summary>One function the emulator serves: what to start for an instance and under which limits.</summary>
public sealed record FunctionDefinition
{
    public required string Name { get; init; }

    /// <summary>The bootstrap to start: a native executable, or <c>dotnet</c> with the dll in <see cref="Arguments"/>.</summary>
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// A command that runs the bootstrap instead of the kernel, with <see cref="FileName"/> and its arguments appended:
    /// <c>qemu-aarch64 -L /</c> runs an arm64 bootstrap on an x64 host. Empty: the bootstrap is started itself.
    /// </summary>
    public IReadOnlyList<string> Launcher { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MemoryMb { get; init; } = 256;

    /// <summary>Most instances running at once; further concurrent invokes get 429, as with reserved concurrency.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>
    /// The account the function lives in, as its invoked function ARN shows it (Lambda-Runtime-Invoked-Function-Arn):
    /// two definitions with different accounts stand for the same function deployed in two accounts.
    /// </summary>
    public string AccountId { get; init; } = DefaultAccountId;

    /// <summary>The account of a function that names none.</summary>
    public const string DefaultAccountId = "000000000000";
}
