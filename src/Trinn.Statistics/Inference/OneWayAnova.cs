using Trinn.Statistics.Distributions;
using Trinn.Statistics.Internal;

namespace Trinn.Statistics.Inference;

/// <summary>One group of a one-way design (index = position in the input list).</summary>
public sealed record AnovaGroup(int Index, int N, double Mean, double? StandardDeviation, double? StandardErrorOfMean, double Minimum, double Maximum);

/// <summary>A sum-of-squares row: SS, df and MS = SS/df (null when df = 0).</summary>
public sealed record AnovaTerm(double SumOfSquares, double Df, double? MeanSquare);

/// <summary>An F test: statistic, degrees of freedom and upper-tail p (null when undefined).</summary>
public sealed record FTest(double? F, double Df1, double Df2, double? P);

/// <summary>
/// A pairwise comparison after a one-way ANOVA (difference = mean_i − mean_j, i &lt; j): LSD, Bonferroni and
/// Tukey HSD (Tukey–Kramer for unequal n, q = |difference|/√(MS_w/2·(1/nᵢ + 1/nⱼ))).
/// </summary>
public sealed record PostHocComparison(
    int GroupI,
    int GroupJ,
    double MeanDifference,
    double? StandardError,
    double? PLsd,
    double? PBonferroni,
    double? CiBonferroniLower,
    double? CiBonferroniUpper,
    double? PTukey,
    double? CiTukeyLower,
    double? CiTukeyUpper);

/// <summary>Result of a one-way between-subjects ANOVA (SPSS ONEWAY).</summary>
public sealed record OneWayAnovaResult(
    IReadOnlyList<AnovaGroup> Groups,
    AnovaTerm Between,
    AnovaTerm Within,
    AnovaTerm Total,
    double? F,
    double? P,
    double? EtaSquared,
    double? OmegaSquared,
    double? ResidualStandardDeviation,
    FTest LeveneMeanCentered,
    FTest? Welch,
    IReadOnlyList<PostHocComparison> PostHoc);

/// <summary>
/// One-way ANOVA, numerically stable: the decimal overload forms the group and grand means exactly and
/// centres on them before converting to double, which reproduces all eleven NIST StRD ANOVA sets to ≤1e-12.
/// </summary>
public static class OneWayAnova
{
    /// <summary>
    /// Fits a one-way ANOVA to groups of exact decimal values (groups in the order given).
    /// Every group must have at least one value (otherwise <see cref="ArgumentException"/>).
    /// Undefined values are null: F and p when there are fewer than 2 groups, no within df, or the within
    /// SS is 0; η² when the total SS is 0; Welch when a group has n &lt; 2 or zero variance.
    /// </summary>
    public static OneWayAnovaResult Fit(IReadOnlyList<IReadOnlyList<decimal>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        CheckNonEmpty(groups.Select(g => g.Count));
        decimal sum = 0;
        int n = 0;
        foreach (IReadOnlyList<decimal> g in groups)
        {
            foreach (decimal v in g)
            {
                sum += v;
            }

            n += g.Count;
        }

        decimal grand = sum / n;
        var samples = groups.Select(CenteredSample.FromDecimal).ToList();
        double[] offsets = samples.Select(s => (double)(s.ExactMean!.Value - grand)).ToArray();
        return Fit(samples, offsets);
    }

    /// <summary>
    /// Fits a one-way ANOVA to groups of double values. NaN or ±∞ throw <see cref="ArgumentException"/>.
    /// Uses corrected two-pass centring; for data with many significant digits prefer the decimal overload.
    /// </summary>
    public static OneWayAnovaResult Fit(IReadOnlyList<IReadOnlyList<double>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        CheckNonEmpty(groups.Select(g => g.Count));
        var samples = groups.Select(CenteredSample.FromDouble).ToList();
        return Fit(samples, GrandOffsets(samples));
    }

    internal static double[] GrandOffsets(IReadOnlyList<CenteredSample> samples)
    {
        int n = samples.Sum(s => s.Count);
        double grand = samples.Sum(s => s.Count * s.Mean) / n;
        double[] offsets = samples.Select(s => s.Mean - grand).ToArray();
        double correction = samples.Select((s, i) => s.Count * offsets[i]).Sum() / n;
        return offsets.Select(o => o - correction).ToArray();
    }

    private static void CheckNonEmpty(IEnumerable<int> counts)
    {
        if (counts.Any(c => c == 0))
        {
            throw new ArgumentException("Every group needs at least one value.", nameof(counts));
        }
    }

