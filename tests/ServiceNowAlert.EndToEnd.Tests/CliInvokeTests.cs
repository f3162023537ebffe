using System.Diagnostics;
using System.Text.Json;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>`snalert invoke --endpoint-url` against the emulator: the smoke test a user runs after deploying.</summary>
public sealed class CliInvokeTests(LocalSystem system) : IClassFixture<LocalSystem>
{
    [Fact]
    public async Task Invoke_AgainstTheEmulator_PrintsTheReceiptAndTheEmailArrives()
    {
        await system.Smtp.ClearAsync();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[]
        {
            RepositoryPaths.Combine("tools", "ServiceNowAlert.Cli", "bin", "Release", "net10.0", "snalert.dll"),
            "invoke", "--function-arn", $"arn:aws:lambda:us-east-1:111111111111:function:{LocalSystem.Alerting}:live",
            "--endpoint-url", system.Emulator.Endpoint.ToString(), RepositoryPaths.Combine("samples", "events", "cloudwatch-logs-subscription.json"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDSMOKE";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "smoke-secret";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        using var receipt = JsonDocument.Parse(output);
        Assert.Equal("sent", receipt.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Single(await system.Smtp.MessagesAsync());
    }
}
