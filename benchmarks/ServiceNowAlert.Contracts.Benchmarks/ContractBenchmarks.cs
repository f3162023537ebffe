using BenchmarkDotNet.Attributes;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Contracts.Benchmarks;

/// <summary>The contract's JSON boundary: what each side pays per alert to read, check and write a request.</summary>
[MemoryDiagnoser]
public class ContractBenchmarks
{
    private byte[] _fullRequest = [];
    private AlertRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fullRequest = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "firing-critical-full.json"));
        _request = AlertRequestReader.Read(_fullRequest).Request!;
    }

    [Benchmark(Description = "read + validate (full sample request)")]
    public AlertReadResult ReadAndValidate() => AlertRequestReader.Read(_fullRequest);

    [Benchmark(Description = "validate a request built in code")]
    public IReadOnlyList<AlertProblem> ValidateTyped() => AlertValidator.Validate(_request);

    [Benchmark(Description = "serialize")]
    public byte[] Serialize() => AlertJson.Serialize(_request);
}
