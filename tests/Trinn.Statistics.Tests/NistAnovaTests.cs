using System.Globalization;
using System.Text.Json;
using Trinn.Statistics.Inference;

namespace Trinn.Statistics.Tests;

/// <summary>All eleven NIST StRD ANOVA datasets against their certified values (Reference/nist-strd).</summary>
public class NistAnovaTests
{
    public static TheoryData<string> Datasets => new()
    {
        "SiRstv", "SmLs01", "SmLs02", "SmLs03", "AtmWtAg", "SmLs04", "SmLs05", "SmLs06", "SmLs07", "SmLs08", "SmLs09",
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void OneWayAnova_DecimalInput_MatchesCertifiedValuesTo1e12(string name)
    {
        (List<IReadOnlyList<decimal>> groups, JsonElement expected) = Load(name);

        OneWayAnovaResult r = OneWayAnova.Fit(groups);

        JsonElement between = expected.GetProperty("between");
        JsonElement within = expected.GetProperty("within");
        const double tol = 1e-12;
        AssertRel.Close(between.GetProperty("ss").GetDouble(), r.Between.SumOfSquares, tol);
        Assert.Equal(between.GetProperty("df").GetDouble(), r.Between.Df);
        AssertRel.Close(between.GetProperty("ms").GetDouble(), r.Between.MeanSquare, tol);
        AssertRel.Close(between.GetProperty("F").GetDouble(), r.F, tol);
        AssertRel.Close(within.GetProperty("ss").GetDouble(), r.Within.SumOfSquares, tol);
        Assert.Equal(within.GetProperty("df").GetDouble(), r.Within.Df);
        AssertRel.Close(within.GetProperty("ms").GetDouble(), r.Within.MeanSquare, tol);
        AssertRel.Close(expected.GetProperty("r_squared").GetDouble(), r.EtaSquared, tol);
        AssertRel.Close(expected.GetProperty("residual_sd").GetDouble(), r.ResidualStandardDeviation, tol);
    }

    // The double overload sees 1000000000000.4 as 1000000000000.400024…; for the higher-difficulty sets the
    // answer for those rounded inputs differs from the certified one by 5.4e-4 in F, so the double API is held
    // to 1e-3 there. The decimal overload (used by the CLI) meets 1e-12 on all sets, above.
    [Theory]
    [InlineData("SiRstv", 1e-9)]
    [InlineData("SmLs01", 1e-9)]
    [InlineData("SmLs02", 1e-9)]
    [InlineData("SmLs03", 1e-9)]
    [InlineData("AtmWtAg", 1e-8)]
    [InlineData("SmLs04", 1e-8)]
    [InlineData("SmLs05", 1e-8)]
    [InlineData("SmLs06", 1e-8)]
    [InlineData("SmLs07", 1e-3)]
    [InlineData("SmLs08", 1e-3)]
    [InlineData("SmLs09", 1e-3)]
    public void OneWayAnova_DoubleInput_MeetsContractTolerance(string name, double tolerance)
    {
        (List<IReadOnlyList<decimal>> groups, JsonElement expected) = Load(name);
        var doubles = groups.Select(g => (IReadOnlyList<double>)g.Select(v => double.Parse(v.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToArray()).ToList();

        OneWayAnovaResult r = OneWayAnova.Fit(doubles);

        AssertRel.Close(expected.GetProperty("between").GetProperty("ss").GetDouble(), r.Between.SumOfSquares, tolerance);
        AssertRel.Close(expected.GetProperty("within").GetProperty("ss").GetDouble(), r.Within.SumOfSquares, tolerance);
        AssertRel.Close(expected.GetProperty("between").GetProperty("F").GetDouble(), r.F, tolerance);
        AssertRel.Close(expected.GetProperty("r_squared").GetDouble(), r.EtaSquared, tolerance);
    }

    private static (List<IReadOnlyList<decimal>> Groups, JsonElement Expected) Load(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Reference", "nist-strd");
        var groups = new SortedDictionary<int, List<decimal>>();
        foreach (string line in File.ReadLines(Path.Combine(dir, "csv", name + ".csv")).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split(',');
            int g = int.Parse(f[0], CultureInfo.InvariantCulture);
            if (!groups.TryGetValue(g, out List<decimal>? list))
            {
                groups[g] = list = [];
            }

            list.Add(decimal.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "certified", name + ".json")));
        return (groups.Values.Select(l => (IReadOnlyList<decimal>)l).ToList(), doc.RootElement.GetProperty("expected").Clone());
    }
}
