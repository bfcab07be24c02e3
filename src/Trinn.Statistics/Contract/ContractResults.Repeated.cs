using System.Text.Json.Nodes;
using Trinn.Statistics.Inference;
using static Trinn.Statistics.Contract.Json;

namespace Trinn.Statistics.Contract;

/// <summary>
/// Repeated-measures analyses read their data row by row (<see cref="IRowSource"/>) and keep only exact sums, so a file of
/// a million subjects needs no more memory than one of ten.
/// </summary>
internal static partial class ContractResults
{
    private static readonly string[] ContrastNames = ["linear", "quadratic", "cubic"];

    public static JsonObject RepeatedMeasures(IColumnSource data, string? subjectColumn, IReadOnlyList<string> levels)
    {
        if (levels.Count < 2)
        {
            throw new StatsRequestException("A repeated-measures ANOVA needs at least 2 levels.");
        }

        var sums = new ExactCrossProducts(levels.Count);
        var row = new decimal[levels.Count];
        var excluded = new List<JsonNode?>();
        int index = 0;
        int rows = RowSources.From(data).ReadRows(levels, subjectColumn, (values, label) =>
        {
            index++;
            if (Complete(values, row))
            {
                sums.Add(row);
            }
            else
            {
                excluded.Add(SubjectId(label, index));
            }
        });
        if (sums.Count < 2)
        {
            throw new StatsRequestException("Need at least 2 subjects with all levels present.");
        }

        RepeatedMeasuresAnovaResult r = RepeatedMeasuresAnova.Fit(sums);

        JsonObject Within(CorrectedWithinTest t) => Obj(
            ("epsilon", Num(t.Epsilon)),
            ("effect", Effect(t)),
            ("error", ErrorRow(t)));

        CorrectedWithinTest intercept = r.BetweenSubjectsIntercept;
        return Obj(
            ("n_subjects_used", r.SubjectsUsed),
            ("n_excluded", excluded.Count),
            ("n_rows", rows),
            ("excluded_subjects", Array(excluded)),
            ("descriptives", Array(r.Levels.Select(l => (JsonNode?)Obj(("level", levels[l.Level]), ("n", l.N), ("mean", Num(l.Mean)), ("sd", Num(l.StandardDeviation)))))),
            ("mauchly", Mauchly(r.Mauchly, full: true)),
            ("epsilon", Obj(
                ("greenhouse_geisser", Num(r.Epsilons.GreenhouseGeisser)),
                ("huynh_feldt", Num(r.Epsilons.HuynhFeldt)),
                ("huynh_feldt_uncapped", Num(r.Epsilons.HuynhFeldtUncapped)),
                ("lower_bound", Num(r.Epsilons.LowerBound)))),
            ("within_subjects_effects", Obj(
                ("sphericity_assumed", Within(r.SphericityAssumed)),
                ("greenhouse_geisser", Within(r.GreenhouseGeisser)),
                ("huynh_feldt", Within(r.HuynhFeldt)),
                ("lower_bound", Within(r.LowerBound)))),
            ("multivariate", Obj(
                ("pillai_trace", Multi(r.PillaiTrace)),
                ("wilks_lambda", Multi(r.WilksLambda)),
                ("hotelling_trace", Multi(r.HotellingTrace)),
                ("roy_largest_root", Multi(r.RoysLargestRoot)),
                ("hotelling_T2", Num(r.HotellingT2)))),
            ("within_contrasts_polynomial", Array(r.PolynomialContrasts.Select(c => (JsonNode?)Obj(
                ("contrast", c.Degree <= 3 ? ContrastNames[c.Degree - 1] : $"order_{c.Degree}"),
                ("ss", Num(c.Ss)),
                ("df", Num(c.Df)),
                ("F", Num(c.F)),
                ("p", Num(c.P)),
                ("partial_eta_squared", Num(c.PartialEtaSquared)),
                ("error_ss", Num(c.ErrorSs)),
                ("error_df", Num(c.ErrorDf)))))),
            ("between_subjects", Obj(
                ("intercept", Effect(intercept)),
                ("error", ErrorRow(intercept)))),
            ("pairwise_bonferroni", Array(r.PairwiseBonferroni.Select(c => (JsonNode?)Obj(
                ("level_i", levels[c.LevelI]),
                ("level_j", levels[c.LevelJ]),
                ("mean_difference", Num(c.MeanDifference)),
                ("se", Num(c.StandardError)),
                ("df", Num(c.Df)),
                ("t", Num(c.T)),
                ("p_unadjusted", Num(c.PUnadjusted)),
                ("p_bonferroni", Num(c.PBonferroni)),
                ("ci95_bonferroni_lower", Num(c.CiBonferroniLower)),
                ("ci95_bonferroni_upper", Num(c.CiBonferroniUpper)))))),
            ("sums", Obj(("ss_total", Num(r.SsTotal)), ("ss_subjects", Num(r.SsSubjects)), ("grand_mean", Num(r.GrandMean)))));
    }

