using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>`snalert local` starts both bootstraps; `snalert invoke` and a raw Invoke API call drive them.</summary>
public sealed class CliLocalTests
{
    private static readonly string Cli = RepositoryPaths.Combine("tools", "ServiceNowAlert.Cli", "bin", "Release", "net10.0", "snalert.dll");

    [Fact]
    public async Task Local_ServesBothFunctions_ForInvokeAndForRawEvents()
    {
        var work = Directory.CreateTempSubdirectory("snalert-local-").FullName;
        var port = LoopbackHttpServer.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = work };
        foreach (var argument in new[]
        {
            Cli, "local", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--alerting", RepositoryPaths.Combine("consumer", "ServiceNowAlert.Alerting.Function", "bin", "Release", "net10.0", "bootstrap.dll"),
            "--invoker", RepositoryPaths.Combine("producer", "ServiceNowAlert.Invoker.Function", "bin", "Release", "net10.0", "bootstrap.dll"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var local = Process.Start(start)!;
        try
        {
            var ready = await local.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.StartsWith($"snalert local: Invoke API at http://127.0.0.1:{port}/", ready, StringComparison.Ordinal);

            var invoke = await RunAsync(work, Cli, "invoke", "--endpoint-url", $"http://127.0.0.1:{port}", "--function-arn", "arn:aws:lambda:us-east-1:000000000000:function:servicenowalert-alerting:local", RepositoryPaths.Combine("samples", "events", "cloudwatch-logs-subscription.json"));
            using var http = new HttpClient();
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json")));
            using var raw = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/2015-03-31/functions/servicenowalert-invoker/invocations"), content);

            Assert.True(invoke.ExitCode == 0, invoke.Error);
            Assert.Equal("sent", JsonDocument.Parse(invoke.Output).RootElement.GetProperty("results")[0].GetProperty("status").GetString());
            Assert.False(raw.Headers.Contains("X-Amz-Function-Error"), await raw.Content.ReadAsStringAsync());
            Assert.Equal(2, Directory.GetFiles(Path.Combine(work, "outbox"), "*.eml").Length);
        }
        finally
        {
            local.Kill(entireProcessTree: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output, await error);
    }
}
