using ServiceNowAlert.Hosting.Tests.TestHelpers;

namespace ServiceNowAlert.Hosting.Tests;

/// <summary>./test.sh on a machine that lacks a prerequisite: it stops before building, naming what to install.</summary>
public sealed class TestCommandTests
{
    [Theory]
    [InlineData("jq", "jq")]
    [InlineData("objdump", "binutils")]
    [InlineData("gcc", "gcc")]
    public async Task MissingPrerequisite_StopsWithOneLineNamingTheDebianPackage(string missing, string package)
    {
        var bin = Directory.CreateTempSubdirectory("snalert-path-");
        string[] tools = ["bash", "dirname", "env", "dotnet", "node", "npm", "python3", "gcc", "readelf", "objdump", "jq"];
        foreach (var tool in tools.Where(t => t != missing))
        {
            File.CreateSymbolicLink(Path.Combine(bin.FullName, tool), Shell.Which(tool));
        }

        var (exitCode, output) = await Shell.RunAsync(Shell.Which("env"), $"PATH={bin.FullName}", "bash", "test.sh");

        Assert.Equal(1, exitCode);
        Assert.Equal($"test.sh: {missing} is missing: install the Debian package {package}", output.Trim());
        bin.Delete(recursive: true);
    }
}
