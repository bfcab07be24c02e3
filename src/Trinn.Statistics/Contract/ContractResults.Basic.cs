using System.Text.Json.Nodes;
using Trinn.Statistics.Descriptive;
using Trinn.Statistics.Inference;
using Trinn.Statistics.Power;
using Trinn.Statistics.Reliability;
using static Trinn.Statistics.Contract.Json;

namespace Trinn.Statistics.Contract;

/// <summary>Maps library results to the contract's result trees (section 5 of the contract).</summary>
internal static partial class ContractResults
{
    public static JsonObject Descriptives(IColumnSource data, IReadOnlyList<string> variables)
    {
        var vars = new JsonObject();
        foreach (string name in variables)
        {
            IReadOnlyList<decimal?> column = data.Column(name);
            var valid = column.Where(v => v.HasValue).Select(v => v!.Value).ToList();
            DescriptiveSummary s = Descriptive.Descriptives.Summarize(valid);
            vars[name] = Obj(
                ("variable", name),
                ("n_valid", s.N),
                ("n_missing", column.Count - s.N),
                ("mean", Num(s.Mean)),
                ("sd", Num(s.SampleStandardDeviation)),
                ("median", Num(s.Median)),
                ("min", Num(s.Minimum)),
                ("max", Num(s.Maximum)),
                ("variance", Num(s.SampleVariance)),
                ("se_mean", Num(s.StandardErrorOfMean)),
                ("range", Num(s.Range)),
                ("sum", Num(s.Sum)),
                ("mode", Num(s.Mode)),
                ("multiple_modes", Bool(s.MultipleModes)),
                ("skewness", Num(s.SkewnessG1)),
                ("se_skewness", Num(s.SkewnessStandardError)),
                ("kurtosis", Num(s.KurtosisG2)),
                ("se_kurtosis", Num(s.KurtosisStandardError)),
                ("percentile_25", Num(s.Percentile25)),
                ("percentile_50", Num(s.Percentile50)),
                ("percentile_75", Num(s.Percentile75)));
        }

        return Obj(("variables", vars));
    }

    public static JsonObject Frequencies(IColumnSource data, string variable)
    {
        FrequencyTable t = Descriptive.Frequencies.Tabulate(data.Column(variable));
        return Obj(
            ("n_total", t.NTotal),
            ("n_valid", t.NValid),
            ("n_missing", t.NMissing),
            ("rows", Array(t.Rows.Select(r => (JsonNode?)Obj(
                ("value", Code(r.Value)),
                ("frequency", r.Frequency),
                ("percent", Num(r.Percent)),
                ("valid_percent", Num(r.ValidPercent)),
                ("cumulative_percent", Num(r.CumulativePercent)),
                ("percent_display", r.PercentDisplay),
                ("valid_percent_display", r.ValidPercentDisplay),
                ("cumulative_percent_display", r.CumulativePercentDisplay))))),
            ("valid_total", Obj(
                ("frequency", t.NValid),
                ("percent", Num(t.ValidPercentOfTotal)),
                ("percent_display", t.ValidPercentOfTotalDisplay),
                ("valid_percent_display", t.NValid > 0 ? "100.0" : null))),
            ("missing_system", Obj(
                ("frequency", t.NMissing),
                ("percent", Num(t.MissingPercentOfTotal)),
                ("percent_display", t.MissingPercentOfTotalDisplay))),
            ("total", Obj(
                ("frequency", t.NTotal),
                ("percent_display", t.NTotal > 0 ? "100.0" : null))));
    }

    public static JsonObject PairedT(IColumnSource data, string variable1, string variable2, double confidence)
    {
        PairedTTestResult r = TTests.Paired(data.Column(variable1), data.Column(variable2), confidence);
        return Obj(
            ("n_pairs", r.NPairs),
            ("n_excluded", r.NExcluded),
            ("n_rows", data.RowCount),
            ("variable1", Summary(r.First)),
            ("variable2", Summary(r.Second)),
            ("correlation", Obj(("r", Num(r.Correlation)), ("p_two_sided", Num(r.CorrelationPTwoSided)))),
            ("mean_difference", Num(r.Test.MeanDifference)),
            ("sd_difference", Num(r.SdDifference)),
            ("se_difference", Num(r.Test.StandardErrorDifference)),
            ("ci95_lower", Num(r.Test.CiLower)),
            ("ci95_upper", Num(r.Test.CiUpper)),
            ("t", Num(r.Test.T)),
            ("df", Num(r.Test.Df)),
            ("p_two_sided", Num(r.Test.PTwoSided)),
            ("p_one_sided", Num(r.Test.POneSided)),
            ("cohen_d", Num(r.CohenD)));
    }

