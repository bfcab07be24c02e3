using System.Text.Json.Nodes;
using Trinn.Statistics.Inference;
using static Trinn.Statistics.Contract.Json;

namespace Trinn.Statistics.Contract;

internal static partial class ContractResults
{
    public static JsonObject OneWay(IColumnSource data, string groupColumn, string valueColumn)
    {
        IReadOnlyList<decimal?> g = data.Column(groupColumn);
        IReadOnlyList<decimal?> v = data.Column(valueColumn);
        var groups = new SortedDictionary<decimal, List<decimal>>();
        int excluded = 0;
        for (int i = 0; i < g.Count; i++)
        {
            if (g[i] is { } code && v[i] is { } value)
            {
                if (!groups.TryGetValue(code, out List<decimal>? list))
                {
                    groups[code] = list = [];
                }

                list.Add(value);
            }
            else
            {
                excluded++;
            }
        }

        if (groups.Count == 0)
        {
            throw new StatsRequestException("No case has both a group and a value.");
        }

        decimal[] codes = [.. groups.Keys];
        OneWayAnovaResult r = OneWayAnova.Fit(groups.Values.Select(l => (IReadOnlyList<decimal>)l).ToList());
        return Obj(
            ("n_used", r.Groups.Sum(x => x.N)),
            ("n_excluded", excluded),
            ("n_rows", data.RowCount),
            ("groups", Array(r.Groups.Select(x => (JsonNode?)Obj(
                ("group", Code(codes[x.Index])),
                ("n", x.N),
                ("mean", Num(x.Mean)),
                ("sd", Num(x.StandardDeviation)),
                ("se_mean", Num(x.StandardErrorOfMean)),
                ("min", Num(x.Minimum)),
                ("max", Num(x.Maximum)))))),
            ("between", Obj(("ss", Num(r.Between.SumOfSquares)), ("df", Num(r.Between.Df)), ("ms", Num(r.Between.MeanSquare)), ("F", Num(r.F)), ("p", Num(r.P)))),
            ("within", Obj(("ss", Num(r.Within.SumOfSquares)), ("df", Num(r.Within.Df)), ("ms", Num(r.Within.MeanSquare)))),
            ("total", Obj(("ss", Num(r.Total.SumOfSquares)), ("df", Num(r.Total.Df)))),
            ("eta_squared", Num(r.EtaSquared)),
            ("r_squared", Num(r.EtaSquared)),
            ("residual_sd", Num(r.ResidualStandardDeviation)),
            ("omega_squared", Num(r.OmegaSquared)),
            ("levene_mean_centered", FTestObject(r.LeveneMeanCentered)),
            ("welch", r.Welch is null ? null : FTestObject(r.Welch)),
            ("post_hoc", Array(r.PostHoc.Select(c => (JsonNode?)Obj(
                ("group_i", Code(codes[c.GroupI])),
                ("group_j", Code(codes[c.GroupJ])),
                ("mean_difference", Num(c.MeanDifference)),
                ("se", Num(c.StandardError)),
                ("p_lsd", Num(c.PLsd)),
                ("p_bonferroni", Num(c.PBonferroni)),
                ("ci95_bonferroni_lower", Num(c.CiBonferroniLower)),
                ("ci95_bonferroni_upper", Num(c.CiBonferroniUpper)),
                ("p_tukey", Num(c.PTukey)),
                ("ci95_tukey_lower", Num(c.CiTukeyLower)),
                ("ci95_tukey_upper", Num(c.CiTukeyUpper)))))));
    }

    public static JsonObject Crosstabs(IColumnSource data, string rowVariable, string columnVariable)
    {
        IReadOnlyList<decimal?> rv = data.Column(rowVariable);
        IReadOnlyList<decimal?> cv = data.Column(columnVariable);
        var pairs = new List<(decimal R, decimal C)>();
        for (int i = 0; i < rv.Count; i++)
        {
            if (rv[i] is { } a && cv[i] is { } b)
            {
                pairs.Add((a, b));
            }
        }

        if (pairs.Count == 0)
        {
            throw new StatsRequestException("No case has values on both variables.");
        }

        decimal[] rows = [.. pairs.Select(p => p.R).Distinct().Order()];
        decimal[] cols = [.. pairs.Select(p => p.C).Distinct().Order()];
        var observed = new int[rows.Length, cols.Length];
        foreach ((decimal r, decimal c) in pairs)
        {
            observed[System.Array.IndexOf(rows, r), System.Array.IndexOf(cols, c)]++;
        }

        CrosstabsResult x = Inference.Crosstabs.Analyze(observed, rows.Select(v => (double)v).ToArray(), cols.Select(v => (double)v).ToArray());
        static JsonObject? Chi(ChiSquareTest? t) => t is null ? null : Obj(("value", Num(t.Value)), ("df", Num(t.Df)), ("p", Num(t.P)));
        var result = Obj(
            ("n_valid", x.NValid),
            ("n_missing", rv.Count - x.NValid),
            ("n_rows", data.RowCount),
            ("row_values", Array(rows.Select(v => (JsonNode?)Code(v)))),
            ("col_values", Array(cols.Select(v => (JsonNode?)Code(v)))),
            ("observed", Array(x.Observed.Select(r => (JsonNode?)Array(r.Select(o => (JsonNode?)JsonValue.Create(o)))))),
            ("expected", Array(x.Expected.Select(r => (JsonNode?)Array(r.Select(e => Num(e)))))),
            ("pearson_chi_square", Chi(x.PearsonChiSquare)),
            ("likelihood_ratio", Chi(x.LikelihoodRatio)),
            ("linear_by_linear", Chi(x.LinearByLinear)),
            ("phi", Num(x.Phi)),
            ("cramers_v", Num(x.CramersV)),
            ("contingency_coefficient", Num(x.ContingencyCoefficient)),
            ("cells_expected_below_5", x.CellsExpectedBelow5),
            ("min_expected", Num(x.MinExpected)));
        if (x.FisherExact is { } f)
        {
            result["continuity_correction"] = Chi(x.ContinuityCorrection);
            result["fisher_exact"] = Obj(
                ("p_two_sided", Num(f.PTwoSided)),
                ("p_one_sided", Num(f.POneSided)),
                ("p_lower_tail", Num(f.PLowerTail)),
                ("p_upper_tail", Num(f.PUpperTail)),
                ("p_observed_table", Num(f.PObservedTable)));
            result["odds_ratio"] = Obj(("sample", Num(x.OddsRatio?.Sample)), ("ci95_lower", Num(x.OddsRatio?.Ci95Lower)), ("ci95_upper", Num(x.OddsRatio?.Ci95Upper)));
        }

        return result;
    }
}
