using BenchmarkDotNet.Running;
using ServiceNowAlert.Hosting.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(InvocationLoopBenchmarks).Assembly).Run(args);
