using static Trinn.Web.Features.Research.StatFormat;

namespace Trinn.Web.Features.Research;

/// <summary>
/// Copy-ready result sentences in Norwegian bokmål, APA style as Norwegian theses and reports write it (and as the
/// report does: "Wilks' Λ = 0.26, F(1, 4) = 11.66, p = 0.027"): decimal comma, italics left to the reader's word
/// processor, p without a leading zero (",027", "&lt; ,001"), other statistics with two decimals and a leading zero,
/// df pairs separated by a semicolon when a df has decimals. Significance is p ≤ ,05, the report's level.
/// Descriptive analyses get no sentence.
/// </summary>
internal static class ApaSentences
{
    public const double Alpha = 0.05;

    public static IReadOnlyList<string> For(string analysis, ResultTree r, AnalysisInput input, IStringLocalizer t) => analysis switch
    {
        Analyses.PairedT => [PairedT(r, input, t)],
        Analyses.IndependentT => [IndependentT(r, input, t)],
        Analyses.OneWayAnova => [OneWay(r, input, t)],
        Analyses.RepeatedMeasures => RepeatedMeasures(r, input, t),
        Analyses.Crosstabs => Crosstabs(r, input, t),
        Analyses.Cronbach => [t["Apa_Cronbach", r.Count("n_items"), string.Join(", ", input.Variables), Number(r.Num("alpha")), r.Count("n_used")]],
        _ => [],
    };

    private static bool Significant(double? p) => p is <= Alpha;

    private static string PairedT(ResultTree r, AnalysisInput input, IStringLocalizer t)
    {
        double? p = r.Num("p_two_sided");
        object[] args =
        [
            input.Variable1!, Number(r.Num("variable1/mean")), Number(r.Num("variable1/sd")),
            input.Variable2!, Number(r.Num("variable2/mean")), Number(r.Num("variable2/sd")),
            r.Df("df"), Number(r.Num("t")), PEquals(p), Number(r.Num("cohen_d")),
            Number(r.Num("ci95_lower")), Number(r.Num("ci95_upper")),
            Direction(r.Num("mean_difference"), t),
        ];
        return t[Significant(p) ? "Apa_PairedT_Significant" : "Apa_PairedT_NotSignificant", args];
    }

    private static string IndependentT(ResultTree r, AnalysisInput input, IStringLocalizer t)
    {
        bool welch = Significant(r.Num("levene_mean_centered/p"));
        ResultTree row = r.At(welch ? "equal_variances_not_assumed" : "equal_variances_assumed");
        double? p = row.Num("p_two_sided");
        object[] args =
        [
            input.Value!,
            r.Code("group1/code"), r.Count("group1/n"), Number(r.Num("group1/mean")), Number(r.Num("group1/sd")),
            r.Code("group2/code"), r.Count("group2/n"), Number(r.Num("group2/mean")), Number(r.Num("group2/sd")),
            row.Df("df"), Number(row.Num("t")), PEquals(p), Number(r.Num("effect_size/cohen_d")),
            Number(row.Num("ci95_lower")), Number(row.Num("ci95_upper")),
            Direction(row.Num("mean_difference"), t),
        ];
        string sentence = t[Significant(p) ? "Apa_IndependentT_Significant" : "Apa_IndependentT_NotSignificant", args];
        return welch ? sentence + " " + t["Apa_IndependentT_Welch"] : sentence;
    }

    private static string OneWay(ResultTree r, AnalysisInput input, IStringLocalizer t)
    {
        double? p = r.Num("between/p");
        return t[Significant(p) ? "Apa_OneWay_Significant" : "Apa_OneWay_NotSignificant",
            input.Value!, DfPair(r.Num("between/df"), r.Num("within/df")), Number(r.Num("between/F")), PEquals(p), Number(r.Num("eta_squared"))];
    }

    private static IReadOnlyList<string> RepeatedMeasures(ResultTree r, AnalysisInput input, IStringLocalizer t)
    {
        ResultTree w = r.At("multivariate/wilks_lambda");
        string on = string.IsNullOrWhiteSpace(input.Label) ? "" : t["Apa_Rm_On", input.Label.Trim()];
        string multivariate = t[Significant(w.Num("p")) ? "Apa_Rm_Significant" : "Apa_Rm_NotSignificant",
            on, Number(w.Num("value")), DfPair(w.Num("hypothesis_df"), w.Num("error_df")), Number(w.Num("F")), PEquals(w.Num("p")), Number(w.Num("partial_eta_squared"))];

        // The univariate row SPSS users pick: sphericity assumed unless Mauchly's test rejects it, then Greenhouse–Geisser.
        bool corrected = Significant(r.Num("mauchly/p"));
        ResultTree u = r.At(corrected ? "within_subjects_effects/greenhouse_geisser" : "within_subjects_effects/sphericity_assumed");
        string how = corrected ? t["Apa_Rm_GreenhouseGeisser", Number(u.Num("epsilon"))] : t["Apa_Rm_SphericityAssumed"];
        string univariate = t["Apa_Rm_Univariate", how, DfPair(u.Num("effect/df"), u.Num("error/df")), Number(u.Num("effect/F")), PEquals(u.Num("effect/p")), Number(u.Num("effect/partial_eta_squared"))];
        return [multivariate, univariate];
    }

    private static List<string> Crosstabs(ResultTree r, AnalysisInput input, IStringLocalizer t)
    {
        double? p = r.Num("pearson_chi_square/p");
        var sentences = new List<string>
        {
            t[Significant(p) ? "Apa_Crosstabs_Significant" : "Apa_Crosstabs_NotSignificant",
                input.Variable1!, input.Variable2!, r.Df("pearson_chi_square/df"), r.Count("n_valid"), Number(r.Num("pearson_chi_square/value")), PEquals(p), Number(r.Num("cramers_v"))],
        };
        if (r.Has("fisher_exact/p_two_sided"))
        {
            sentences.Add(t["Apa_Crosstabs_Fisher", PEquals(r.Num("fisher_exact/p_two_sided"))]);
        }

        return sentences;
    }

    private static string Direction(double? difference, IStringLocalizer t) => t[difference is < 0 ? "Apa_Lower" : "Apa_Higher"];
}
