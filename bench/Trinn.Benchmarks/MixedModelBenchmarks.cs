using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Trinn.Core.Research;
using Trinn.Statistics.Contract;

namespace Trinn.Benchmarks;

/// <summary>
/// The two analyses of issue #13 at the sizes docs/benchmarks.md records, through the contract on CSV bytes held in memory
/// (parsing as exact decimals, the exact sums, the fit): <c>linear_mixed_model</c> on 10,000 subjects × 4 waves with
/// dropout (REML, group and time × group) and <c>rm_anova_mixed</c> on 100,000 subjects × 4 levels in 3 groups.
/// The data are the files of <c>scripts/gen-rm-data.py</c> (the same R reads for its time) when TRINN_BENCH_DATA names
/// their folder (long10k.csv, mixed100k.csv), otherwise generated here in the same shape.
/// Run: <c>dotnet run -c Release --project bench/Trinn.Benchmarks -- --filter *MixedModel*</c>.
/// </summary>
[MemoryDiagnoser]
public class MixedModelBenchmarks
{
    private byte[] _long = [];
    private byte[] _wide = [];

    [GlobalSetup]
    public void Setup()
    {
        string? dir = Environment.GetEnvironmentVariable("TRINN_BENCH_DATA");
        _long = dir is not null && File.Exists(Path.Combine(dir, "long10k.csv")) ? File.ReadAllBytes(Path.Combine(dir, "long10k.csv")) : Generate(10_000, longFormat: true);
        _wide = dir is not null && File.Exists(Path.Combine(dir, "mixed100k.csv")) ? File.ReadAllBytes(Path.Combine(dir, "mixed100k.csv")) : Generate(100_000, longFormat: false);
    }

    [Benchmark]
    public JsonObject LinearMixedModel10kSubjects4Waves() => StatsRequest.Run(
        new JsonObject
        {
            ["analysis"] = "linear_mixed_model",
            ["input"] = new JsonObject { ["subject_column"] = "id", ["time_column"] = "time", ["outcome_column"] = "y", ["group_column"] = "group", ["method"] = "REML" },
        },
        new CsvRows(() => new MemoryStream(_long, writable: false)));

    [Benchmark]
    public JsonObject RmAnovaMixed100kSubjects3Groups() => StatsRequest.Run(
        new JsonObject
        {
            ["analysis"] = "rm_anova_mixed",
            ["input"] = new JsonObject { ["subject_column"] = "id", ["between_column"] = "group", ["levels"] = new JsonArray("t0", "t3", "t12", "t18") },
        },
        new CsvRows(() => new MemoryStream(_wide, writable: false)));

    /// <summary>The generator's shape: subject effect, a trend per group, noise, two decimals; long data lose 10 % per wave.</summary>
    private static byte[] Generate(int subjects, bool longFormat)
    {
        var random = new Random(13);
        int[] waves = [0, 3, 12, 18];
        double[] trend = [0, 0.4, 0.9, 1.1];
        var text = new StringBuilder(longFormat ? "id,group,time,y\n" : "id,group,t0,t3,t12,t18\n");
        for (int i = 1; i <= subjects; i++)
        {
            int g = random.Next(1, 4);
            double s = Gauss(random) * 1.5;
            double[] v = [.. trend.Select(t => 20 + s + (t * (1 + (0.3 * g))) + Gauss(random))];
            if (longFormat)
            {
                for (int j = 0; j < 4 && (j == 0 || random.NextDouble() >= 0.1); j++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{i},{g},{waves[j]},{v[j]:F2}\n");
                }
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"{i},{g},{v[0]:F2},{v[1]:F2},{v[2]:F2},{v[3]:F2}\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static double Gauss(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
