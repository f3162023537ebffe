using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>
/// The local system with the arm64 Native AOT bootstraps of both functions (<c>./package.sh --arch arm64</c>), each
/// started under <c>qemu-aarch64 -L /</c> on this x64 host: the arm64 loader, glibc and libssl come from Debian's
/// multiarch packages under /, as Amazon Linux 2023 provides them on Graviton.
/// </summary>
public sealed class Arm64LocalSystem : LocalSystem
{
    public static readonly IReadOnlyList<string> Qemu = ["qemu-aarch64", "-L", "/"];

    public static string Bootstrap(string function) => RepositoryPaths.Combine("artifacts", "publish", $"{function}-arm64", "bootstrap");

    protected override FunctionDefinition Prepare(FunctionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var bootstrap = Bootstrap(definition.Name == Alerting ? "alerting" : "invoker");
        // Not a skip: test.sh builds this when the toolchain is there and otherwise leaves the category out, saying so.
        if (!File.Exists(bootstrap))
        {
            throw new InvalidOperationException($"{bootstrap} does not exist: run ./package.sh --arch arm64 first (./test.sh does when tools/arm64-toolchain.sh check passes)");
        }

        return definition with { FileName = bootstrap, Arguments = [], Launcher = Qemu };
    }
}
