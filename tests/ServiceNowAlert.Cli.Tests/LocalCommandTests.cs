using ServiceNowAlert.Cli.Commands;
using ServiceNowAlert.Cli.Tests.TestHelpers;

namespace ServiceNowAlert.Cli.Tests;

public sealed class LocalCommandTests
{
    private readonly string _bootstrap = Path.Combine(AppContext.BaseDirectory, "snalert.dll");

    [Fact]
    public void Local_WithoutConcurrency_RunsTwoInstancesOfEachFunction()
    {
        var functions = LocalCommand.Functions(LocalCommand.Create().Parse(["--alerting", _bootstrap, "--invoker", _bootstrap]));

        Assert.All(functions, function => Assert.Equal(2, function.Concurrency));
    }

    [Fact]
    public void Local_Concurrency_SetsTheInstancesOfBothFunctions()
    {
        var functions = LocalCommand.Functions(LocalCommand.Create().Parse(["--concurrency", "6", "--alerting", _bootstrap, "--invoker", _bootstrap]));

        Assert.Equal([LocalCommand.Alerting, LocalCommand.Invoker], functions.Select(function => function.Name));
        Assert.All(functions, function => Assert.Equal(6, function.Concurrency));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task Local_ConcurrencyBelowOne_IsRefusedBeforeAnythingStarts(string value)
    {
        var run = await CliRun.StartAsync(["local", "--concurrency", value, "--alerting", _bootstrap, "--invoker", _bootstrap]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--concurrency must be at least 1", run.StandardError, StringComparison.Ordinal);
    }
}
