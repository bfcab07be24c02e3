using MathNet.Numerics.LinearAlgebra;
using Trinn.Statistics.Distributions;
using Trinn.Statistics.Internal;

namespace Trinn.Statistics.Inference;

/// <summary>Mean and SD (n − 1) of one level over the subjects used.</summary>
public sealed record LevelSummary(int Level, int N, double Mean, double? StandardDeviation);

/// <summary>Mauchly's test of sphericity on the orthonormalised (k − 1)-dimensional covariance.</summary>
/// <param name="W">Mauchly's W = det(S)/(tr(S)/p)^p.</param>
/// <param name="ChiSquare">−(n − 1)·ρ·ln W with ρ = 1 − (2p² + p + 2)/(6p(n − 1)).</param>
/// <param name="Df">p(p + 1)/2 − 1.</param>
/// <param name="P">Anderson's (1958) second-order approximation (as R's mauchly.test); null for k = 2.</param>
/// <param name="PFirstOrder">The plain χ²(df) upper tail; null for k = 2.</param>
/// <param name="Omega2">ω₂, the weight of the second-order term.</param>
/// <param name="Rho">ρ, the Bartlett-type correction factor.</param>
/// <param name="PRAsImplemented">The p of R's <c>mauchly.test</c> (used by car), whose ω₂ has 3k where Anderson has
/// 3p (k = levels, p = k − 1); it differs from <paramref name="P"/> in the fourth digit or later.</param>
public sealed record MauchlyTest(double? W, double? ChiSquare, double Df, double? P, double? PFirstOrder, double? Omega2, double? Rho, double? PRAsImplemented);

/// <summary>Sphericity epsilons: Greenhouse–Geisser, Huynh–Feldt (Lecoutre-corrected; capped at 1 and raw), lower bound.</summary>
public sealed record SphericityEpsilons(double? GreenhouseGeisser, double? HuynhFeldt, double? HuynhFeldtUncapped, double LowerBound);

/// <summary>An effect row (SS, df, MS, F, p, partial η²) with its error row, for one sphericity correction.</summary>
public sealed record CorrectedWithinTest(double? Epsilon, double EffectSs, double? EffectDf, double? EffectMs, double? F, double? P, double? PartialEtaSquared, double ErrorSs, double? ErrorDf, double? ErrorMs);

/// <summary>One multivariate statistic with its F approximation (exact for a single within factor).</summary>
public sealed record MultivariateTest(double? Value, double? F, double HypothesisDf, double ErrorDf, double? P, double? PartialEtaSquared);

/// <summary>A single-df contrast test (SS, F, p, partial η² against its own error term).</summary>
public sealed record ContrastTest(int Degree, double Ss, double Df, double? F, double? P, double? PartialEtaSquared, double ErrorSs, double ErrorDf);

/// <summary>Pairwise comparison of levels i &lt; j (difference = level i − level j), Bonferroni-adjusted.</summary>
public sealed record LevelComparison(int LevelI, int LevelJ, double MeanDifference, double? StandardError, double Df, double? T, double? PUnadjusted, double? PBonferroni, double? CiBonferroniLower, double? CiBonferroniUpper);

/// <summary>Result of a one-way repeated-measures ANOVA (SPSS GLM repeated measures, one within factor).</summary>
public sealed record RepeatedMeasuresAnovaResult(
    int SubjectsUsed,
    IReadOnlyList<int> ExcludedSubjects,
    IReadOnlyList<LevelSummary> Levels,
    MauchlyTest Mauchly,
    SphericityEpsilons Epsilons,
    CorrectedWithinTest SphericityAssumed,
    CorrectedWithinTest GreenhouseGeisser,
    CorrectedWithinTest HuynhFeldt,
    CorrectedWithinTest LowerBound,
    MultivariateTest PillaiTrace,
    MultivariateTest WilksLambda,
    MultivariateTest HotellingTrace,
    MultivariateTest RoysLargestRoot,
    double? HotellingT2,
    IReadOnlyList<ContrastTest> PolynomialContrasts,
    CorrectedWithinTest BetweenSubjectsIntercept,
    IReadOnlyList<LevelComparison> PairwiseBonferroni,
    double SsTotal,
    double SsSubjects,
    double GrandMean);

