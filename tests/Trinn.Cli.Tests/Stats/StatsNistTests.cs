using System.Text.Json;

namespace Trinn.Cli.Tests.Stats;

/// <summary>
/// The whole pipeline (request → CSV parsed as decimal → ANOVA → JSON) on the eleven NIST StRD ANOVA sets,
/// against the certified values (tests/Trinn.Statistics.Tests/Reference/nist-strd, see PROVENANCE.md there).
/// </summary>
public sealed class StatsNistTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Theory]
    [InlineData("SiRstv")]
    [InlineData("SmLs01")]
    [InlineData("SmLs02")]
    [InlineData("SmLs03")]
    [InlineData("AtmWtAg")]
    [InlineData("SmLs04")]
    [InlineData("SmLs05")]
    [InlineData("SmLs06")]
    [InlineData("SmLs07")]
    [InlineData("SmLs08")]
    [InlineData("SmLs09")]
    public void Run_NistDataset_MatchesCertifiedValuesTo1e12(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Reference", "nist-strd");
        string csv = Path.Combine(dir, "csv", name + ".csv");
        using JsonDocument certified = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "certified", name + ".json")));
        JsonElement expected = certified.RootElement.GetProperty("expected");

        JsonElement r = cli.Request($$$"""{"analysis": "oneway_anova", "data": "{{{csv}}}", "input": {"group_column": "group", "value_column": "value"}}""");

        foreach (string part in new[] { "between", "within" })
        {
            foreach (JsonProperty p in expected.GetProperty(part).EnumerateObject())
            {
                CliRunner.Close(p.Value.GetDouble(), r.GetProperty(part).GetProperty(p.Name), 1e-12);
            }
        }

        CliRunner.Close(expected.GetProperty("r_squared").GetDouble(), r.GetProperty("r_squared"), 1e-12);
        CliRunner.Close(expected.GetProperty("residual_sd").GetDouble(), r.GetProperty("residual_sd"), 1e-12);
    }

    /// <summary>
    /// The streamed repeated-measures path on the same sets: the k groups of n values become n subjects × k levels
    /// (subject i = the i-th value of each group; all eleven sets are balanced). Then the level effect SS is NIST's
    /// between SS exactly, and subjects SS + error SS is NIST's within SS.
    /// </summary>
    [Theory]
    [InlineData("SiRstv")]
    [InlineData("SmLs01")]
    [InlineData("SmLs02")]
    [InlineData("SmLs03")]
    [InlineData("AtmWtAg")]
    [InlineData("SmLs04")]
    [InlineData("SmLs05")]
    [InlineData("SmLs06")]
    [InlineData("SmLs07")]
    [InlineData("SmLs08")]
    [InlineData("SmLs09")]
    public void RmAnova_NistGroupsAsLevels_MatchesCertifiedSumsOfSquaresTo1e12(string name)
    {
        (List<List<string>> groups, JsonElement expected) = Nist(name);
        int n = groups[0].Count;
        Assert.All(groups, g => Assert.Equal(n, g.Count));
        var csv = new System.Text.StringBuilder("id," + string.Join(',', groups.Select((_, j) => $"g{j + 1}")) + "\n");
        for (int i = 0; i < n; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1},{string.Join(',', groups.Select(g => g[i]))}\n");
        }

        string levels = string.Join(',', groups.Select((_, j) => $"g{j + 1}"));
        JsonElement r = CliRunner.RunJson("rm-anova", "--input", cli.File(name + "-wide.csv", csv.ToString()), "--levels", levels, "--subject", "id");

        JsonElement effect = r.GetProperty("within_subjects_effects").GetProperty("sphericity_assumed").GetProperty("effect");
        CliRunner.Close(expected.GetProperty("between").GetProperty("ss").GetDouble(), effect.GetProperty("ss"), 1e-12);
        Assert.Equal(expected.GetProperty("between").GetProperty("df").GetDouble(), effect.GetProperty("df").GetDouble());
        double subjects = r.GetProperty("sums").GetProperty("ss_subjects").GetDouble();
        double error = r.GetProperty("within_subjects_effects").GetProperty("sphericity_assumed").GetProperty("error").GetProperty("ss").GetDouble();
        double within = expected.GetProperty("within").GetProperty("ss").GetDouble();
        Assert.True(Math.Abs(subjects + error - within) <= 1e-12 * within, $"subjects {subjects:R} + error {error:R} != within {within:R}");
    }

    /// <summary>
    /// The mixed design's between-subjects table on the same sets: each NIST value x is a subject in its NIST group,
    /// measured twice as x and x + 1 (formed exactly in decimal). The subject totals are 2x + 1, so the group SS and the
    /// error SS are twice NIST's between and within SS and F is NIST's F; the within-subject error is exactly 0.
    /// </summary>
    [Theory]
    [InlineData("SiRstv")]
    [InlineData("SmLs01")]
    [InlineData("SmLs03")]
    [InlineData("AtmWtAg")]
    [InlineData("SmLs06")]
    [InlineData("SmLs07")]
    [InlineData("SmLs08")]
    [InlineData("SmLs09")]
    public void RmAnovaMixed_NistBetweenSubjects_MatchesCertifiedTo1e12(string name)
    {
        (List<List<string>> groups, JsonElement expected) = Nist(name);
        var csv = new System.Text.StringBuilder("id,group,a,b\n");
        int id = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            foreach (string x in groups[g])
            {
                decimal plusOne = decimal.Parse(x, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) + 1;
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{++id},{g + 1},{x},{plusOne}\n");
            }
        }

        JsonElement r = CliRunner.RunJson("rm-anova-mixed", "--input", cli.File(name + "-mixed.csv", csv.ToString()), "--levels", "a,b", "--group", "group");

        JsonElement between = r.GetProperty("between_subjects");
        CliRunner.Close(2 * expected.GetProperty("between").GetProperty("ss").GetDouble(), between.GetProperty("group").GetProperty("ss"), 1e-12);
        Assert.Equal(expected.GetProperty("between").GetProperty("df").GetDouble(), between.GetProperty("group").GetProperty("df").GetDouble());
        CliRunner.Close(expected.GetProperty("between").GetProperty("F").GetDouble(), between.GetProperty("group").GetProperty("F"), 1e-12);
        CliRunner.Close(2 * expected.GetProperty("within").GetProperty("ss").GetDouble(), between.GetProperty("error").GetProperty("ss"), 1e-12);
        CliRunner.Close(expected.GetProperty("r_squared").GetDouble(), between.GetProperty("group").GetProperty("partial_eta_squared"), 1e-12);
        JsonElement within = r.GetProperty("within_subjects_effects").GetProperty("sphericity_assumed");
        Assert.Equal(0, within.GetProperty("error").GetProperty("ss").GetDouble());
        Assert.Equal(JsonValueKind.Null, within.GetProperty("time").GetProperty("F").ValueKind);
    }

    private static (List<List<string>> Groups, JsonElement Expected) Nist(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Reference", "nist-strd");
        var groups = new SortedDictionary<int, List<string>>();
        foreach (string line in File.ReadLines(Path.Combine(dir, "csv", name + ".csv")).Skip(1).Where(l => l.Length > 0))
        {
            string[] f = line.Split(',');
            int g = int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
            if (!groups.TryGetValue(g, out List<string>? list))
            {
                groups[g] = list = [];
            }

            list.Add(f[1].Trim());
        }

        using JsonDocument certified = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "certified", name + ".json")));
        return ([.. groups.Values], certified.RootElement.GetProperty("expected").Clone());
    }
}
