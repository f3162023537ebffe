using System.Text.Json;
using ServiceNowAlert.Cli.Tests.TestHelpers;

namespace ServiceNowAlert.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ValidSample_ExitsZeroAndSaysValid()
    {
        var run = await CliRun.StartAsync(["validate", "samples/requests/valid/firing-critical-full.json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid (firing, critical, alert orders-api-prod-5xx-20261125T0300Z)", run.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(run.StandardError);
    }

    [Fact]
    public async Task Validate_WithPrint_PrintsTheRequestAsTheContractWritesIt()
    {
        var run = await CliRun.StartAsync(["validate", "--print", "samples/requests/valid/firing-warning-unicode-and-unknown-fields.json"]);

        var json = run.StandardOutput[run.StandardOutput.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        Assert.Equal("2026-11-25T03:20:00Z", document.RootElement.GetProperty("occurredAt").GetString());
        Assert.False(document.RootElement.TryGetProperty("futureField", out _));
        Assert.Contains("Kühlhaus München", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidSample_ExitsOneAndListsEveryProblemWithItsPath()
    {
        var run = await CliRun.StartAsync(["validate", "samples/requests/invalid/controlCharacter-title-newline.json", "samples/requests/invalid/badFormat-link-javascript-url.json"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$.title  [controlCharacter]", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("$.links[0].url  [badFormat]", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_PrintsOneVerdictPerFileForMachines()
    {
        var run = await CliRun.StartAsync(["validate", "--json", "samples/requests/valid/firing-info-minimal.json", "samples/requests/invalid/tooLong-title.json"]);

        using var document = JsonDocument.Parse(run.StandardOutput);
        var verdicts = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(1, run.ExitCode);
        Assert.True(verdicts[0].GetProperty("valid").GetBoolean());
        Assert.Equal("$.title", verdicts[1].GetProperty("problems")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Validate_MissingFile_SaysSoOnStandardErrorWithoutAStackTrace()
    {
        var run = await CliRun.StartAsync(["validate", "samples/requests/no-such-file.json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NotJson_ExitsOneWithAMalformedJsonProblem()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "this is not json");

        var run = await CliRun.StartAsync(["validate", file]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[malformedJson]", run.StandardOutput, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task Help_ForValidate_ShowsAnExample()
    {
        var run = await CliRun.StartAsync(["validate", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Example: snalert validate", run.StandardOutput, StringComparison.Ordinal);
    }
}