/// <summary>
/// One-way repeated-measures ANOVA with one within-subject factor of k ≥ 2 levels and no between factor.
/// </summary>
public static class RepeatedMeasuresAnova
{
    /// <summary>
    /// Fits the model to <paramref name="subjects"/> (one row per subject, one column per level, null = missing).
    /// Listwise: a subject missing any level is excluded and listed by index in
    /// <see cref="RepeatedMeasuresAnovaResult.ExcludedSubjects"/>. Needs k ≥ 2 levels and at least 2 complete
    /// subjects (otherwise <see cref="ArgumentException"/>). Sums and cross-products are accumulated exactly
    /// (<see cref="ExactCrossProducts"/>), and every centred sum of squares is formed exactly before it becomes a
    /// <c>double</c>. Undefined values are null: F and p when the error SS is 0; Mauchly's p for k = 2
    /// (then W = 1, χ² = 0, df = 0); W, epsilons and the multivariate tests when the (k − 1)-dimensional
    /// covariance is singular or n ≤ k − 1.
    /// </summary>
    public static RepeatedMeasuresAnovaResult Fit(IReadOnlyList<IReadOnlyList<decimal?>> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Count == 0 || subjects[0].Count < 2)
        {
            throw new ArgumentException("Need at least 2 levels and one subject.", nameof(subjects));
        }

        int k = subjects[0].Count;
        var sums = new ExactCrossProducts(k);
        var excluded = new List<int>();
        var row = new decimal[k];
        for (int i = 0; i < subjects.Count; i++)
        {
            IReadOnlyList<decimal?> values = subjects[i];
            if (values.Count != k)
            {
                throw new ArgumentException("Every subject needs one entry per level.", nameof(subjects));
            }

            bool complete = true;
            for (int j = 0; j < k && complete; j++)
            {
                complete = values[j].HasValue;
                row[j] = values[j].GetValueOrDefault();
            }

            if (complete)
            {
                sums.Add(row);
            }
            else
            {
                excluded.Add(i);
            }
        }

        if (sums.Count < 2)
        {
            throw new ArgumentException("Need at least 2 subjects with all levels present.", nameof(subjects));
        }

