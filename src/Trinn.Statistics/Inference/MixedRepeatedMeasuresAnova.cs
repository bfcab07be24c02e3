using MathNet.Numerics.LinearAlgebra;
using Trinn.Statistics.Distributions;
using Trinn.Statistics.Internal;

namespace Trinn.Statistics.Inference;

/// <summary>Mean and SD (n − 1) of one level in one group (SD null for a group of one subject).</summary>
public sealed record CellSummary(int Group, int Level, int N, double Mean, double? StandardDeviation);

/// <summary>Sphericity epsilons of a mixed design: Huynh–Feldt as SPSS prints it and with Lecoutre's correction.</summary>
/// <param name="GreenhouseGeisser">(tr S)²/(p·tr S²) of the pooled within-group covariance S.</param>
/// <param name="HuynhFeldt">Huynh &amp; Feldt (1976) as SPSS prints it, capped at 1.</param>
/// <param name="HuynhFeldtUncapped">The same, not capped.</param>
/// <param name="HuynhFeldtLecoutre">Lecoutre's (1991) correction (N − g + 1 in place of N), as R car, not capped.</param>
/// <param name="LowerBound">1/(k − 1).</param>
public sealed record MixedSphericityEpsilons(double? GreenhouseGeisser, double? HuynhFeldt, double? HuynhFeldtUncapped, double? HuynhFeldtLecoutre, double LowerBound);

/// <summary>The within-subjects rows for one sphericity correction: time, time × group and their error.</summary>
public sealed record MixedWithinTests(CorrectedWithinTest Time, CorrectedWithinTest TimeByGroup);

/// <summary>The four multivariate tests of one within-subjects effect.</summary>
public sealed record MultivariateTests(MultivariateTest PillaiTrace, MultivariateTest WilksLambda, MultivariateTest HotellingTrace, MultivariateTest RoysLargestRoot);

/// <summary>A between-subjects effect (SS, df, MS, F, p, partial η²).</summary>
public sealed record BetweenEffect(double Ss, double Df, double? Ms, double? F, double? P, double? PartialEtaSquared);

/// <summary>Result of a mixed repeated-measures ANOVA (one within × one between factor, SPSS GLM, Type III).</summary>
public sealed record MixedRepeatedMeasuresAnovaResult(
    int SubjectsUsed,
    IReadOnlyList<int> GroupSizes,
    IReadOnlyList<CellSummary> Cells,
    MauchlyTest Mauchly,
    MixedSphericityEpsilons Epsilons,
    MixedWithinTests SphericityAssumed,
    MixedWithinTests GreenhouseGeisser,
    MixedWithinTests HuynhFeldt,
    MixedWithinTests LowerBound,
    MultivariateTests TimeMultivariate,
    MultivariateTests TimeByGroupMultivariate,
    BetweenEffect Intercept,
    BetweenEffect Group,
    double BetweenErrorSs,
    double BetweenErrorDf,
    double? BetweenErrorMs);

/// <summary>
/// Repeated-measures ANOVA with one within-subject factor (k levels) and one between-subjects factor (g groups), as SPSS
/// GLM "Repeated measures" computes it with Type III sums of squares: the k − 1 orthonormal polynomial scores are a
/// multivariate linear model in the group (sum-to-zero coding); time is its intercept (unweighted mean of the group
/// means), time × group its group effect, and the pooled within-group SSCP the error, on N − g df.
/// </summary>
public static class MixedRepeatedMeasuresAnova
{
    /// <summary>
    /// Fits the model to the exact sums of each group's complete subjects (one <see cref="ExactCrossProducts"/> per group,
    /// in group order, one column per level). Needs k ≥ 2 levels, at least 2 groups with a subject each and more subjects
    /// than groups (otherwise <see cref="ArgumentException"/>). Undefined values are null: F and p when an error SS
    /// is 0; Mauchly's p for k = 2 (W = 1, χ² = 0, df = 0); W, the epsilons and the multivariate tests when the pooled
    /// covariance of the transformed scores is singular. A group of one subject adds no error df (its SDs are null).
    /// </summary>
    public static MixedRepeatedMeasuresAnovaResult Fit(IReadOnlyList<ExactCrossProducts> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count < 2 || groups.Any(x => x.Count < 1))
        {
            throw new ArgumentException("Need at least 2 groups, each with a subject who has all levels.", nameof(groups));
        }

        int k = groups[0].Columns;
        if (k < 2 || groups.Any(x => x.Columns != k))
        {
            throw new ArgumentException("Need at least 2 levels, the same in every group.", nameof(groups));
        }

        int g = groups.Count;
        int[] sizes = [.. groups.Select(x => checked((int)x.Count))];
        int n = sizes.Sum();
        if (n <= g)
        {
            throw new ArgumentException("Need more subjects than groups.", nameof(groups));
        }

        int p = k - 1;
        double nu = n - g;