    public static JsonObject MixedRepeatedMeasures(IColumnSource data, string? subjectColumn, string betweenColumn, IReadOnlyList<string> levels)
    {
        if (levels.Count < 2)
        {
            throw new StatsRequestException("A repeated-measures ANOVA needs at least 2 levels.");
        }

        var groups = new SortedDictionary<decimal, ExactCrossProducts>();
        var row = new decimal[levels.Count];
        int excluded = 0;
        int rows = RowSources.From(data).ReadRows([betweenColumn, .. levels], subjectColumn, (values, _) =>
        {
            if (values[0] is { } group && Complete(values[1..], row))
            {
                if (!groups.TryGetValue(group, out ExactCrossProducts? sums))
                {
                    groups[group] = sums = new ExactCrossProducts(levels.Count);
                }

                sums.Add(row);
            }
            else
            {
                excluded++;
            }
        });
        if (groups.Count < 2)
        {
            throw new StatsRequestException($"A mixed design needs at least 2 groups with complete subjects; '{betweenColumn}' has {groups.Count}.");
        }

        decimal[] codes = [.. groups.Keys];
        MixedRepeatedMeasuresAnovaResult r = MixedRepeatedMeasuresAnova.Fit([.. groups.Values]);

        JsonObject Within(MixedWithinTests t) => Obj(
            ("epsilon", Num(t.Time.Epsilon)),
            ("time", Effect(t.Time)),
            ("time_by_group", Effect(t.TimeByGroup)),
            ("error", ErrorRow(t.Time)));
        static JsonObject Four(MultivariateTests t) => Obj(
            ("pillai_trace", Multi(t.PillaiTrace)),
            ("wilks_lambda", Multi(t.WilksLambda)),
            ("hotelling_trace", Multi(t.HotellingTrace)),
            ("roy_largest_root", Multi(t.RoysLargestRoot)));
        static JsonObject Between(BetweenEffect e) => Obj(
            ("ss", Num(e.Ss)), ("df", Num(e.Df)), ("ms", Num(e.Ms)), ("F", Num(e.F)), ("p", Num(e.P)), ("partial_eta_squared", Num(e.PartialEtaSquared)));

        return Obj(
            ("n_subjects_used", r.SubjectsUsed),
            ("n_excluded", excluded),
            ("n_rows", rows),
            ("groups", Array(codes.Select((c, i) => (JsonNode?)Obj(("group", Code(c)), ("n", r.GroupSizes[i]))))),
            ("descriptives", Array(r.Cells.Select(c => (JsonNode?)Obj(
                ("group", Code(codes[c.Group])), ("level", levels[c.Level]), ("n", c.N), ("mean", Num(c.Mean)), ("sd", Num(c.StandardDeviation)))))),
            ("mauchly", Mauchly(r.Mauchly, full: false)),
            ("epsilon", Obj(
                ("greenhouse_geisser", Num(r.Epsilons.GreenhouseGeisser)),
                ("huynh_feldt", Num(r.Epsilons.HuynhFeldt)),
                ("huynh_feldt_uncapped", Num(r.Epsilons.HuynhFeldtUncapped)),
                ("huynh_feldt_lecoutre", Num(r.Epsilons.HuynhFeldtLecoutre)),
                ("lower_bound", Num(r.Epsilons.LowerBound)))),
            ("within_subjects_effects", Obj(
                ("sphericity_assumed", Within(r.SphericityAssumed)),
                ("greenhouse_geisser", Within(r.GreenhouseGeisser)),
                ("huynh_feldt", Within(r.HuynhFeldt)),
                ("lower_bound", Within(r.LowerBound)))),
            ("between_subjects", Obj(
                ("intercept", Between(r.Intercept)),
                ("group", Between(r.Group)),
                ("error", Obj(("ss", Num(r.BetweenErrorSs)), ("df", Num(r.BetweenErrorDf)), ("ms", Num(r.BetweenErrorMs)))))),
            ("multivariate", Obj(
                ("time", Four(r.TimeMultivariate)),
                ("time_by_group", Four(r.TimeByGroupMultivariate)))));
    }

