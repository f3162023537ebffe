using System.Diagnostics;
using Amazon.Runtime;
using ServiceNowAlert.AwsClients;

namespace ServiceNowAlert.Delivery.Benchmarks;

/// <summary>
/// The invoker's per-invoke cost with cached (assumed) credentials: SigV4 signing of the alert payload, the HTTP POST to
/// a loopback Lambda Invoke endpoint and reading the receipt. An unsigned POST to the same server is the baseline, so
/// the part that is ours (signing, headers, parsing) is visible apart from the loopback hop.
/// </summary>
internal static class InvokeOverhead
{
    private const string FunctionArn = "arn:aws:lambda:eu-west-1:111111111111:function:servicenowalert-alerting:live";

    public static async Task RunAsync(int invocations)
    {
        var receipt = """{"schemaVersion":"1.0","status":"sent","alertId":"bench-1","messageId":"<a@b>","acceptedRecipients":2,"failedRecipients":[],"problems":[]}""";
        await using var lambda = new RawHttpResponder(receipt);
        var payload = await File.ReadAllBytesAsync(Testing.RepositoryPaths.Combine("samples", "requests", "valid", "firing-critical-full.json"));
        using var http = new HttpClient();
        var client = new LambdaInvokeClient(http, "eu-west-1", lambda.BaseUri, TimeProvider.System);
        var credentials = new SessionAWSCredentials("ASIAASSUMED", "assumed-secret", "assumed-session-token");
        var target = new Uri(lambda.BaseUri, "2015-03-31/functions/" + Uri.EscapeDataString(FunctionArn) + "/invocations");

        async Task<List<double>> MeasureAsync(Func<Task> call)
        {
            for (var i = 0; i < 3000; i++)
            {
                await call();
            }

            var samples = new List<double>(invocations);
            for (var i = 0; i < invocations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await call();
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }

            return samples;
        }

        var unsigned = await MeasureAsync(async () =>
        {
            using var response = await http.PostAsync(target, new ByteArrayContent(payload));
            await response.Content.ReadAsByteArrayAsync();
        });
        var signed = await MeasureAsync(async () => await client.InvokeAsync(FunctionArn, payload, credentials, default));
        var signingOnly = new List<double>(invocations);
        for (var i = 0; i < invocations; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(payload) };
            var started = Stopwatch.GetTimestamp();
            SigV4RequestSigner.Sign(request, payload, credentials, "eu-west-1", "lambda", TimeProvider.System.GetUtcNow());
            signingOnly.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        Console.WriteLine($"Invoker per-invoke path, {invocations} sequential calls, {payload.Length}-byte alert, cached session credentials, minimal keep-alive loopback endpoint");
        Figures.Row("measurement", "p50 (µs)", "p99 (µs)", "mean (µs)");
        Figures.Row("---", "---:", "---:", "---:");
        foreach (var (name, samples) in new[] { ("LambdaInvokeClient.InvokeAsync (sign + POST + read receipt)", signed), ("unsigned POST to the same endpoint (baseline)", unsigned), ("SigV4 signing alone", signingOnly) })
        {
            Figures.Row(name, $"{Figures.Percentile(samples, 50):F0}", $"{Figures.Percentile(samples, 99):F0}", $"{samples.Average():F0}");
        }
    }
}