        // Exact group × level means and the within-group cross-products.
        Rational[][] means = [.. groups.Select(x => Enumerable.Range(0, k).Select(x.Mean).ToArray())];
        Rational[][,] centred = [.. groups.Select(x => x.CentredCrossProducts())];
        var cells = new List<CellSummary>(g * k);
        for (int i = 0; i < g; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double? sd = sizes[i] > 1 ? Math.Sqrt((centred[i][j, j] / (sizes[i] - 1)).ToDouble()) : null;
                cells.Add(new CellSummary(i, j, sizes[i], means[i][j].ToDouble(), sd));
            }
        }

        var error = new Rational[k, k];
        var between = new Rational[k, k];
        var weighted = new Rational[k];
        var unweighted = new Rational[k];
        for (int j = 0; j < k; j++)
        {
            weighted[j] = Rational.Zero;
            unweighted[j] = Rational.Zero;
            for (int l = 0; l < k; l++)
            {
                error[j, l] = Rational.Zero;
                between[j, l] = Rational.Zero;
            }
        }

        for (int i = 0; i < g; i++)
        {
            for (int j = 0; j < k; j++)
            {
                weighted[j] += means[i][j] * sizes[i];
                unweighted[j] += means[i][j];
                for (int l = 0; l < k; l++)
                {
                    error[j, l] += centred[i][j, l];
                }
            }
        }

        for (int j = 0; j < k; j++)
        {
            weighted[j] /= n;
            unweighted[j] /= g;
        }

        for (int i = 0; i < g; i++)
        {
            Rational[] d = [.. Enumerable.Range(0, k).Select(j => means[i][j] - weighted[j])];
            for (int j = 0; j < k; j++)
            {
                for (int l = 0; l < k; l++)
                {
                    between[j, l] += d[j] * d[l] * sizes[i];
                }
            }
        }

        // Type III intercept: the unweighted mean of the group means, whose variance factor is Σ(1/nᵢ)/g².
        Rational inverseSizes = sizes.Aggregate(Rational.Zero, (acc, x) => acc + new Rational(1, x));
        Rational factor = inverseSizes / (g * g);
        Rational levelMean = unweighted.Aggregate(Rational.Zero, (acc, x) => acc + x) / k;
        Rational timeSs = unweighted.Aggregate(Rational.Zero, (acc, x) => acc + ((x - levelMean) * (x - levelMean))) / factor;

        Rational[,] errorWithin = RepeatedMeasuresCore.DoublyCentred(error);
        Rational[,] betweenWithin = RepeatedMeasuresCore.DoublyCentred(between);
        double ssTime = timeSs.ToDouble();
        double ssTimeByGroup = RepeatedMeasuresCore.Trace(betweenWithin).ToDouble();
        double ssError = RepeatedMeasuresCore.Trace(errorWithin).ToDouble();

        Matrix<double> e = RepeatedMeasuresCore.Transformed(RepeatedMeasuresCore.ToMatrix(errorWithin));
        Matrix<double> hGroup = RepeatedMeasuresCore.Transformed(RepeatedMeasuresCore.ToMatrix(betweenWithin));
        var c = Matrix<double>.Build.DenseOfArray(RepeatedMeasuresAnova.OrthonormalPolynomial(k));
        Vector<double> u = c.TransposeThisAndMultiply(Vector<double>.Build.Dense(k, j => (unweighted[j] - levelMean).ToDouble()));
        Matrix<double> hTime = u.OuterProduct(u) / factor.ToDouble();
        Matrix<double> s = e / nu;

        double? gg = RepeatedMeasuresCore.GreenhouseGeisser(s);
        double? hfRaw = RepeatedMeasuresCore.HuynhFeldt(gg, n, nu, p);
        double? hf = hfRaw is { } h ? Math.Min(1, h) : null;
        double? lecoutre = RepeatedMeasuresCore.HuynhFeldt(gg, nu + 1, nu, p);
        var eps = new MixedSphericityEpsilons(gg, hf, hfRaw, lecoutre, 1.0 / p);

        MixedWithinTests Rows(double? epsilon) => new(
            RepeatedMeasuresCore.Corrected(epsilon, ssTime, p, ssError, nu * p),
            RepeatedMeasuresCore.Corrected(epsilon, ssTimeByGroup, p * (g - 1), ssError, nu * p));

        MultivariateTests Multi(Matrix<double> hypothesis, int q)
        {
            var (pillai, wilks, hotelling, roy) = RepeatedMeasuresCore.FourTests(RepeatedMeasuresCore.Eigenvalues(hypothesis, e), p, q, nu);
            return new MultivariateTests(pillai, wilks, hotelling, roy);
        }

        // Between subjects: the subject totals rᵢ (times 1/√k, so SS are on the scale of the levels).
        Rational[] totals = [.. groups.Select(x => Enumerable.Range(0, k).Aggregate(Rational.Zero, (acc, j) => acc + x.Sum(j)))];
        Rational grandTotal = totals.Aggregate(Rational.Zero, (acc, x) => acc + x);
        Rational groupSs = Rational.Zero;
        Rational errorSs = Rational.Zero;
        Rational meanOfTotals = Rational.Zero;
        for (int i = 0; i < g; i++)
        {
            Rational d = (totals[i] / sizes[i]) - (grandTotal / n);
            groupSs += d * d * sizes[i];
            errorSs += RepeatedMeasuresCore.Total(centred[i]);
            meanOfTotals += totals[i] / sizes[i];
        }

        Rational interceptSs = meanOfTotals * meanOfTotals / inverseSizes / k;
        double betweenError = (errorSs / k).ToDouble();
        double? betweenMs = nu > 0 ? betweenError / nu : null;
        BetweenEffect Between(double ss, double df)
        {
            double ms = ss / df;
            double? f = betweenMs is { } m && m > 0 ? ms / m : null;
            return new BetweenEffect(ss, df, ms, f, f is { } fv ? Probability.FUpperTail(fv, df, nu) : null, ss + betweenError > 0 ? ss / (ss + betweenError) : null);
        }

        return new MixedRepeatedMeasuresAnovaResult(
            n,
            sizes,
            cells,
            RepeatedMeasuresCore.Mauchly(s, nu),
            eps,
            Rows(1),
            Rows(gg),
            Rows(hf),
            Rows(1.0 / p),
            Multi(hTime, 1),
            Multi(hGroup, g - 1),
            Between(interceptSs.ToDouble(), 1),
            Between((groupSs / k).ToDouble(), g - 1),
            betweenError,
            nu,
            betweenMs);
    }
}
