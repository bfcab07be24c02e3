using MathNet.Numerics;
using Trinn.Statistics.Distributions;
using Trinn.Statistics.Internal;

namespace Trinn.Statistics.Inference;

/// <summary>n, mean, SD (n − 1) and SE of one sample; SD and SE are null for n &lt; 2, the mean for n = 0.</summary>
public sealed record SampleSummary(int N, double? Mean, double? StandardDeviation, double? StandardErrorOfMean)
{
    internal static SampleSummary Of(CenteredSample s)
    {
        double? sd = s.Count > 1 ? Math.Sqrt(s.SumOfSquares / (s.Count - 1)) : null;
        return new SampleSummary(s.Count, s.Count > 0 ? s.Mean : null, sd, sd / Math.Sqrt(s.Count));
    }
}

/// <summary>One row of a t test: t, df, p (two-sided and one-sided = two-sided / 2), difference, SE and CI.</summary>
public sealed record TTestRow(double? T, double? Df, double? PTwoSided, double? POneSided, double? MeanDifference, double? StandardErrorDifference, double? CiLower, double? CiUpper);

/// <summary>Paired-samples t test (SPSS T-TEST PAIRS); difference = first − second.</summary>
public sealed record PairedTTestResult(
    int NPairs,
    int NExcluded,
    SampleSummary First,
    SampleSummary Second,
    double? Correlation,
    double? CorrelationPTwoSided,
    double? SdDifference,
    TTestRow Test,
    double? CohenD);

/// <summary>Independent-samples t test (SPSS T-TEST GROUPS); difference = group 1 − group 2.</summary>
public sealed record IndependentTTestResult(
    SampleSummary Group1,
    SampleSummary Group2,
    FTest LeveneMeanCentered,
    TTestRow EqualVariancesAssumed,
    TTestRow EqualVariancesNotAssumed,
    double? PooledSd,
    double? CohenD,
    double? HedgesGApprox,
    double? HedgesGExact,
    double? GlassDeltaSdGroup2);

/// <summary>Student and Welch t tests with SPSS conventions.</summary>
public static class TTests
{
    /// <summary>
    /// Paired t test on exact decimal pairs; a pair with a null on either side is dropped (counted in
    /// <see cref="PairedTTestResult.NExcluded"/>). With fewer than 2 complete pairs, or zero SD of the
    /// differences, t, p, the CI and d are null. Lists of different length throw.
    /// </summary>
    public static PairedTTestResult Paired(IReadOnlyList<decimal?> first, IReadOnlyList<decimal?> second, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException("Both variables need the same number of cases.", nameof(second));
        }

        var x = new List<decimal>();
        var y = new List<decimal>();
        var d = new List<decimal>();
        for (int i = 0; i < first.Count; i++)
        {
            if (first[i] is { } a && second[i] is { } b)
            {
                x.Add(a);
                y.Add(b);
                d.Add(a - b);
            }
        }

