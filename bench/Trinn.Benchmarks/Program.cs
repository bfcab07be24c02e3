using BenchmarkDotNet.Running;
using Trinn.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(DashboardBenchmarks).Assembly).Run(args);
