using System.Text.Json;

namespace Trinn.Cli.Tests.Stats;

/// <summary>The friendly commands print the same result objects as <c>run</c>.</summary>
public sealed class StatsFriendlyTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void PowerRm_ReportCase_PrintsN30()
    {
        JsonElement r = CliRunner.RunJson("power-rm", "--f", "0.25", "--alpha", "0.05", "--power", "0.9", "--measurements", "4", "--corr", "0.5");
        Assert.Equal(30, r.GetProperty("total_N").GetInt32());
    }

    [Fact]
    public void PowerRm_WithN_PrintsPostHocPower()
    {
        JsonElement r = CliRunner.RunJson("power-rm", "--f", "0.25", "--alpha", "0.05", "--measurements", "4", "--corr", "0.5", "--n", "29");
        // pw(29, 4) with the Poisson series in R: 0.89233488951466178
        CliRunner.Close(0.89233488951466178, r.GetProperty("power"), 1e-10);
    }

    [Fact]
    public void RmAnova_SameAsRun()
    {
        string csv = cli.File("rm.csv", "id,t0,t3\n1,10,12\n2,9,11\n3,12,15\n4,8,8\n5,11,14\n");
        JsonElement friendly = CliRunner.RunJson("rm-anova", "--input", csv, "--levels", "t0,t3", "--subject", "id");
        JsonElement run = cli.Request($$$"""{"analysis": "rm_anova_oneway_within", "data": "{{{csv}}}", "input": {"subject_column": "id", "levels": ["t0", "t3"]}}""");
        Assert.Equal(run.GetRawText(), friendly.GetRawText());
        // Paired differences −2, −2, −3, 0, −3: mean −2, var 1.5, so F = n·mean²/var = 5·4/1.5 = 40/3 (INSTRUMENTS.md part D)
        CliRunner.Close(40.0 / 3, friendly.GetProperty("multivariate").GetProperty("wilks_lambda").GetProperty("F"), 1e-12);
    }

    [Fact]
    public void TtestInd_DefaultGroups_UsesTwoCodesAscending()
    {
        string csv = cli.File("t.csv", "g,v\n2,7.2\n2,6.8\n1,4.1\n1,5.3\n2,8.1\n1,6.2\n");
        JsonElement r = CliRunner.RunJson("ttest-ind", "--input", csv, "--group", "g", "--value", "v");
        Assert.Equal(1, r.GetProperty("group1").GetProperty("code").GetInt32());
        Assert.Equal(2, r.GetProperty("group2").GetProperty("code").GetInt32());
    }

    [Fact]
    public void Descriptives_Frequencies_Crosstabs_Cronbach_Anova_Paired_Run()
    {
        string csv = cli.File("m.csv", "g,a,b,c\n1,1,2,2\n1,2,2,3\n2,3,4,3\n2,4,5,5\n1,2,1,2\n2,5,4,4\n");
        Assert.Equal(6, CliRunner.RunJson("descriptives", "--input", csv, "--vars", "a,b").GetProperty("variables").GetProperty("a").GetProperty("n_valid").GetInt32());
        Assert.Equal(6, CliRunner.RunJson("frequencies", "--input", csv, "--var", "b").GetProperty("n_total").GetInt32());
        Assert.Equal(2, CliRunner.RunJson("crosstabs", "--input", csv, "--rows", "g", "--cols", "c").GetProperty("row_values").GetArrayLength());
        Assert.Equal(3, CliRunner.RunJson("cronbach", "--input", csv, "--items", "a,b,c").GetProperty("n_items").GetInt32());
        Assert.Equal(2, CliRunner.RunJson("anova", "--input", csv, "--group", "g", "--value", "a").GetProperty("groups").GetArrayLength());
        Assert.Equal(6, CliRunner.RunJson("ttest-paired", "--input", csv, "--var1", "a", "--var2", "b").GetProperty("n_pairs").GetInt32());
    }
}
