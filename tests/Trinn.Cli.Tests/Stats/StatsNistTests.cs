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
}