        return Fit(sums, excluded);
    }

    /// <summary>
    /// Orthonormal polynomial contrasts for k equally spaced levels (k × (k − 1), columns of degree 1..k − 1,
    /// each with a positive leading coefficient), as SPSS's POLYNOMIAL and R's <c>contr.poly</c>.
    /// </summary>
    public static double[,] OrthonormalPolynomial(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        var basis = new List<double[]>();
        var result = new double[k, k - 1];
        double centre = (k + 1) / 2.0;
        for (int degree = 0; degree < k; degree++)
        {
            double[] v = Enumerable.Range(1, k).Select(x => Math.Pow(x - centre, degree)).ToArray();
            for (int pass = 0; pass < 2; pass++)
            {
                foreach (double[] b in basis)
                {
                    double dot = v.Zip(b, (p, q) => p * q).Sum();
                    for (int j = 0; j < k; j++)
                    {
                        v[j] -= dot * b[j];
                    }
                }
            }

            double norm = Math.Sqrt(v.Sum(x => x * x));
            for (int j = 0; j < k; j++)
            {
                v[j] /= norm;
            }

            basis.Add(v);
            if (degree > 0)
            {
                for (int j = 0; j < k; j++)
                {
                    result[j, degree - 1] = v[j];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Fits the model to the exact sums of the complete subjects (<see cref="ExactCrossProducts"/>, one column per level),
    /// so a file can be streamed without holding its rows; <see cref="RepeatedMeasuresAnovaResult.ExcludedSubjects"/> is
    /// then empty (the caller counted them). Needs at least 2 levels and 2 subjects.
    /// </summary>
    public static RepeatedMeasuresAnovaResult Fit(ExactCrossProducts complete) => Fit(complete, []);

    private static RepeatedMeasuresAnovaResult Fit(ExactCrossProducts sums, List<int> excluded)
    {
        ArgumentNullException.ThrowIfNull(sums);
        int k = sums.Columns;
        if (k < 2 || sums.Count < 2)
        {
            throw new ArgumentException("Need at least 2 levels and 2 subjects with all levels present.", nameof(sums));
        }

        int n = checked((int)sums.Count);
        int p = k - 1;
        Rational[] levelMeans = [.. Enumerable.Range(0, k).Select(sums.Mean)];
        Rational grand = levelMeans.Aggregate(Rational.Zero, (a, b) => a + b) / k;
        Rational[] offsets = [.. levelMeans.Select(m => m - grand)];
        Rational[,] a = sums.CentredCrossProducts();
        Rational[,] within = RepeatedMeasuresCore.DoublyCentred(a);
        Rational effect = offsets.Aggregate(Rational.Zero, (acc, o) => acc + (o * o)) * n;
        Rational subjects = RepeatedMeasuresCore.Total(a) / k;
        double ssEffect = effect.ToDouble();
        double ssError = RepeatedMeasuresCore.Trace(within).ToDouble();
        double ssSubjects = subjects.ToDouble();
        double ssTotal = (RepeatedMeasuresCore.Trace(a) + effect).ToDouble();
        double grandMean = grand.ToDouble();

        var levels = Enumerable.Range(0, k)
            .Select(j => new LevelSummary(j, n, levelMeans[j].ToDouble(), Math.Sqrt((a[j, j] / (n - 1)).ToDouble())))
            .ToList();

        var c = Matrix<double>.Build.DenseOfArray(OrthonormalPolynomial(k));
        Matrix<double> errorSscp = RepeatedMeasuresCore.Transformed(RepeatedMeasuresCore.ToMatrix(within));
        Matrix<double> sc = errorSscp / (n - 1);
        Vector<double> zbar = c.TransposeThisAndMultiply(Vector<double>.Build.Dense(k, j => offsets[j].ToDouble()));

        double? gg = RepeatedMeasuresCore.GreenhouseGeisser(sc);
        double? hfRaw = RepeatedMeasuresCore.HuynhFeldt(gg, n, n - 1, p);
        double? hf = hfRaw is { } h ? Math.Min(1, h) : null;
        var eps = new SphericityEpsilons(gg, hf, hfRaw, 1.0 / p);

        CorrectedWithinTest Row(double? e) => RepeatedMeasuresCore.Corrected(e, ssEffect, p, ssError, (n - 1) * p);

        double[]? eigen = RepeatedMeasuresCore.Eigenvalues(n * zbar.OuterProduct(zbar), errorSscp);
        (MultivariateTest pillai, MultivariateTest wilks, MultivariateTest hot, MultivariateTest roy) = RepeatedMeasuresCore.FourTests(eigen, p, 1, n - 1);
        double? t2 = eigen is null ? null : eigen[0] * (n - 1);

        return new RepeatedMeasuresAnovaResult(
            n,
            excluded,
            levels,
            RepeatedMeasuresCore.Mauchly(sc, n - 1),
            eps,
            Row(1),
            Row(gg),
            Row(hf),
            Row(1.0 / p),
            pillai,
            wilks,
            hot,
            roy,
            t2,
            Contrasts(errorSscp, zbar, n, p),
            RepeatedMeasuresCore.Corrected(1, (grand * grand * (n * k)).ToDouble(), 1, ssSubjects, n - 1),
            Pairwise(a, levelMeans, n),
            ssTotal,
            ssSubjects,
            grandMean);
    }

    private static List<ContrastTest> Contrasts(Matrix<double> errorSscp, Vector<double> zbar, int n, int p)
    {
        var list = new List<ContrastTest>(p);
        for (int c = 0; c < p; c++)
        {
            double ss = n * zbar[c] * zbar[c];
            double err = errorSscp[c, c];
            double? f = err > 0 ? ss / (err / (n - 1)) : null;
            double? pv = f is { } fv ? Probability.FUpperTail(fv, 1, n - 1) : null;
            double? eta = ss + err > 0 ? ss / (ss + err) : null;
            list.Add(new ContrastTest(c + 1, ss, 1, f, pv, eta, err, n - 1));
        }

        return list;
    }

    private static List<LevelComparison> Pairwise(Rational[,] a, Rational[] levelMeans, int n)
    {
        int k = levelMeans.Length;
        int m = k * (k - 1) / 2;
        double df = n - 1;
        double tCrit = Probability.StudentTQuantileUpper(0.05 / (2.0 * m), df);
        var list = new List<LevelComparison>(m);
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                // Σ(dᵢⱼ − d̄ᵢⱼ)² of the paired differences, exactly.
                double ss = (a[i, i] + a[j, j] - a[i, j] - a[i, j]).ToDouble();
                double diff = (levelMeans[i] - levelMeans[j]).ToDouble();
                double se = Math.Sqrt(ss / (n - 1) / n);
                double? t = se > 0 ? diff / se : null;
                double? pu = t is { } tv ? Probability.StudentTTwoSided(tv, df) : null;
                double? pb = pu is { } u ? Math.Min(1, u * m) : null;
                list.Add(new LevelComparison(i, j, diff, se, df, t, pu, pb, diff - (tCrit * se), diff + (tCrit * se)));
            }
        }

        return list;
    }
}
