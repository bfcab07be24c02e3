using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trinn.Cli.Tests.Stats;

/// <summary>
/// <c>rm_anova_mixed</c> and <c>linear_mixed_model</c> through <c>trinn stats run</c> and the friendly commands, with the
/// contract's keys, the missing-data rules and R's values (the R commands are beside each value and in
/// tests/Trinn.Statistics.Tests/MixedRepeatedMeasuresAnovaTests.cs and LinearMixedModelTests.cs).
/// </summary>
public sealed class StatsMixedTests : IDisposable
{
    // The data of MixedRepeatedMeasuresAnovaTests (15 subjects in groups of 5, 4, 6), columns out of order, plus subject 16
    // without t12 and subject 17 without a group: both excluded listwise.
    private const string MixedCsv = """
        t3,id,group,t0,t12,t18
        12,1,1,10,15,14
        11,2,1,9,11,13
        15,3,1,12,18,17
        8,4,1,8,10,12
        14,5,1,11,13,16
        13,6,2,10,16,15
        10,7,2,7,12,11
        12,8,2,12,15,18
        12,9,2,9,14,16
        11,10,3,11,12,12
        12,11,3,13,14,13
        10,12,3,10,11,13
        11,13,3,9,10,12
        13,14,3,12,13,15
        13,15,3,14,15,16
        12,16,2,10,,13
        12,17,,10,11,13

        """;

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private JsonElement Mixed() => cli.Request($$$"""
        {"analysis": "rm_anova_mixed", "data": "{{{cli.File("mixed.csv", MixedCsv)}}}",
         "input": {"subject_column": "id", "between_column": "group", "within_factor": "time", "levels": ["t0", "t3", "t12", "t18"]}}
        """);

    [Fact]
    public void Run_RmAnovaMixed_MatchesCarAndHasContractKeys()
    {
        JsonElement r = Mixed();

        Assert.Equal(15, r.GetProperty("n_subjects_used").GetInt32());
        Assert.Equal(2, r.GetProperty("n_excluded").GetInt32());
        Assert.Equal(17, r.GetProperty("n_rows").GetInt32());
        JsonElement d = r.GetProperty("descriptives");
        Assert.Equal(12, d.GetArrayLength());
        Assert.Equal(3, d[8].GetProperty("group").GetInt32());
        Assert.Equal("t0", d[8].GetProperty("level").GetString());
        // mean(Y[grp==3, 1]) = 11.5, sd 1.8708286933869707
        CliRunner.Close(11.5, d[8].GetProperty("mean"), 1e-15);
        CliRunner.Close(1.8708286933869707, d[8].GetProperty("sd"), 1e-14);

        JsonElement sa = r.GetProperty("within_subjects_effects").GetProperty("sphericity_assumed");
        // s$univariate.tests: time F 48.656983514126338, grp:time F 4.2917611489040057, p 0.0023144858847126432
        CliRunner.Close(48.656983514126338, sa.GetProperty("time").GetProperty("F"), 1e-12);
        CliRunner.Close(4.2917611489040057, sa.GetProperty("time_by_group").GetProperty("F"), 1e-12);
        CliRunner.Close(0.0023144858847126432, sa.GetProperty("time_by_group").GetProperty("p"), 1e-9);
        CliRunner.Close(33.074999999999996, sa.GetProperty("error").GetProperty("ss"), 1e-12);
        // s$pval.adjustments: GG p(grp:time) 0.0049357099182494773
        CliRunner.Close(0.0049357099182494773, r.GetProperty("within_subjects_effects").GetProperty("greenhouse_geisser").GetProperty("time_by_group").GetProperty("p"), 1e-9);
        JsonElement eps = r.GetProperty("epsilon");
        CliRunner.Close(0.81660303803208645, eps.GetProperty("greenhouse_geisser"), 1e-12);
        Assert.Equal(1, eps.GetProperty("huynh_feldt").GetDouble());
        CliRunner.Close(1.2127903035854948, eps.GetProperty("huynh_feldt_uncapped"), 1e-12);
        CliRunner.Close(1.0417773787574887, eps.GetProperty("huynh_feldt_lecoutre"), 1e-12);
        CliRunner.Close(1.0 / 3, eps.GetProperty("lower_bound"), 1e-15);
        // s$sphericity.tests: W 0.689689580341403, p (R) 0.55327762788669821
        CliRunner.Close(0.68968958034140315, r.GetProperty("mauchly").GetProperty("W"), 1e-12);
        CliRunner.Close(0.55327762788669821, r.GetProperty("mauchly").GetProperty("p_R_car_as_implemented"), 1e-10);
        // s$univariate.tests["grp", ]: F 0.037141897403906159, p 0.96364972174047592; error SS 173.6583333333333 on 12 df
        JsonElement between = r.GetProperty("between_subjects");
        CliRunner.Close(0.037141897403906159, between.GetProperty("group").GetProperty("F"), 1e-12);
        CliRunner.Close(0.96364972174047592, between.GetProperty("group").GetProperty("p"), 1e-10);
        CliRunner.Close(173.6583333333333, between.GetProperty("error").GetProperty("ss"), 1e-12);
        Assert.Equal(12, between.GetProperty("error").GetProperty("df").GetDouble());
        // stats:::Wilks(eig, 2, 12) for grp:time: 0.17713856768670549, F 4.5866119452099054 on (6, 20)
        JsonElement wilks = r.GetProperty("multivariate").GetProperty("time_by_group").GetProperty("wilks_lambda");
        CliRunner.Close(0.17713856768670549, wilks.GetProperty("value"), 1e-12);
        CliRunner.Close(4.5866119452099054, wilks.GetProperty("F"), 1e-12);
        Assert.Equal(6, wilks.GetProperty("hypothesis_df").GetDouble());
        Assert.Equal(20, wilks.GetProperty("error_df").GetDouble());
        CliRunner.Close(0.0044015656877779618, wilks.GetProperty("p"), 1e-10);
        foreach (string test in new[] { "pillai_trace", "wilks_lambda", "hotelling_trace", "roy_largest_root" })
        {
            Assert.Equal(JsonValueKind.Number, r.GetProperty("multivariate").GetProperty("time").GetProperty(test).GetProperty("F").ValueKind);
        }
    }

