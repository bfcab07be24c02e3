using Trinn.Core.Research;
using Trinn.Statistics.Inference;
using static Trinn.Web.Features.Research.StatFormat;

namespace Trinn.Web.Features.Research;

/// <summary>Marker type for the study analysis page's texts (Resources/Features/Research/StudyAnalysisResource.resx).</summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class StudyAnalysisResource;
#pragma warning restore CA1812

/// <summary>
/// APA sentences for the study analyses, in the same Norwegian style as the upload page (<see cref="ApaSentences"/>):
/// decimal comma, p without a leading zero, significance at p ≤ ,05. Nothing is said about a hidden row.
/// </summary>
internal static class StudyAnalysisText
{
    /// <summary>"Arbeidsevne (0–10, 0 er …)" → "arbeidsevne": the label up to its scale note, lower-cased unless it starts with an acronym.</summary>
    public static string Short(string label)
    {
        var cut = label.IndexOf(" (", StringComparison.Ordinal);
        var text = cut > 0 ? label[..cut] : label;
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>One sentence per shown t test: Student's row, or Welch's when Levene's test is significant (as the upload page).</summary>
    public static IReadOnlyList<string> Table2(StudyTable2 table, IStringLocalizer t, IStringLocalizer r)
    {
        var sentences = new List<string>();
        foreach (var test in table.TTests.Where(x => !x.Hidden && x.Result is not null))
        {
            var res = test.Result!;
            var welch = res.LeveneMeanCentered.P is <= ApaSentences.Alpha;
            var row = welch ? res.EqualVariancesNotAssumed : res.EqualVariancesAssumed;
            var significant = row.PTwoSided is <= ApaSentences.Alpha;
            var name = Short(test.Construct.Label);
            object[] args =
            [
                significant ? Capital(name) : name,
                table.Groups[0].Label, test.N1, Number(res.Group1.Mean), Number(res.Group1.StandardDeviation),
                table.Groups[1].Label, test.N2, Number(res.Group2.Mean), Number(res.Group2.StandardDeviation),
                Df(row.Df), Number(row.T), PEquals(row.PTwoSided), Number(res.CohenD),
                Number(row.CiLower), Number(row.CiUpper),
                r[row.MeanDifference is < 0 ? "Apa_Lower" : "Apa_Higher"].Value,
                table.GroupItem?.Label ?? "",
            ];
            var key = (table.GroupItem is null ? "Apa_TTeam_" : "Apa_TItem_") + (significant ? "Significant" : "NotSignificant");
            sentences.Add(t[key, args] + (welch ? " " + r["Apa_IndependentT_Welch"] : ""));
        }

        return sentences;
    }

    /// <summary>The report's sentence for a repeated-measures row (the multivariate test), or null when the row is hidden or failed.</summary>
    public static string? Anova(ChangeRow row, IStringLocalizer r)
    {
        if (row.Hidden || row.Result is not { } result)
        {
            return null;
        }

        var w = result.WilksLambda;
        return r[w.P is <= ApaSentences.Alpha ? "Apa_Rm_Significant" : "Apa_Rm_NotSignificant",
            r["Apa_Rm_On", Short(row.Construct.Label)], Number(w.Value), DfPair(w.HypothesisDf, w.ErrorDf), Number(w.F), PEquals(w.P), Number(w.PartialEtaSquared)];
    }

    /// <summary>The mixed model's test of time (Wald F, nlme's df), or null when it is hidden or could not be fitted.</summary>
    public static string? Mixed(ChangeComparison change, IStringLocalizer t)
    {
        if (change.Mixed.Hidden || change.Mixed.Result?.TimeTest is not { } test)
        {
            return null;
        }

        return t[test.P is <= ApaSentences.Alpha ? "Apa_Mixed_Significant" : "Apa_Mixed_NotSignificant",
            Short(change.Construct.Label), DfPair(test.Df1, test.Df2), Number(test.F), PEquals(test.P), change.Mixed.Participants, change.Mixed.Observations];
    }

    /// <summary>The estimated wave mean of the mixed model at one offset, or null.</summary>
    public static EstimatedMean? MeanAt(LinearMixedModelResult? fit, int offset) => fit?.EstimatedMeans.FirstOrDefault(m => m.Time == offset);
}
