using System.Text;
using System.Text.Json;
using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>
/// The arm64 (Graviton) packages work, not only link: each function's arm64 bootstrap answers the emulator's Runtime API
/// under qemu-aarch64, and an arm64 alert reaches the SMTP server over STARTTLS (the arm64 libssl). Nothing here is
/// timed: emulated timings say nothing about Graviton. test.sh leaves this category out, with one line saying so,
/// when tools/arm64-toolchain.sh finds no cross toolchain or qemu.
/// </summary>
[Trait("Category", "Arm64Emulation")]
public sealed class Arm64EmulationTests(Arm64LocalSystem stack) : IClassFixture<Arm64LocalSystem>, IAsyncLifetime
{
    private const ushort AArch64 = 183;

    public Task InitializeAsync() => stack.Smtp.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("alerting")]
    [InlineData("invoker")]
    public void Bootstrap_IsAnAArch64Executable(string function)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(Arm64LocalSystem.Bootstrap(function)))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
        Assert.Equal(AArch64, BitConverter.ToUInt16(header, 18));
    }

    [Fact]
    public async Task AlertingBootstrap_UnderQemu_SendsTheAlertToTheSmtpServer()
    {
        var request = await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "requests", "valid", "firing-critical-full.json"));

        var outcome = await stack.Emulator.InvokeAsync(LocalSystem.Alerting, request);

        Assert.True(outcome.Kind == InvocationOutcomeKind.Success, Encoding.UTF8.GetString(outcome.Body));
        using var receipt = JsonDocument.Parse(outcome.Body);
        Assert.Equal("sent", receipt.RootElement.GetProperty("status").GetString());
        var message = Assert.Single(await stack.Smtp.MessagesAsync());
        Assert.Contains("Orders API returns HTTP 5xx for 12% of requests", Unfolded(message.Raw), StringComparison.Ordinal);
        Assert.True(message.Secure);
        AssertRunsUnderQemu(LocalSystem.Alerting);
    }

    [Fact]
    public async Task InvokerBootstrap_UnderQemu_CarriesATriggerToTheArm64AlertingFunctionAndTheInbox()
    {
        var alarm = await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json"));

        var outcome = await stack.Emulator.InvokeAsync(LocalSystem.Invoker, alarm);

        Assert.True(outcome.Kind == InvocationOutcomeKind.Success, Encoding.UTF8.GetString(outcome.Body));
        using var response = JsonDocument.Parse(outcome.Body);
        Assert.Equal("sent", response.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        var message = Assert.Single(await stack.Smtp.MessagesAsync());
        Assert.Contains("[FIRING] MAJOR: ServerCpuTooHigh is in ALARM", Unfolded(message.Raw), StringComparison.Ordinal);
        AssertRunsUnderQemu(LocalSystem.Invoker);
        AssertRunsUnderQemu(LocalSystem.Alerting);
    }

    // The emulator's process for the function is qemu's, which runs the arm64 code inside it.
    private void AssertRunsUnderQemu(string function)
    {
        var processIds = stack.Emulator.ProcessIds(function);
        Assert.NotEmpty(processIds);
        Assert.All(processIds, id => Assert.Equal("qemu-aarch64", Path.GetFileName(new FileInfo($"/proc/{id}/exe").LinkTarget)));
    }

    private static string Unfolded(string raw) => raw.Replace("\r\n ", " ", StringComparison.Ordinal);
}
