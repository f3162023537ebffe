using System.Text.Json;
using ServiceNowAlert.Cli.Tests.TestHelpers;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Cli.Tests;

public sealed class SchemaCommandTests
{
    [Fact]
    public async Task Schema_PrintsTheRequestSchemaFile()
    {
        var run = await CliRun.StartAsync(["schema", "--version", "1"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(RepositoryPaths.Combine("contracts", "schemas", "alert-request.v1.schema.json")), run.StandardOutput);
    }

    [Fact]
    public async Task Schema_Result_PrintsTheResultSchema()
    {
        var run = await CliRun.StartAsync(["schema", "--result"]);

        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.Contains("alert result", document.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_UnknownVersion_FailsWithTheSupportedVersions()
    {
        var run = await CliRun.StartAsync(["schema", "--version", "7"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("supported: 1.x", run.StandardError, StringComparison.Ordinal);
    }
}