    public static JsonObject IndependentT(IColumnSource data, string groupColumn, string valueColumn, decimal group1, decimal group2, double confidence)
    {
        IReadOnlyList<decimal?> g = data.Column(groupColumn);
        IReadOnlyList<decimal?> v = data.Column(valueColumn);
        var a = new List<decimal>();
        var b = new List<decimal>();
        int excluded = 0;
        for (int i = 0; i < g.Count; i++)
        {
            if (g[i] is not { } code || v[i] is not { } value)
            {
                excluded++;
            }
            else if (code == group1)
            {
                a.Add(value);
            }
            else if (code == group2)
            {
                b.Add(value);
            }
        }

        if (a.Count == 0 || b.Count == 0)
        {
            throw new StatsRequestException($"Group {(a.Count == 0 ? group1 : group2)} has no cases with a value in '{valueColumn}'.");
        }

        IndependentTTestResult r = TTests.Independent(a, b, confidence);
        JsonObject Group(decimal code, SampleSummary s) => Obj(("code", Code(code)), ("n", s.N), ("mean", Num(s.Mean)), ("sd", Num(s.StandardDeviation)), ("se_mean", Num(s.StandardErrorOfMean)));
        static JsonObject Row(TTestRow t) => Obj(
            ("t", Num(t.T)),
            ("df", Num(t.Df)),
            ("p_two_sided", Num(t.PTwoSided)),
            ("p_one_sided", Num(t.POneSided)),
            ("mean_difference", Num(t.MeanDifference)),
            ("se_difference", Num(t.StandardErrorDifference)),
            ("ci95_lower", Num(t.CiLower)),
            ("ci95_upper", Num(t.CiUpper)));
        return Obj(
            ("n_excluded", excluded),
            ("n_rows", data.RowCount),
            ("group1", Group(group1, r.Group1)),
            ("group2", Group(group2, r.Group2)),
            ("levene_mean_centered", FTestObject(r.LeveneMeanCentered)),
            ("equal_variances_assumed", Row(r.EqualVariancesAssumed)),
            ("equal_variances_not_assumed", Row(r.EqualVariancesNotAssumed)),
            ("effect_size", Obj(
                ("pooled_sd", Num(r.PooledSd)),
                ("cohen_d", Num(r.CohenD)),
                ("hedges_g_approx", Num(r.HedgesGApprox)),
                ("hedges_g_exact", Num(r.HedgesGExact)),
                ("glass_delta_sd_group2", Num(r.GlassDeltaSdGroup2)))));
    }

    public static JsonObject Cronbach(IColumnSource data, IReadOnlyList<string> items)
    {
        var columns = items.Select(data.Column).ToList();
        var cases = Enumerable.Range(0, data.RowCount).Select(i => (IReadOnlyList<decimal?>)columns.Select(c => c[i]).ToArray()).ToList();
        CronbachAlphaResult r = CronbachAlpha.Compute(cases);
        return Obj(
            ("n_used", r.NUsed),
            ("n_excluded", r.ExcludedCases.Count),
            ("n_items", r.NItems),
            ("n_rows", data.RowCount),
            ("alpha", Num(r.Alpha)),
            ("alpha_standardized", Num(r.AlphaStandardized)),
            ("mean_inter_item_correlation", Num(r.MeanInterItemCorrelation)),
            ("scale", Obj(("mean", Num(r.ScaleMean)), ("variance", Num(r.ScaleVariance)), ("sd", Num(Math.Sqrt(r.ScaleVariance))))),
            ("items", Array(r.Items.Select(it => (JsonNode?)Obj(
                ("item", items[it.Item]),
                ("mean", Num(it.Mean)),
                ("sd", Num(it.StandardDeviation)),
                ("n", it.N),
                ("corrected_item_total_correlation", Num(it.CorrectedItemTotalCorrelation)),
                ("alpha_if_deleted", Num(it.AlphaIfDeleted)),
                ("scale_mean_if_deleted", Num(it.ScaleMeanIfDeleted)),
                ("scale_variance_if_deleted", Num(it.ScaleVarianceIfDeleted)),
                ("squared_multiple_correlation", Num(it.SquaredMultipleCorrelation)))))));
    }

