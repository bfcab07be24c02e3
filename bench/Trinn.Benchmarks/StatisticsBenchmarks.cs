using BenchmarkDotNet.Attributes;
using Trinn.Statistics.Inference;

namespace Trinn.Benchmarks;

/// <summary>
/// One-way ANOVA at the size of NIST SmLs09 (9 groups × 2001 values with 13 significant digits): the exact decimal
/// path the CLI uses against the double path. Run: <c>dotnet run -c Release --project bench/Trinn.Benchmarks -- --filter *Anova*</c>.
/// </summary>
[MemoryDiagnoser]
public class OneWayAnovaBenchmarks
{
    private IReadOnlyList<IReadOnlyList<decimal>> _decimals = [];
    private IReadOnlyList<IReadOnlyList<double>> _doubles = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(9);
        _decimals = Enumerable.Range(0, 9)
            .Select(g => (IReadOnlyList<decimal>)Enumerable.Range(0, 2001).Select(_ => 1000000000000.4m + (random.Next(0, 5) / 10m) + (g / 100m)).ToList())
            .ToList();
        _doubles = _decimals.Select(g => (IReadOnlyList<double>)g.Select(v => (double)v).ToList()).ToList();
    }

    [Benchmark(Baseline = true)]
    public double ExactDecimalInput() => OneWayAnova.Fit(_decimals).F ?? double.NaN;

    [Benchmark]
    public double DoubleInput() => OneWayAnova.Fit(_doubles).F ?? double.NaN;
}
