using System.Text.Json;

namespace Trinn.Cli.Tests.Stats;

/// <summary>
/// <c>trinn stats run REQUEST.json</c> per shared/STATS-CONTRACT.md. Expected values are from R (commands in
/// comments), never from this code.
/// </summary>
public sealed class StatsRunTests : IDisposable
{
    private const string RmCsv = """
        t3,id,t0,t12,t18
        12,1,10,15,14
        11,2,9,11,13
        15,3,12,18,17
        8,4,8,10,12
        14,5,11,13,16
        13,6,10,16,15
        10,7,7,12,11
        12,8,12,15,18
        ,9,10,12,13

        """;

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Run_RmAnova_ColumnsInAnyOrder_MatchesCarAnova()
    {
        string csv = cli.File("rm.csv", RmCsv);
        JsonElement r = cli.Request($$$"""
            {"analysis": "rm_anova_oneway_within", "data": "{{{csv}}}",
             "input": {"subject_column": "id", "within_factor": "time", "levels": ["t0", "t3", "t12", "t18"]}}
            """);

        Assert.Equal(8, r.GetProperty("n_subjects_used").GetInt32());
        Assert.Equal(1, r.GetProperty("n_excluded").GetInt32());
        Assert.Equal(9, r.GetProperty("excluded_subjects")[0].GetInt32());
        Assert.Equal("t3", r.GetProperty("descriptives")[1].GetProperty("level").GetString());
        // summary(car::Anova(lm(Y ~ 1), idata=data.frame(time=factor(1:4)), idesign=~time, type="III"), multivariate=TRUE)
        JsonElement sa = r.GetProperty("within_subjects_effects").GetProperty("sphericity_assumed");
        CliRunner.Close(29.060606060606045, sa.GetProperty("effect").GetProperty("F"));
        CliRunner.Close(1.1491739912934434e-07, sa.GetProperty("effect").GetProperty("p"));
        CliRunner.Close(24.750000000000011, sa.GetProperty("error").GetProperty("ss"));
        JsonElement gg = r.GetProperty("within_subjects_effects").GetProperty("greenhouse_geisser");
        CliRunner.Close(0.66120218579235002, gg.GetProperty("epsilon"));
        CliRunner.Close(3 * 0.66120218579235002, gg.GetProperty("effect").GetProperty("df"));
        CliRunner.Close(1.118773271499515e-05, gg.GetProperty("effect").GetProperty("p"));
        CliRunner.Close(0.921568627450981, r.GetProperty("epsilon").GetProperty("huynh_feldt"));
        CliRunner.Close(0.31655396944653275, r.GetProperty("mauchly").GetProperty("W"));
        CliRunner.Close(0.25976119524104874, r.GetProperty("mauchly").GetProperty("p_R_car_as_implemented"));
        // Wilks: 0.01911, F = 85.52977 (3, 5), p = 0.00010219 (car prints these to 5 digits)
        JsonElement wilks = r.GetProperty("multivariate").GetProperty("wilks_lambda");
        CliRunner.Close(0.01911, wilks.GetProperty("value"), 5e-4);
        CliRunner.Close(85.52977, wilks.GetProperty("F"), 1e-6);
        CliRunner.Close(0.00010219, wilks.GetProperty("p"), 1e-4);
        Assert.Equal(5, wilks.GetProperty("error_df").GetDouble());
    }

