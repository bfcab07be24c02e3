using MathNet.Numerics.LinearAlgebra;
using Trinn.Statistics.Distributions;

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
    /// subjects (otherwise <see cref="ArgumentException"/>). Means and deviations are formed exactly in
    /// <c>decimal</c>. Undefined values are null: F and p when the error SS is 0; Mauchly's p for k = 2
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
        var rows = new List<decimal[]>();
        var excluded = new List<int>();
        for (int i = 0; i < subjects.Count; i++)
        {
            IReadOnlyList<decimal?> row = subjects[i];
            if (row.Count != k)
            {
                throw new ArgumentException("Every subject needs one entry per level.", nameof(subjects));
            }

            if (row.All(v => v.HasValue))
            {
                rows.Add(row.Select(v => v!.Value).ToArray());
            }
            else
            {
                excluded.Add(i);
            }
        }

        int n = rows.Count;
        if (n < 2)
        {
            throw new ArgumentException("Need at least 2 subjects with all levels present.", nameof(subjects));
        }

        return Fit(rows, k, excluded);
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

    private static RepeatedMeasuresAnovaResult Fit(List<decimal[]> rows, int k, List<int> excluded)
    {
        int n = rows.Count;
        int p = k - 1;
        decimal[] levelMeans = new decimal[k];
        decimal[] subjectMeans = new decimal[n];
        decimal total = 0;
        for (int i = 0; i < n; i++)
        {
            decimal rs = 0;
            for (int j = 0; j < k; j++)
            {
                rs += rows[i][j];
                levelMeans[j] += rows[i][j];
            }

            total += rs;
            subjectMeans[i] = rs / k;
        }

        for (int j = 0; j < k; j++)
        {
            levelMeans[j] /= n;
        }

        decimal grand = total / (n * k);
        double[] levelOffsets = levelMeans.Select(m => (double)(m - grand)).ToArray();
        var dev = Matrix<double>.Build.Dense(n, k, (i, j) => (double)(rows[i][j] - levelMeans[j]));
        double ssEffect = n * levelOffsets.Sum(o => o * o);
        double ssError = 0;
        double ssSubjects = 0;
        double ssTotal = 0;
        for (int i = 0; i < n; i++)
        {
            double s = (double)(subjectMeans[i] - grand);
            ssSubjects += k * s * s;
            for (int j = 0; j < k; j++)
            {
                double r = (double)(rows[i][j] - subjectMeans[i] - levelMeans[j] + grand);
                ssError += r * r;
                double t = (double)(rows[i][j] - grand);
                ssTotal += t * t;
            }
        }

        var levels = Enumerable.Range(0, k).Select(j =>
        {
            double ss = dev.Column(j).Sum(x => x * x);
            return new LevelSummary(j, n, (double)levelMeans[j], Math.Sqrt(ss / (n - 1)));
        }).ToList();

        var c = Matrix<double>.Build.DenseOfArray(OrthonormalPolynomial(k));
        Matrix<double> z = dev * c;                           // centred transformed scores, n × p
        Matrix<double> sc = z.TransposeThisAndMultiply(z) / (n - 1);
        Vector<double> zbar = c.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(levelOffsets));

        double tr = sc.Trace();
        double tr2 = sc.PointwiseMultiply(sc).Enumerate().Sum();
        double? gg = tr2 > 0 ? tr * tr / (p * tr2) : null;
        double? hfRaw = gg is { } g ? ((n * p * g) - 2) / (p * (n - 1 - (p * g))) : null;
        double? hf = hfRaw is { } h ? Math.Min(1, h) : null;
        var eps = new SphericityEpsilons(gg, hf, hfRaw, 1.0 / p);

        CorrectedWithinTest Row(double? e) => Corrected(e, ssEffect, p, ssError, (n - 1) * p);

        return new RepeatedMeasuresAnovaResult(
            n,
            excluded,
            levels,
            Mauchly(sc, n, p),
            eps,
            Row(1),
            Row(gg),
            Row(hf),
            Row(1.0 / p),
            Multivariate(sc, zbar, n, p, out var wilks, out var hot, out var roy, out double? t2),
            wilks,
            hot,
            roy,
            t2,
            Contrasts(z, zbar, n, p),
            Corrected(1, n * k * (double)grand * (double)grand, 1, ssSubjects, n - 1),
            Pairwise(rows, levelMeans, k),
            ssTotal,
            ssSubjects,
            (double)grand);
    }

    private static CorrectedWithinTest Corrected(double? epsilon, double ssEffect, double df, double ssError, double dfError)
    {
        if (epsilon is not { } e || !(e > 0))
        {
            return new CorrectedWithinTest(epsilon, ssEffect, null, null, null, null, null, ssError, null, null);
        }

        double d1 = df * e;
        double d2 = dfError * e;
        double ms1 = ssEffect / d1;
        double? ms2 = d2 > 0 ? ssError / d2 : null;
        double? f = ms2 is { } m && m > 0 ? ms1 / m : null;
        double? pv = f is { } fv ? Probability.FUpperTail(fv, d1, d2) : null;
        double? eta = ssEffect + ssError > 0 ? ssEffect / (ssEffect + ssError) : null;
        return new CorrectedWithinTest(e, ssEffect, d1, ms1, f, pv, eta, ssError, d2 > 0 ? d2 : null, ms2);
    }

    private static MauchlyTest Mauchly(Matrix<double> sc, int n, int p)
    {
        double df = (p * (p + 1) / 2.0) - 1;
        if (p == 1)
        {
            return new MauchlyTest(1, 0, 0, null, null, null, null, null);
        }

        double nu = n - 1;
        double tr = sc.Trace();
        double det = sc.Determinant();
        if (!(tr > 0) || !(det > 0) || nu < p)
        {
            return new MauchlyTest(tr > 0 ? Math.Max(0, det) / Math.Pow(tr / p, p) : null, null, df, null, null, null, null, null);
        }

        double logW = Math.Log(det) - (p * Math.Log(tr / p));
        double rho = 1 - (((2.0 * p * p) + p + 2) / (6.0 * p * nu));
        double omega2 = (p + 2.0) * (p - 1.0) * (p - 2.0) * ((2.0 * p * p * p) + (6.0 * p * p) + (3.0 * p) + 2) / (288.0 * Math.Pow(nu * p * rho, 2));
        double chi = -nu * rho * logW;
        double pr1 = Probability.ChiSquareUpperTail(chi, df);
        double pr2 = Probability.ChiSquareUpperTail(chi, df + 4);
        double omega2R = omega2 * ((2.0 * p * p * p) + (6.0 * p * p) + (3.0 * (p + 1)) + 2) / ((2.0 * p * p * p) + (6.0 * p * p) + (3.0 * p) + 2);
        return new MauchlyTest(Math.Exp(logW), chi, df, pr1 + (omega2 * (pr2 - pr1)), pr1, omega2, rho, pr1 + (omega2R * (pr2 - pr1)));
    }

    private static MultivariateTest Multivariate(Matrix<double> sc, Vector<double> zbar, int n, int p, out MultivariateTest wilks, out MultivariateTest hotelling, out MultivariateTest roy, out double? t2)
    {
        double errorDf = n - p;
        double? ht = null;
        if (errorDf >= 1 && sc.Determinant() > 0)
        {
            Vector<double> solved = sc.Cholesky().Solve(zbar);
            t2 = n * zbar.DotProduct(solved);
            ht = t2 / (n - 1);
        }
        else
        {
            t2 = null;
        }

        double? f = ht * errorDf / p;
        double? pv = f is { } fv ? Probability.FUpperTail(fv, p, errorDf) : null;
        double? eta = ht / (1 + ht);
        MultivariateTest Make(double? value) => new(value, f, p, errorDf, pv, eta);
        wilks = Make(1 / (1 + ht));
        hotelling = Make(ht);
        roy = Make(ht);
        return Make(ht / (1 + ht));
    }

    private static List<ContrastTest> Contrasts(Matrix<double> z, Vector<double> zbar, int n, int p)
    {
        var list = new List<ContrastTest>(p);
        for (int c = 0; c < p; c++)
        {
            double ss = n * zbar[c] * zbar[c];
            double err = z.Column(c).Sum(x => x * x);
            double? f = err > 0 ? ss / (err / (n - 1)) : null;
            double? pv = f is { } fv ? Probability.FUpperTail(fv, 1, n - 1) : null;
            double? eta = ss + err > 0 ? ss / (ss + err) : null;
            list.Add(new ContrastTest(c + 1, ss, 1, f, pv, eta, err, n - 1));
        }

        return list;
    }

    private static List<LevelComparison> Pairwise(List<decimal[]> rows, decimal[] levelMeans, int k)
    {
        int n = rows.Count;
        int m = k * (k - 1) / 2;
        double df = n - 1;
        double tCrit = Probability.StudentTQuantileUpper(0.05 / (2.0 * m), df);
        var list = new List<LevelComparison>(m);
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                decimal meanDiff = levelMeans[i] - levelMeans[j];
                double ss = 0;
                foreach (decimal[] r in rows)
                {
                    double d = (double)(r[i] - r[j] - meanDiff);
                    ss += d * d;
                }

                double diff = (double)meanDiff;
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
