using System.IO.Compression;
using System.Text;
using ServiceNowAlert.Hosting.Tests.TestHelpers;
using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Hosting.Tests;

/// <summary>The deployable zip: Native AOT bootstrap, provided.al2023 layout, glibc no newer than Amazon Linux 2023's.</summary>
public sealed class PackagingTests
{
    [Fact]
    public async Task PackageEmpty_BuildsAZipThatPassesTheCheckAndServesUnderTheEmulator()
    {
        var (exitCode, output) = await Shell.RunAsync("bash", "package.sh", "empty");

        Assert.True(exitCode == 0, output);
        Assert.Contains("check-bootstrap: artifacts/empty.zip ok", output, StringComparison.Ordinal);
        var binary = RepositoryPaths.Combine("artifacts", "publish", "empty", "bootstrap");
        await using var emulator = new LambdaEmulator.LambdaEmulator([new FunctionDefinition { Name = "empty-aot", FileName = binary }]);
        var outcome = await emulator.InvokeAsync("empty-aot", "\"native\""u8.ToArray());
        Assert.Equal((InvocationOutcomeKind.Success, "\"native\""), (outcome.Kind, Encoding.UTF8.GetString(outcome.Body)));
    }

    [Fact]
    public async Task Check_ZipWithAnExtraEntry_Fails()
    {
        var zip = MakeZip(("bootstrap", ElfOfThisMachine(), 0x1ED), ("README", "x"u8.ToArray(), 0x1A4));

        var (exitCode, output) = await Shell.RunAsync("bash", "tools/check-bootstrap.sh", zip);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("expected one entry", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BootstrapWithoutExecuteBits_Fails()
    {
        var zip = MakeZip(("bootstrap", ElfOfThisMachine(), 0x1A4));

        var (exitCode, output) = await Shell.RunAsync("bash", "tools/check-bootstrap.sh", zip);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("mode 100755", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ScriptInsteadOfABinary_Fails()
    {
        var zip = MakeZip(("bootstrap", "#!/bin/sh\necho hi\n"u8.ToArray(), 0x1ED));

        var (exitCode, output) = await Shell.RunAsync("bash", "tools/check-bootstrap.sh", zip);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("not an ELF file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BinaryNeedingGlibc236_Fails()
    {
        // arc4random arrived in glibc 2.36 (Debian 12 here); Amazon Linux 2023 has 2.34, so such a binary cannot start.
        var folder = Directory.CreateTempSubdirectory("snalert-glibc-");
        var source = Path.Combine(folder.FullName, "main.c");
        await File.WriteAllTextAsync(source, "#include <stdlib.h>\n#include <stdio.h>\nint main(void) { printf(\"%u\\n\", arc4random()); return 0; }\n");
        var binary = Path.Combine(folder.FullName, "bootstrap");
        var (compiled, compileOutput) = await Shell.RunAsync("gcc", "-o", binary, source);
        Assert.True(compiled == 0, compileOutput);
        var zip = MakeZip(("bootstrap", await File.ReadAllBytesAsync(binary), 0x1ED));

        var (exitCode, output) = await Shell.RunAsync("bash", "tools/check-bootstrap.sh", zip);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("needs GLIBC_2.36", output, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    private static byte[] ElfOfThisMachine() => File.ReadAllBytes("/bin/true");

    private static string MakeZip(params (string Name, byte[] Content, int Mode)[] entries)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("snalert-zip-").FullName, "function.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content, mode) in entries)
        {
            var entry = archive.CreateEntry(name);
            entry.ExternalAttributes = (0x8000 | mode) << 16;
            using var stream = entry.Open();
            stream.Write(content);
        }

        return path;
    }
}