    [Fact]
    public void Run_RmAnova_TwoLevels_MauchlyPIsNull()
    {
        string csv = cli.File("rm2.csv", "id,a,b\n1,1,2\n2,2,4\n3,3,3\n4,5,9\n");
        JsonElement r = cli.Request($$$"""{"analysis": "rm_anova_oneway_within", "data": "{{{csv}}}", "input": {"subject_column": "id", "levels": ["a", "b"]}}""");
        JsonElement m = r.GetProperty("mauchly");
        Assert.Equal(1, m.GetProperty("W").GetDouble());
        Assert.Equal(0, m.GetProperty("chi_square").GetDouble());
        Assert.Equal(0, m.GetProperty("df").GetDouble());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("p").ValueKind);
    }

    [Fact]
    public void Run_OneWayAnova_HardDecimalsAndMissing_MatchesExactValues()
    {
        // SmLs07-like: 1e12 + {.4,.3,.5} and 1e12 + {.6,.5,.7}: exact between SS = 6·(0.1)² = 0.06, within SS = 0.04.
        string csv = cli.File("a.csv", "value,group\n1000000000000.4,1\n1000000000000.3,1\n1000000000000.5,1\n1000000000000.6,2\n1000000000000.5,2\n1000000000000.7,2\n,2\n5,\n");
        JsonElement r = cli.Request($$$"""{"analysis": "oneway_anova", "data": "{{{csv}}}", "input": {"group_column": "group", "value_column": "value"}}""");

        Assert.Equal(6, r.GetProperty("n_used").GetInt32());
        Assert.Equal(2, r.GetProperty("n_excluded").GetInt32());
        CliRunner.Close(0.06, r.GetProperty("between").GetProperty("ss"), 1e-12);
        CliRunner.Close(0.04, r.GetProperty("within").GetProperty("ss"), 1e-12);
        CliRunner.Close(6, r.GetProperty("between").GetProperty("F"), 1e-12);
        CliRunner.Close(0.6, r.GetProperty("r_squared"), 1e-12);
        CliRunner.Close(0.1, r.GetProperty("residual_sd"), 1e-12);
        Assert.Equal(2, r.GetProperty("groups")[1].GetProperty("group").GetInt32());
        Assert.Equal(JsonValueKind.Object, r.GetProperty("levene_mean_centered").ValueKind);
    }

    [Fact]
    public void Run_IndependentT_MatchesRTTest()
    {
        string csv = cli.File("t.csv", "g,v\n1,4.1\n1,5.3\n1,6.2\n1,5.5\n1,4.8\n1,6.9\n2,7.2\n2,6.8\n2,8.1\n2,7.7\n2,6.5\n2,9.0\n2,7.9\n3,5.0\n2,\n");
        JsonElement r = cli.Request($$$"""{"analysis": "t_test_independent", "data": "{{{csv}}}", "input": {"group_column": "g", "value_column": "v", "group1": 1, "group2": 2, "confidence": 0.95}}""");

        Assert.Equal(1, r.GetProperty("n_excluded").GetInt32());
        Assert.Equal(7, r.GetProperty("group2").GetProperty("n").GetInt32());
        // t.test(x, y, var.equal=TRUE) and t.test(x, y)
        JsonElement eq = r.GetProperty("equal_variances_assumed");
        CliRunner.Close(-4.1807955233612927870, eq.GetProperty("t"));
        CliRunner.Close(0.0015344910015528356, eq.GetProperty("p_two_sided"));
        CliRunner.Close(-3.2564294000886953029, eq.GetProperty("ci95_lower"));
        JsonElement welch = r.GetProperty("equal_variances_not_assumed");
        CliRunner.Close(9.9628447122573131622, welch.GetProperty("df"));
        CliRunner.Close(0.0020726659300925707, welch.GetProperty("p_two_sided"));
        // car::leveneTest(..., center=mean)
        CliRunner.Close(0.068679576606019518, r.GetProperty("levene_mean_centered").GetProperty("F"));
        Assert.True(r.GetProperty("effect_size").GetProperty("cohen_d").GetDouble() < 0);
    }

    [Fact]
    public void Run_PairedT_DropsIncompletePairs()
    {
        string csv = cli.File("p.csv", "a,b\n10,12\n9,11\n12,15\n8,8\n11,14\n10,13\n7,10\n12,12\n10,\n");
        JsonElement r = cli.Request($$$"""{"analysis": "t_test_paired", "data": "{{{csv}}}", "input": {"variable1": "a", "variable2": "b", "confidence": 0.95}}""");

        Assert.Equal(8, r.GetProperty("n_pairs").GetInt32());
        Assert.Equal(1, r.GetProperty("n_excluded").GetInt32());
        // t.test(a, b, paired=TRUE)
        CliRunner.Close(-4.3204937989385739, r.GetProperty("t"));
        CliRunner.Close(0.0034780842650027834, r.GetProperty("p_two_sided"));
        CliRunner.Close(-2, r.GetProperty("mean_difference"));
        Assert.Equal(7, r.GetProperty("df").GetDouble());
    }

    [Fact]
    public void Run_Frequencies_DisplayRoundsHalfAwayFromZero()
    {
        // 49 of 400 cases have value 1: 12.25 % → "12.3"; 1 missing.
        string rows = string.Concat(Enumerable.Repeat("1\n", 49)) + string.Concat(Enumerable.Repeat("2\n", 350)) + "\n";
        string csv = cli.File("f.csv", "x\n" + rows);
        JsonElement r = cli.Request($$$"""{"analysis": "frequencies", "data": "{{{csv}}}", "input": {"variable": "x"}}""");

        Assert.Equal(400, r.GetProperty("n_total").GetInt32());
        Assert.Equal(1, r.GetProperty("n_missing").GetInt32());
        JsonElement first = r.GetProperty("rows")[0];
        Assert.Equal(1, first.GetProperty("value").GetDouble());
        Assert.Equal("12.3", first.GetProperty("percent_display").GetString());
        CliRunner.Close(12.25, first.GetProperty("percent"), 1e-15);
        Assert.Equal("12.3", first.GetProperty("valid_percent_display").GetString()); // 49/399 = 12.28 %
        Assert.Equal("100.0", r.GetProperty("rows")[1].GetProperty("cumulative_percent_display").GetString());
        Assert.Equal("0.3", r.GetProperty("missing_system").GetProperty("percent_display").GetString());
    }

    [Fact]
    public void Run_Descriptives_OneValueGivesNullSd()
    {
        string csv = cli.File("d.csv", "a,b\n1,\n2,7\n4,\n");
        JsonElement r = cli.Request($$$"""{"analysis": "descriptives", "data": "{{{csv}}}", "input": {"variables": ["a", "b"]}}""");

        JsonElement b = r.GetProperty("variables").GetProperty("b");
        Assert.Equal(1, b.GetProperty("n_valid").GetInt32());
        Assert.Equal(2, b.GetProperty("n_missing").GetInt32());
        Assert.Equal(JsonValueKind.Null, b.GetProperty("sd").ValueKind);
        Assert.Equal(JsonValueKind.Null, b.GetProperty("skewness").ValueKind);
        CliRunner.Close(7.0 / 3, r.GetProperty("variables").GetProperty("a").GetProperty("mean"));
        CliRunner.Close(Math.Sqrt(7.0 / 3), r.GetProperty("variables").GetProperty("a").GetProperty("sd"));
    }

    [Fact]
    public void Run_Crosstabs_TwoByTwo_MatchesRFisher()
    {
        var lines = new List<string> { "r,c" };
        lines.AddRange(Enumerable.Repeat("1,1", 12));
        lines.AddRange(Enumerable.Repeat("1,2", 5));
        lines.AddRange(Enumerable.Repeat("2,1", 7));
        lines.AddRange(Enumerable.Repeat("2,2", 16));
        lines.Add("2,");
        string csv = cli.File("x.csv", string.Join('\n', lines) + "\n");
        JsonElement r = cli.Request($$$"""{"analysis": "crosstabs", "data": "{{{csv}}}", "input": {"row_variable": "r", "column_variable": "c"}}""");

        Assert.Equal(40, r.GetProperty("n_valid").GetInt32());
        Assert.Equal(1, r.GetProperty("n_missing").GetInt32());
        Assert.Equal(16, r.GetProperty("observed")[1][1].GetInt32());
        // chisq.test(matrix(c(12,5,7,16), 2, byrow=TRUE), correct=FALSE); fisher.test(...)
        CliRunner.Close(6.319891801114041, r.GetProperty("pearson_chi_square").GetProperty("value"));
        CliRunner.Close(0.011939091377912265, r.GetProperty("pearson_chi_square").GetProperty("p"));
        CliRunner.Close(0.023836895850243994, r.GetProperty("fisher_exact").GetProperty("p_two_sided"));
        CliRunner.Close(0.013569231077573676, r.GetProperty("fisher_exact").GetProperty("p_one_sided"));
    }

    [Fact]
    public void Run_Cronbach_MatchesRFormula()
    {
        string csv = cli.File("c.csv", "i1,i2,i3,i4\n4,5,4,3\n3,4,3,3\n5,5,4,4\n2,3,2,1\n4,4,5,4\n3,2,3,2\n5,4,5,5\n1,2,2,1\n4,5,3,4\n3,3,4,3\n2,,3,3\n");
        JsonElement r = cli.Request($$$"""{"analysis": "cronbach_alpha", "data": "{{{csv}}}", "input": {"items": ["i1", "i2", "i3", "i4"]}}""");

        Assert.Equal(10, r.GetProperty("n_used").GetInt32());
        Assert.Equal(1, r.GetProperty("n_excluded").GetInt32());
        // k/(k-1)*(1-sum(diag(cov(X)))/var(rowSums(X)))
        CliRunner.Close(0.9281345565749235, r.GetProperty("alpha"));
        CliRunner.Close(0.94166650564850274, r.GetProperty("items")[0].GetProperty("corrected_item_total_correlation"));
        Assert.Equal("i1", r.GetProperty("items")[0].GetProperty("item").GetString());
    }

    [Fact]
    public void Run_PowerAPriori_ReportCaseGivesN30()
    {
        JsonElement r = cli.Request("""
            {"analysis": "power_rm_within", "mode": "a_priori",
             "input": {"effect_size_f": 0.25, "alpha": 0.05, "groups": 1, "measurements": 4,
                       "corr_among_rep_measures": 0.5, "nonsphericity_epsilon": 1, "power": 0.90}}
            """);

        Assert.Equal(30, r.GetProperty("total_N").GetInt32());
        // Poisson series with pbeta in R (see DistributionsAndPowerTests): 0.90365674551134234
        CliRunner.Close(0.90365674551134234, r.GetProperty("actual_power"), 1e-10);
        CliRunner.Close(2.709402144784006, r.GetProperty("F_critical"), 1e-12);
    }

    [Fact]
    public void Run_PowerPostHoc_GivesPower()
    {
        JsonElement r = cli.Request("""
            {"analysis": "power_rm_within", "mode": "post_hoc",
             "input": {"effect_size_f": 0.25, "alpha": 0.05, "groups": 1, "measurements": 2,
                       "corr_among_rep_measures": 0.5, "nonsphericity_epsilon": 1, "total_N": 30}}
            """);
        CliRunner.Close(0.75396471574379065, r.GetProperty("power"), 1e-10);
    }
}
