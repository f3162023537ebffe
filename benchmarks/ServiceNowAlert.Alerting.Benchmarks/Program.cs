using BenchmarkDotNet.Running;
using ServiceNowAlert.Alerting.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(AlertPathBenchmarks).Assembly).Run(args);
