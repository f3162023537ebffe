using BenchmarkDotNet.Running;
using ServiceNowAlert.Contracts.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ContractBenchmarks).Assembly).Run(args);