    public static JsonObject LinearMixedModel(IColumnSource data, string subjectColumn, string timeColumn, string outcomeColumn, string? groupColumn, string method)
    {
        LikelihoodMethod how = method.ToUpperInvariant() switch
        {
            "REML" => LikelihoodMethod.Reml,
            "ML" => LikelihoodMethod.MaximumLikelihood,
            _ => throw new StatsRequestException($"Unknown method '{method}' (use REML or ML)."),
        };
        var subjects = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = subjects.GetAlternateLookup<ReadOnlySpan<char>>();
        var observations = new List<LongObservation>();
        int excluded = 0;
        string[] columns = groupColumn is null ? [timeColumn, outcomeColumn] : [timeColumn, outcomeColumn, groupColumn];
        int rows = RowSources.From(data).ReadRows(columns, subjectColumn, (values, label) =>
        {
            if (label.IsEmpty || values[0] is not { } time || values[1] is not { } y || (groupColumn is not null && values[2] is null))
            {
                excluded++;
                return;
            }

            if (!lookup.TryGetValue(label, out int subject))
            {
                subject = subjects.Count;
                lookup[label] = subject;
            }

            observations.Add(new LongObservation(subject, time, groupColumn is null ? null : values[2], y));
        });

        LinearMixedModelResult r = Inference.LinearMixedModel.Fit(observations, groupColumn is not null, how);
        return Obj(
            ("n_rows", rows),
            ("n_observations", r.Observations),
            ("n_excluded_rows", excluded),
            ("n_subjects", r.Subjects),
            ("method", how == LikelihoodMethod.Reml ? "REML" : "ML"),
            ("time_levels", Array(r.TimeLevels.Select(t => (JsonNode?)Code(t)))),
            ("group_levels", Array(r.GroupLevels.Select(t => (JsonNode?)Code(t)))),
            ("fixed_effects", Array(r.FixedEffects.Select(f => (JsonNode?)Obj(
                ("term", f.Term), ("estimate", Num(f.Estimate)), ("se", Num(f.StandardError)), ("df", Num(f.Df)), ("t", Num(f.T)), ("p", Num(f.P)))))),
            ("variance_components", Obj(
                ("subject_intercept_variance", Num(r.SubjectInterceptVariance)),
                ("residual_variance", Num(r.ResidualVariance)),
                ("variance_ratio", Num(r.VarianceRatio)))),
            ("log_likelihood", Num(r.LogLikelihood)),
            ("aic", Num(r.Aic)),
            ("bic", Num(r.Bic)),
            ("estimated_means", Array(r.EstimatedMeans.Select(m => (JsonNode?)Obj(
                ("time", Code(m.Time)), ("group", m.Group is { } g ? Code(g) : null), ("n_observations", m.Observations),
                ("estimate", Num(m.Estimate)), ("se", Num(m.StandardError)))))),
            ("time_test", Wald(r.TimeTest)),
            ("time_by_group_test", Wald(r.TimeByGroupTest)));
    }

    private static JsonObject? Wald(FTest? t) => t is null ? null : Obj(("F", Num(t.F)), ("df1", Num(t.Df1)), ("df2", Num(t.Df2)), ("p", Num(t.P)));

    private static bool Complete(ReadOnlySpan<decimal?> values, decimal[] row)
    {
        for (int j = 0; j < values.Length; j++)
        {
            if (values[j] is not { } v)
            {
                return false;
            }

            row[j] = v;
        }

        return true;
    }

    private static JsonObject Effect(CorrectedWithinTest t) =>
        Obj(("ss", Num(t.EffectSs)), ("df", Num(t.EffectDf)), ("ms", Num(t.EffectMs)), ("F", Num(t.F)), ("p", Num(t.P)), ("partial_eta_squared", Num(t.PartialEtaSquared)));

    private static JsonObject ErrorRow(CorrectedWithinTest t) =>
        Obj(("ss", Num(t.ErrorSs)), ("df", Num(t.ErrorDf)), ("ms", Num(t.ErrorMs)));

    private static JsonObject Multi(MultivariateTest t) => Obj(
        ("value", Num(t.Value)),
        ("F", Num(t.F)),
        ("hypothesis_df", Num(t.HypothesisDf)),
        ("error_df", Num(t.ErrorDf)),
        ("p", Num(t.P)),
        ("partial_eta_squared", Num(t.PartialEtaSquared)));

    private static JsonObject Mauchly(MauchlyTest m, bool full)
    {
        JsonObject o = Obj(
            ("W", Num(m.W)),
            ("chi_square", Num(m.ChiSquare)),
            ("df", Num(m.Df)),
            ("p", Num(m.P)),
            ("p_first_order", Num(m.PFirstOrder)),
            ("p_R_car_as_implemented", Num(m.PRAsImplemented)));
        if (full)
        {
            o["omega2"] = Num(m.Omega2);
            o["rho"] = Num(m.Rho);
        }

        return o;
    }

    private static JsonNode? SubjectId(ReadOnlySpan<char> label, int row)
    {
        if (label.IsEmpty)
        {
            return JsonValue.Create(row);
        }

        return decimal.TryParse(label, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal id) ? Code(id) : JsonValue.Create(label.ToString());
    }
}