    public static JsonObject PowerRmWithin(string mode, JsonObject input)
    {
        double f = RequireNumber(input, "effect_size_f");
        double alpha = RequireNumber(input, "alpha");
        int groups = (int)(OptionalNumber(input, "groups") ?? 1);
        int m = (int)RequireNumber(input, "measurements");
        double rho = RequireNumber(input, "corr_among_rep_measures");
        double eps = OptionalNumber(input, "nonsphericity_epsilon") ?? 1;
        switch (mode)
        {
            case "a_priori":
                RmWithinSampleSize a = PowerAnalysis.RepeatedMeasuresWithinSampleSize(f, alpha, RequireNumber(input, "power"), m, rho, eps, groups);
                return Obj(("total_N", a.TotalN), ("actual_power", Num(a.ActualPower)), ("lambda", Num(a.Lambda)), ("df1", Num(a.Df1)), ("df2", Num(a.Df2)), ("F_critical", Num(a.FCritical)), ("power_at_N_minus_1", Num(a.PowerAtNMinus1)));
            case "post_hoc":
                RmWithinPower p = PowerAnalysis.RepeatedMeasuresWithin(f, alpha, (int)RequireNumber(input, "total_N"), m, rho, eps, groups);
                return Obj(("power", Num(p.Power)), ("lambda", Num(p.Lambda)), ("df1", Num(p.Df1)), ("df2", Num(p.Df2)), ("F_critical", Num(p.FCritical)));
            default:
                throw new StatsRequestException($"Unknown power mode '{mode}' (use a_priori or post_hoc).");
        }
    }

    /// <summary>
    /// G*Power's two-sided t tests: paired ("difference between two dependent means", input <c>effect_size_dz</c>, N = pairs)
    /// and independent with equal groups (input <c>effect_size_d</c>, <c>n_per_group</c>; total N = 2n).
    /// </summary>
    public static JsonObject PowerT(string analysis, string mode, JsonObject input)
    {
        bool paired = analysis == "power_t_paired";
        double d = paired ? OptionalNumber(input, "effect_size_dz") ?? RequireNumber(input, "effect_size_d") : RequireNumber(input, "effect_size_d");
        double alpha = RequireNumber(input, "alpha");
        if (!(d > 0) || double.IsInfinity(d))
        {
            throw new ArgumentOutOfRangeException(nameof(input), "The effect size must be positive.");
        }

        TTestPower At(int n) => paired ? PowerAnalysis.PairedT(d, alpha, n) : PowerAnalysis.IndependentT(d, alpha, n);
        JsonObject Common(TTestPower t) => Obj(
            ("total_N", t.TotalN),
            ("n_per_group", paired ? null : Num(t.TotalN / 2)),
            ("delta", Num(t.NoncentralityDelta)),
            ("df", Num(t.Df)),
            ("t_critical", Num(t.TCritical)));
        switch (mode)
        {
            case "a_priori":
                double target = RequireNumber(input, "power");
                if (!(target > alpha && target < 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(input), "The target power must lie between alpha and 1.");
                }

                TTestPower a = paired ? PowerAnalysis.PairedTSampleSize(d, alpha, target) : PowerAnalysis.IndependentTSampleSize(d, alpha, target);
                int n = paired ? a.TotalN : a.TotalN / 2;
                JsonObject result = Common(a);
                result["actual_power"] = Num(a.Power);
                result["power_at_N_minus_1"] = n > 2 ? Num(At(n - 1).Power) : null;
                return result;
            case "post_hoc":
                double size = RequireNumber(input, paired ? "pairs" : "n_per_group");
                if (size != Math.Floor(size) || size < 2 || size > 1_000_000)
                {
                    throw new ArgumentOutOfRangeException(nameof(input), "N must be a whole number from 2 to 1 000 000.");
                }

                TTestPower p = At((int)size);
                JsonObject post = Common(p);
                post["power"] = Num(p.Power);
                return post;
            default:
                throw new StatsRequestException($"Unknown power mode '{mode}' (use a_priori or post_hoc).");
        }
    }

    private static JsonObject Summary(SampleSummary s) =>
        Obj(("mean", Num(s.Mean)), ("sd", Num(s.StandardDeviation)), ("se_mean", Num(s.StandardErrorOfMean)));

    private static JsonObject FTestObject(FTest t) =>
        Obj(("F", Num(t.F)), ("df1", Num(t.Df1)), ("df2", Num(t.Df2)), ("p", Num(t.P)));
}
