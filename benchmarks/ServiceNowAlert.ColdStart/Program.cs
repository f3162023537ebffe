using System.Diagnostics;
using System.Globalization;
using ServiceNowAlert.ColdStart;
using ServiceNowAlert.LambdaEmulator;

// Usage: ServiceNowAlert.ColdStart <cold-runs> <warm-invocations> <name=path[;payload][;K=V...]>...
// Cold start = spawn -> first invocation's response received by the emulator. Warm = per-invocation round trip
// through the emulator's Invoke API and the runtime loop. Peak RSS = VmHWM of the instance after the warm run.
// Cold start CPU = CPU time the instance used up to that first response, summed over its threads.
if (args.Length < 3)
{
    await Console.Error.WriteLineAsync("usage: ServiceNowAlert.ColdStart <cold-runs> <warm-invocations> <name=path[;payload-file][;K=V...]>...");
    return 2;
}

var coldRuns = int.Parse(args[0], CultureInfo.InvariantCulture);
var warmRuns = int.Parse(args[1], CultureInfo.InvariantCulture);
var variants = args[2..].Select(Variant.Parse).ToList();
Console.WriteLine($"| function | cold start p50 (ms) | cold start min (ms) | cold start CPU p50 (ms) | warm invoke p50 (µs) | warm invoke p99 (µs) | peak RSS (MB) |");
Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var variant in variants)
{
    var colds = new List<double>();
    var cpus = new List<double>();
    for (var run = 0; run < coldRuns; run++)
    {
        await using var emulator = new LambdaEmulator(Definitions(variant));
        var started = Stopwatch.GetTimestamp();
        var outcome = await emulator.InvokeAsync(variant.Name, variant.Payload);
        colds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        cpus.Add(emulator.CpuTime(variant.Name).Sum(time => time.TotalMilliseconds));
        if (outcome.Kind != InvocationOutcomeKind.Success)
        {
            await Console.Error.WriteLineAsync($"{variant.Name}: cold invoke failed: {System.Text.Encoding.UTF8.GetString(outcome.Body)}");
            return 1;
        }
    }

    await using var warm = new LambdaEmulator(Definitions(variant));
    await warm.InvokeAsync(variant.Name, variant.Payload);
    var warms = new List<double>();
    for (var run = 0; run < warmRuns; run++)
    {
        var started = Stopwatch.GetTimestamp();
        await warm.InvokeAsync(variant.Name, variant.Payload);
        warms.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
    }

    var rss = warm.PeakResidentKib(variant.Name).DefaultIfEmpty(0).Max() / 1024.0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {variant.Name} | {Percentile(colds, 50):F1} | {colds.Min():F1} | {Percentile(cpus, 50):F1} | {Percentile(warms, 50):F0} | {Percentile(warms, 99):F0} | {rss:F1} |"));
}

return 0;

static IEnumerable<FunctionDefinition> Definitions(Variant variant) =>
[
    new FunctionDefinition { Name = variant.Name, FileName = variant.FileName, Arguments = variant.Arguments, Environment = variant.Environment, Timeout = TimeSpan.FromSeconds(30) },
];

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
