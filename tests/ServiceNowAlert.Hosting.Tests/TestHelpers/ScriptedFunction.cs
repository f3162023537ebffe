using ServiceNowAlert.LambdaEmulator;

namespace ServiceNowAlert.Hosting.Tests.TestHelpers;

/// <summary>The real empty-function bootstrap (JIT build, copied beside the tests) as an emulator function.</summary>
internal static class ScriptedFunction
{
    public const string Name = "empty";

    public static FunctionDefinition Definition(TimeSpan? timeout = null, int concurrency = 1, IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        Name = Name,
        FileName = "dotnet",
        Arguments = [Path.Combine(AppContext.BaseDirectory, "bootstrap.dll")],
        Timeout = timeout ?? TimeSpan.FromSeconds(20),
        Concurrency = concurrency,
        Environment = environment ?? new Dictionary<string, string>(),
    };
}
