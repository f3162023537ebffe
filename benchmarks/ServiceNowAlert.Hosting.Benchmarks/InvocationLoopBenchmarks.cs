using BenchmarkDotNet.Attributes;
using ServiceNowAlert.Hosting.Bootstrap;
using ServiceNowAlert.Hosting.Client;

namespace ServiceNowAlert.Hosting.Benchmarks;

/// <summary>
/// What the runtime loop itself costs per invocation (deadline token, context, trace id, metrics flush, posting),
/// with the Runtime API and the handler taken out of the measurement.
/// </summary>
[MemoryDiagnoser]
public class InvocationLoopBenchmarks
{
    private const int Invocations = 1000;
    private static readonly byte[] Payload = "{\"ping\":true}"u8.ToArray();

    [Benchmark(OperationsPerInvoke = Invocations, Description = "runtime loop overhead per invocation")]
    public async Task LoopOverhead()
    {
        using var done = new CancellationTokenSource();
        var invocation = new RuntimeInvocation("req", TimeProvider.System.GetUtcNow().AddMinutes(5), "arn", "Root=1-x", null, null, Payload);
        var options = new LambdaRuntimeOptions { Output = TextWriter.Null };
        var log = new JsonLambdaLog(TextWriter.Null, TimeProvider.System, LambdaLogLevel.Info);
        var metrics = new EmfMetricsSink(TextWriter.Null, TimeProvider.System, "bench");
        var loop = new InvocationLoop(new InMemoryRuntimeApi(invocation, Invocations, done), new EchoHandler(), log, metrics, options, _ => { });
        await loop.RunAsync(done.Token);
    }

    private sealed class EchoHandler : ILambdaHandler
    {
        public Task<byte[]> HandleAsync(ReadOnlyMemory<byte> input, ILambdaContext context) => Task.FromResult(Payload);
    }
}