    internal static (AnovaTerm Between, AnovaTerm Within, double? F, double? P) Table(IReadOnlyList<CenteredSample> samples, double[] offsets)
    {
        int k = samples.Count;
        int n = samples.Sum(s => s.Count);
        double ssb = 0;
        double ssw = 0;
        for (int i = 0; i < k; i++)
        {
            ssb += samples[i].Count * offsets[i] * offsets[i];
            ssw += samples[i].SumOfSquares;
        }

        double dfb = k - 1;
        double dfw = n - k;
        double? msb = dfb > 0 ? ssb / dfb : null;
        double? msw = dfw > 0 ? ssw / dfw : null;
        double? f = msb is { } b && msw is { } w && w > 0 ? b / w : null;
        double? p = f is { } fv ? Probability.FUpperTail(fv, dfb, dfw) : null;
        return (new AnovaTerm(ssb, dfb, msb), new AnovaTerm(ssw, dfw, msw), f, p);
    }

    internal static FTest Levene(IReadOnlyList<CenteredSample> samples)
    {
        var absolute = samples.Select(s => CenteredSample.FromDouble(s.Deviations.Select(Math.Abs).ToArray())).ToList();
        (AnovaTerm b, AnovaTerm w, double? f, double? p) = Table(absolute, GrandOffsets(absolute));
        return new FTest(f, b.Df, w.Df, p);
    }

    private static OneWayAnovaResult Fit(List<CenteredSample> samples, double[] offsets)
    {
        int k = samples.Count;
        int n = samples.Sum(s => s.Count);
        (AnovaTerm between, AnovaTerm within, double? f, double? p) = Table(samples, offsets);
        double sst = between.SumOfSquares + within.SumOfSquares;
        var total = new AnovaTerm(sst, n - 1, n > 1 ? sst / (n - 1) : null);
        double? eta = sst > 0 ? between.SumOfSquares / sst : null;
        double? omega = within.MeanSquare is { } msw && sst + msw > 0 ? (between.SumOfSquares - ((k - 1) * msw)) / (sst + msw) : null;
        double? residualSd = within.MeanSquare is { } m ? Math.Sqrt(m) : null;

        var groups = samples.Select((s, i) =>
        {
            double? sd = s.Count > 1 ? Math.Sqrt(s.SumOfSquares / (s.Count - 1)) : null;
            return new AnovaGroup(i, s.Count, s.Mean, sd, sd / Math.Sqrt(s.Count), s.Sorted[0], s.Sorted[^1]);
        }).ToList();

        return new OneWayAnovaResult(groups, between, within, total, f, p, eta, omega, residualSd, Levene(samples), Welch(samples), PostHoc(samples, offsets, within));
    }

    private static FTest? Welch(List<CenteredSample> samples)
    {
        int k = samples.Count;
        if (k < 2 || samples.Any(s => s.Count < 2 || s.SumOfSquares <= 0))
        {
            return null;
        }

        double[] w = samples.Select(s => s.Count / (s.SumOfSquares / (s.Count - 1))).ToArray();
        double sw = w.Sum();
        double shift = samples[0].Mean;
        double mw = samples.Select((s, i) => w[i] * (s.Mean - shift)).Sum() / sw;
        double a = samples.Select((s, i) => w[i] * Math.Pow(s.Mean - shift - mw, 2)).Sum() / (k - 1);
        double tmp = samples.Select((s, i) => Math.Pow(1 - (w[i] / sw), 2) / (s.Count - 1)).Sum();
        double b = 1 + (2.0 * (k - 2) / ((k * k) - 1.0) * tmp);
        double f = a / b;
        double df2 = ((k * k) - 1.0) / (3 * tmp);
        return new FTest(f, k - 1, df2, Probability.FUpperTail(f, k - 1, df2));
    }

    private static List<PostHocComparison> PostHoc(List<CenteredSample> samples, double[] offsets, AnovaTerm within)
    {
        int k = samples.Count;
        int comparisons = k * (k - 1) / 2;
        var list = new List<PostHocComparison>(comparisons);
        double? tCrit = within.Df > 0 && comparisons > 0 ? Probability.StudentTQuantileUpper(0.05 / (2.0 * comparisons), within.Df) : null;
        double? qCrit = within.Df >= 2 && k >= 2 ? StudentizedRange.Quantile(0.95, k, within.Df) : null;
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                double diff = offsets[i] - offsets[j];
                double? se = within.MeanSquare is { } msw ? Math.Sqrt(msw * ((1.0 / samples[i].Count) + (1.0 / samples[j].Count))) : null;
                double? pLsd = se is { } s && s > 0 ? Probability.StudentTTwoSided(diff / s, within.Df) : null;
                double? pBon = pLsd is { } pl ? Math.Min(1, pl * comparisons) : null;
                double? halfWidthQ = se / Math.Sqrt(2) * qCrit;
                double? pTukey = se is { } sq && sq > 0 && within.Df >= 2 ? StudentizedRange.UpperTail(Math.Abs(diff) / (sq / Math.Sqrt(2)), k, within.Df) : null;
                list.Add(new PostHocComparison(i, j, diff, se, pLsd, pBon, diff - (tCrit * se), diff + (tCrit * se), pTukey, diff - halfWidthQ, diff + halfWidthQ));
            }
        }

        return list;
    }
}
