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
    public async Task Check_BinaryNeedingAGlibcNewerThanAmazonLinux2023s_Fails()
    {
        // Amazon Linux 2023 has glibc 2.34, so a binary that needs a newer symbol version cannot start there. The
        // fixture must not depend on the host's glibc: it links against a stub library whose one symbol is versioned
        // GLIBC_2.99, so the binary needs GLIBC_2.99 whatever glibc built it.
        var folder = Directory.CreateTempSubdirectory("snalert-glibc-");
        string InFolder(string name) => Path.Combine(folder.FullName, name);
        await File.WriteAllTextAsync(InFolder("stub.c"), "int snalert_future(void) { return 0; }\n");
        await File.WriteAllTextAsync(InFolder("stub.map"), "GLIBC_2.99 { global: snalert_future; local: *; };\n");
        await File.WriteAllTextAsync(InFolder("main.c"), "extern int snalert_future(void);\nint main(void) { return snalert_future(); }\n");
        await Compile("-shared", "-fPIC", "-nostdlib", "-Wl,-soname,libfuture.so", $"-Wl,--version-script={InFolder("stub.map")}", "-o", InFolder("libfuture.so"), InFolder("stub.c"));
        var binary = InFolder("bootstrap");
        await Compile("-o", binary, InFolder("main.c"), InFolder("libfuture.so"));
        var zip = MakeZip(("bootstrap", await File.ReadAllBytesAsync(binary), 0x1ED));

        var (exitCode, output) = await Shell.RunAsync("bash", "tools/check-bootstrap.sh", zip);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("needs GLIBC_2.99", output, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Check_X64BinaryAsArm64_Fails()
    {
        var zip = MakeZip(("bootstrap", ElfOfThisMachine(), 0x1ED));

        var (exitCode, output) = await Shell.RunAsync("bash", "tools/check-bootstrap.sh", "--arch", "arm64", zip);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("bootstrap is not AArch64 (arm64): Advanced Micro Devices X86-64", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("package.sh", "--arch", "arm64", "alerting")]
    [InlineData("package.sh", "--arch", "both")]
    public async Task PackageArm64_WithoutTheCrossToolchain_StopsWithOneLineNamingTheDebianPackages(params string[] command)
    {
        // A PATH with the shell alone: clang, ld.lld, the aarch64 gcc and objcopy (and dotnet) are all missing.
        var bin = Directory.CreateTempSubdirectory("snalert-path-");
        foreach (var tool in new[] { "bash", "dirname" })
        {
            File.CreateSymbolicLink(Path.Combine(bin.FullName, tool), Shell.Which(tool));
        }

        var (exitCode, output) = await Shell.RunAsync(Shell.Which("env"), [$"PATH={bin.FullName}", "bash", .. command]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Trim().Split('\n'));
        Assert.StartsWith("arm64 toolchain: missing clang lld gcc-aarch64-linux-gnu ", line, StringComparison.Ordinal);
        Assert.Contains("binutils-aarch64-linux-gnu", line, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y clang lld gcc-aarch64-linux-gnu ", line, StringComparison.Ordinal);
        bin.Delete(recursive: true);
    }

    private static async Task Compile(params string[] arguments)
    {
        var (exitCode, output) = await Shell.RunAsync("gcc", arguments);
        Assert.True(exitCode == 0, output);
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