    [Fact]
    public void RmAnovaMixed_Friendly_SameAsRun()
    {
        JsonElement run = Mixed();
        JsonElement friendly = CliRunner.RunJson("rm-anova-mixed", "--input", cli.File("mixed.csv", MixedCsv), "--levels", "t0,t3,t12,t18", "--group", "group", "--subject", "id");
        Assert.Equal(run.GetRawText(), friendly.GetRawText());
    }

    [Fact]
    public void RmAnovaMixed_OneGroup_ExitsTwoWithMessage()
    {
        string csv = cli.File("one.csv", "id,g,a,b\n1,1,2,3\n2,1,3,5\n3,1,4,4\n");
        (int exit, _, string stderr) = CliRunner.Run("rm-anova-mixed", "--input", csv, "--levels", "a,b", "--group", "g");
        Assert.Equal(2, exit);
        Assert.Contains("at least 2 groups", stderr, StringComparison.Ordinal);
    }

    // LinearMixedModelTests' data in long format with text subject ids, plus a row without an outcome (dropped).
    private static string LongCsv()
    {
        var sb = new StringBuilder("subject,wave,arm,score\n");
        (int Id, int Time, int Group, string Y)[] rows =
        [
            (1, 0, 1, "3.1"), (1, 3, 1, "3.4"), (1, 12, 1, "3.9"), (1, 18, 1, "4.0"),
            (2, 0, 1, "2.5"), (2, 3, 1, "2.9"), (2, 12, 1, "3.1"), (2, 18, 1, "3.6"),
            (3, 0, 1, "4.0"), (3, 3, 1, "4.1"), (3, 12, 1, "4.6"), (3, 18, 1, ""),
            (4, 0, 1, "3.3"), (4, 3, 1, "3.2"), (4, 12, 1, "3.8"), (4, 18, 1, "4.1"),
            (5, 0, 1, "2.8"), (5, 3, 1, "3.5"),
            (6, 0, 2, "3.0"), (6, 3, 2, "3.9"), (6, 12, 2, "4.5"), (6, 18, 2, "4.9"),
            (7, 0, 2, "2.2"), (7, 3, 2, "3.1"), (7, 12, 2, "3.8"), (7, 18, 2, "4.4"),
            (8, 0, 2, "3.6"), (8, 3, 2, "4.0"), (8, 18, 2, "5.1"),
            (9, 0, 2, "2.9"), (9, 3, 2, "3.3"), (9, 12, 2, "4.2"), (9, 18, 2, "4.6"),
            (10, 0, 2, "3.4"), (10, 3, 2, "4.1"), (10, 12, 2, "4.4"), (10, 18, 2, "5.2"),
            (11, 0, 2, "3.1"),
            (12, 0, 2, "2.7"), (12, 3, 2, "3.6"), (12, 12, 2, "4.0"), (12, 18, 2, "4.7"),
        ];
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"P{r.Id:00},{r.Time},{r.Group},{r.Y}\n");
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("REML", 0.67975942713361159, 0.14844283464609284, 0.16146186495575515, 0.024127275652902406, -7.1664924592955792, 49.298060533255963)]
    [InlineData("ML", 0.67966193649890783, 0.13230435466593157, 0.13444051398882204, 0.019160870575266553, 3.9312966895467447, 29.273127287949592)]
    public void Run_LinearMixedModel_MatchesExactProfile(string method, double time12, double seLast, double tau2, double sigma2, double logLik, double bic)
    {
        string csv = cli.File("long.csv", LongCsv());
        JsonElement r = cli.Request($$$"""
            {"analysis": "linear_mixed_model", "data": "{{{csv}}}",
             "input": {"subject_column": "subject", "time_column": "wave", "outcome_column": "score", "group_column": "arm", "method": "{{{method}}}"}}
            """);

        Assert.Equal(42, r.GetProperty("n_rows").GetInt32());
        Assert.Equal(41, r.GetProperty("n_observations").GetInt32());
        Assert.Equal(1, r.GetProperty("n_excluded_rows").GetInt32());
        Assert.Equal(12, r.GetProperty("n_subjects").GetInt32());
        JsonElement fe = r.GetProperty("fixed_effects");
        Assert.Equal(["(Intercept)", "time=3", "time=12", "time=18", "group=2", "time=3:group=2", "time=12:group=2", "time=18:group=2"], fe.EnumerateArray().Select(f => f.GetProperty("term").GetString()));
        // exact_lmm (LinearMixedModelTests): estimate of time=12, SE of time=18:group=2, tau2, sigma2, logLik, BIC
        CliRunner.Close(time12, fe[2].GetProperty("estimate"), 1e-9);
        CliRunner.Close(seLast, fe[7].GetProperty("se"), 1e-9);
        Assert.Equal(10, fe[4].GetProperty("df").GetDouble());
        Assert.Equal(23, fe[0].GetProperty("df").GetDouble());
        JsonElement vc = r.GetProperty("variance_components");
        CliRunner.Close(tau2, vc.GetProperty("subject_intercept_variance"), 1e-9);
        CliRunner.Close(sigma2, vc.GetProperty("residual_variance"), 1e-9);
        CliRunner.Close(logLik, r.GetProperty("log_likelihood"), 1e-12);
        CliRunner.Close(bic, r.GetProperty("bic"), 1e-12);
        Assert.Equal(JsonValueKind.Number, r.GetProperty("aic").ValueKind);
    }

    [Fact]
    public void MixedModel_Friendly_SameAsRun()
    {
        string csv = cli.File("long.csv", LongCsv());
        JsonElement run = cli.Request($$$"""{"analysis": "linear_mixed_model", "data": "{{{csv}}}", "input": {"subject_column": "subject", "time_column": "wave", "outcome_column": "score", "method": "REML"}}""");
        JsonElement friendly = CliRunner.RunJson("mixed-model", "--input", csv, "--subject", "subject", "--time", "wave", "--outcome", "score");
        Assert.Equal(run.GetRawText(), friendly.GetRawText());
        // Without the group: exact_lmm(d$y, model.matrix(~ factor(time), d), d$id, TRUE): intercept 3.0500000000000012
        CliRunner.Close(3.0500000000000012, friendly.GetProperty("fixed_effects")[0].GetProperty("estimate"), 1e-9);
        // anova(lme(y ~ factor(time), random = ~1|id, data = d)): factor(time) F-value 72.757026295313239 on 3 and 26 df
        // (Reference/r/lmm_wald.R); the estimated mean at 18 months and its SE from the exact optimum
        JsonElement test = friendly.GetProperty("time_test");
        CliRunner.Close(72.757026295313239, test.GetProperty("F"), 1e-8);
        Assert.Equal(26, test.GetProperty("df2").GetDouble());
        JsonElement last = friendly.GetProperty("estimated_means")[3];
        Assert.Equal(18, last.GetProperty("time").GetInt32());
        CliRunner.Close(4.5676729507565828, last.GetProperty("estimate"), 1e-9);
        CliRunner.Close(0.14336373531453689, last.GetProperty("se"), 1e-8);
    }

    [Fact]
    public void MixedModel_UnknownMethod_ExitsTwo()
    {
        string csv = cli.File("long.csv", LongCsv());
        (int exit, _, string stderr) = CliRunner.Run("mixed-model", "--input", csv, "--subject", "subject", "--time", "wave", "--outcome", "score", "--method", "Bayes");
        Assert.Equal(2, exit);
        Assert.Contains("Bayes", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RmAnova_StreamedFile_ReportsExcludedIdsAndNamesBadCell()
    {
        // CRLF, a byte-order mark and a blank line: the streamed reader follows CsvTable's rules.
        string csv = cli.File("rm.csv", "\uFEFFid,t0,t3\r\n1,10,12\r\n\r\n2,9,11\r\n3,12,\r\n4,8,8\r\nx5,11,14\r\n");
        JsonElement r = CliRunner.RunJson("rm-anova", "--input", csv, "--levels", "t0,t3", "--subject", "id");
        Assert.Equal(4, r.GetProperty("n_subjects_used").GetInt32());
        Assert.Equal(5, r.GetProperty("n_rows").GetInt32());
        Assert.Equal(3, r.GetProperty("excluded_subjects")[0].GetInt32());

        string bad = cli.File("bad.csv", "id,t0,t3\n1,10,12\n2,9,1l\n");
        (int exit, _, string stderr) = CliRunner.Run("rm-anova", "--input", bad, "--levels", "t0,t3");
        Assert.Equal(2, exit);
        Assert.Contains("line 3, column 't3': '1l' is not a number.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("paired", "44", "0.9", 0.90003059333152513)]
    [InlineData("independent", "64", "0.8", 0.80145955792232704)]
    public void PowerT_APrioriAndPostHoc_MatchGPowerAndR(string test, string n, string target, double power)
    {
        // G*Power 3.1 (two tails, d = 0.5, α = 0.05): 44 pairs for power 0.90; 64 per group for power 0.80.
        // tc <- qt(.975, df); pt(tc, df, ncp=δ, lower.tail=FALSE) + pt(-tc, df, ncp=δ): paired n = 44 (δ = 0.5·√44)
        // 0.90003059333152513; independent n = 64 per group (δ = 0.5·√32) 0.80145955792232704
        JsonElement a = CliRunner.RunJson("power-t", "--test", test, "--d", "0.5", "--alpha", "0.05", "--power", target);
        Assert.Equal(n, test == "paired" ? a.GetProperty("total_N").GetRawText() : a.GetProperty("n_per_group").GetRawText());
        CliRunner.Close(power, a.GetProperty("actual_power"), 1e-9);

        JsonElement p = CliRunner.RunJson("power-t", "--test", test, "--d", "0.5", "--alpha", "0.05", "--n", n);
        CliRunner.Close(power, p.GetProperty("power"), 1e-9);
    }

    [Fact]
    public void PowerT_UnknownTest_ExitsTwo()
    {
        (int exit, _, string stderr) = CliRunner.Run("power-t", "--test", "welch", "--d", "0.5", "--alpha", "0.05", "--power", "0.8");
        Assert.Equal(2, exit);
        Assert.Contains("welch", stderr, StringComparison.Ordinal);
    }
}