        return Paired(CenteredSample.FromDecimal(x), CenteredSample.FromDecimal(y), CenteredSample.FromDecimal(d), first.Count - x.Count, confidence);
    }

    /// <summary>Paired t test on complete double pairs (NaN/±∞ throw; lists must have equal length).</summary>
    public static PairedTTestResult Paired(IReadOnlyList<double> first, IReadOnlyList<double> second, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException("Both variables need the same number of cases.", nameof(second));
        }

        double[] d = first.Select((v, i) => v - second[i]).ToArray();
        return Paired(CenteredSample.FromDouble(first), CenteredSample.FromDouble(second), CenteredSample.FromDouble(d), 0, confidence);
    }

    /// <summary>
    /// Independent-samples t test on exact decimals: Student (pooled variance) and Welch–Satterthwaite, with
    /// Levene's mean-centred test and effect sizes. Each group needs at least 2 values for the tests;
    /// otherwise the undefined values are null.
    /// </summary>
    public static IndependentTTestResult Independent(IReadOnlyList<decimal> group1, IReadOnlyList<decimal> group2, double confidence = 0.95) =>
        Independent(CenteredSample.FromDecimal(group1), CenteredSample.FromDecimal(group2), confidence);

    /// <summary>Independent-samples t test on doubles (NaN/±∞ throw); see the decimal overload.</summary>
    public static IndependentTTestResult Independent(IReadOnlyList<double> group1, IReadOnlyList<double> group2, double confidence = 0.95) =>
        Independent(CenteredSample.FromDouble(group1), CenteredSample.FromDouble(group2), confidence);

    /// <summary>Hedges' small-sample correction J(df) = Γ(df/2) / (√(df/2)·Γ((df − 1)/2)); null for df ≤ 1.</summary>
    public static double? HedgesCorrectionExact(double df) =>
        df > 1 ? Math.Exp(SpecialFunctions.GammaLn(df / 2) - (0.5 * Math.Log(df / 2)) - SpecialFunctions.GammaLn((df - 1) / 2)) : null;

    /// <summary>Hedges' approximate correction 1 − 3/(4·df − 1); null for df ≤ 0.</summary>
    public static double? HedgesCorrectionApprox(double df) => df > 0 ? 1 - (3 / ((4 * df) - 1)) : null;

    private static PairedTTestResult Paired(CenteredSample x, CenteredSample y, CenteredSample d, int excluded, double confidence)
    {
        int n = d.Count;
        SampleSummary sd = SampleSummary.Of(d);
        double? r = null;
        double? pr = null;
        if (n >= 2)
        {
            double sxy = 0;
            for (int i = 0; i < n; i++)
            {
                sxy += x.Deviations[i] * y.Deviations[i];
            }

            double denom = Math.Sqrt(x.SumOfSquares * y.SumOfSquares);
            if (denom > 0)
            {
                r = Math.Clamp(sxy / denom, -1, 1);
                if (n > 2)
                {
                    double rv = r.Value;
                    pr = Math.Abs(rv) >= 1 ? 0 : Probability.StudentTTwoSided(rv * Math.Sqrt((n - 2) / (1 - (rv * rv))), n - 2);
                }
            }
        }

        TTestRow row = OneSampleRow(sd.Mean, sd.StandardErrorOfMean, n - 1, confidence);
        double? cohen = sd.StandardDeviation is { } s && s > 0 ? sd.Mean / s : null;
        return new PairedTTestResult(n, excluded, SampleSummary.Of(x), SampleSummary.Of(y), r, pr, sd.StandardDeviation, row, cohen);
    }

    private static TTestRow OneSampleRow(double? diff, double? se, double df, double confidence)
    {
        if (diff is not { } m || se is not { } s || !(df > 0))
        {
            return new TTestRow(null, df > 0 ? df : null, null, null, diff, se, null, null);
        }

        double tq = Probability.StudentTQuantileUpper((1 - confidence) / 2, df);
        if (s <= 0)
        {
            return new TTestRow(null, df, null, null, m, s, m, m);
        }

        double t = m / s;
        double p = Probability.StudentTTwoSided(t, df);
        return new TTestRow(t, df, p, p / 2, m, s, m - (tq * s), m + (tq * s));
    }

    private static IndependentTTestResult Independent(CenteredSample a, CenteredSample b, double confidence)
    {
        SampleSummary s1 = SampleSummary.Of(a);
        SampleSummary s2 = SampleSummary.Of(b);
        double? diff = a.Count > 0 && b.Count > 0 ? MeanDifference(a, b) : null;
        int n1 = a.Count;
        int n2 = b.Count;
        double dfPooled = n1 + n2 - 2;
        double? pooledVar = dfPooled > 0 ? (a.SumOfSquares + b.SumOfSquares) / dfPooled : null;
        double? sePooled = pooledVar is { } pv && n1 > 0 && n2 > 0 ? Math.Sqrt(pv * ((1.0 / n1) + (1.0 / n2))) : null;
        TTestRow pooled = OneSampleRow(diff, sePooled, dfPooled, confidence);

        TTestRow welch;
        if (n1 > 1 && n2 > 1)
        {
            double v1 = a.SumOfSquares / (n1 - 1) / n1;
            double v2 = b.SumOfSquares / (n2 - 1) / n2;
            double se = Math.Sqrt(v1 + v2);
            double df = (v1 + v2) * (v1 + v2) / ((v1 * v1 / (n1 - 1)) + (v2 * v2 / (n2 - 1)));
            welch = se > 0 ? OneSampleRow(diff, se, df, confidence) : new TTestRow(null, null, null, null, diff, se, null, null);
        }
        else
        {
            welch = new TTestRow(null, null, null, null, diff, null, null, null);
        }

        FTest levene = n1 > 0 && n2 > 0 ? OneWayAnova.Levene([a, b]) : new FTest(null, 1, dfPooled, null);
        double? pooledSd = pooledVar is { } p2 ? Math.Sqrt(p2) : null;
        double? d = pooledSd is { } ps && ps > 0 ? diff / ps : null;
        double? glass = s2.StandardDeviation is { } sd2 && sd2 > 0 ? diff / sd2 : null;
        return new IndependentTTestResult(s1, s2, levene, pooled, welch, pooledSd, d, d * HedgesCorrectionApprox(dfPooled), d * HedgesCorrectionExact(dfPooled), glass);
    }

    private static double MeanDifference(CenteredSample a, CenteredSample b) =>
        a.ExactMean is { } ea && b.ExactMean is { } eb ? (double)(ea - eb) : a.Mean - b.Mean;
}
