using MathNet.Numerics;
using Trinn.Statistics.Distributions;

namespace Trinn.Statistics.Inference;

/// <summary>A χ² statistic with its df and upper-tail p (null when df = 0).</summary>
public sealed record ChiSquareTest(double Value, double Df, double? P);

/// <summary>Fisher's exact test for a 2×2 table, conditioning on both margins (hypergeometric in cell [0,0]).</summary>
/// <param name="PTwoSided">Sum of the probabilities of all tables no more probable than the observed one
/// (relative tolerance 1e-7, as R's fisher.test and SPSS).</param>
/// <param name="POneSided">The smaller of the two tails (SPSS's "Exact Sig. (1-sided)").</param>
/// <param name="PLowerTail">P(X ≤ a), a = observed[0][0].</param>
/// <param name="PUpperTail">P(X ≥ a).</param>
/// <param name="PObservedTable">Probability of the observed table.</param>
public sealed record FisherExactTest(double PTwoSided, double POneSided, double PLowerTail, double PUpperTail, double PObservedTable);

/// <summary>Sample odds ratio ad/bc with Woolf's log-scale 95 % CI; null when a cell is 0.</summary>
public sealed record OddsRatio(double? Sample, double? Ci95Lower, double? Ci95Upper);

/// <summary>Result of a two-way crosstabulation (SPSS CROSSTABS /STATISTICS=CHISQ PHI CC).</summary>
public sealed record CrosstabsResult(
    int NValid,
    IReadOnlyList<IReadOnlyList<int>> Observed,
    IReadOnlyList<IReadOnlyList<double>> Expected,
    ChiSquareTest PearsonChiSquare,
    ChiSquareTest LikelihoodRatio,
    ChiSquareTest? LinearByLinear,
    double? Phi,
    double? CramersV,
    double? ContingencyCoefficient,
    int CellsExpectedBelow5,
    double MinExpected,
    ChiSquareTest? ContinuityCorrection,
    FisherExactTest? FisherExact,
    OddsRatio? OddsRatio);

/// <summary>χ² test of independence, association measures and Fisher's exact test.</summary>
public static class Crosstabs
{
    /// <summary>
    /// Analyses an r × c table of counts. Rows or columns summing to zero are not allowed (throws).
    /// <paramref name="rowScores"/> and <paramref name="columnScores"/> (the category codes) are used for the
    /// linear-by-linear association, (N − 1)·r²; pass null to omit it. For r or c = 1, df = 0 and p is null.
    /// phi is signed for 2×2 tables ((ad − bc)/√(margins), as SPSS prints it) and √(χ²/N) otherwise.
    /// </summary>
    public static CrosstabsResult Analyze(int[,] observed, IReadOnlyList<double>? rowScores = null, IReadOnlyList<double>? columnScores = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        int r = observed.GetLength(0);
        int c = observed.GetLength(1);
        double[] rowSum = new double[r];
        double[] colSum = new double[c];
        double n = 0;
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                if (observed[i, j] < 0)
                {
                    throw new ArgumentException("Counts must be non-negative.", nameof(observed));
                }

                rowSum[i] += observed[i, j];
                colSum[j] += observed[i, j];
                n += observed[i, j];
            }
        }

        if (rowSum.Any(s => s == 0) || colSum.Any(s => s == 0))
        {
            throw new ArgumentException("Every row and column needs at least one case.", nameof(observed));
        }

        var expected = new double[r][];
        double pearson = 0;
        double g2 = 0;
        int below5 = 0;
        double minE = double.MaxValue;
        for (int i = 0; i < r; i++)
        {
            expected[i] = new double[c];
            for (int j = 0; j < c; j++)
            {
                double e = rowSum[i] * colSum[j] / n;
                expected[i][j] = e;
                double o = observed[i, j];
                pearson += (o - e) * (o - e) / e;
                if (o > 0)
                {
                    g2 += 2 * o * Math.Log(o / e);
                }

                below5 += e < 5 ? 1 : 0;
                minE = Math.Min(minE, e);
            }
        }

        double df = (r - 1) * (c - 1);
        double? P(double v, double d) => d > 0 ? Probability.ChiSquareUpperTail(v, d) : null;

        ChiSquareTest? linear = null;
        if (rowScores is not null && columnScores is not null && df > 0)
        {
            double corr = ScoreCorrelation(observed, rowScores, columnScores, n);
            double v = (n - 1) * corr * corr;
            linear = new ChiSquareTest(v, 1, P(v, 1));
        }

        int minDim = Math.Min(r, c);
        double? phi = n > 0 ? Math.Sqrt(pearson / n) : null;
        ChiSquareTest? yates = null;
        FisherExactTest? fisher = null;
        OddsRatio? odds = null;
        if (r == 2 && c == 2)
        {
            double a = observed[0, 0];
            double b = observed[0, 1];
            double cc = observed[1, 0];
            double d = observed[1, 1];
            phi = ((a * d) - (b * cc)) / Math.Sqrt(rowSum[0] * rowSum[1] * colSum[0] * colSum[1]);
            double yv = 0;
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    double dev = Math.Abs(observed[i, j] - expected[i][j]);
                    double corrected = dev - Math.Min(0.5, dev);
                    yv += corrected * corrected / expected[i][j];
                }
            }

            yates = new ChiSquareTest(yv, 1, P(yv, 1));
            fisher = Fisher(observed[0, 0], observed[0, 1], observed[1, 0], observed[1, 1]);
            odds = a > 0 && b > 0 && cc > 0 && d > 0
                ? OddsWithCi(a * d / (b * cc), Math.Sqrt((1 / a) + (1 / b) + (1 / cc) + (1 / d)))
                : new OddsRatio(b * cc > 0 ? a * d / (b * cc) : null, null, null);
        }

        double? cramer = minDim > 1 ? Math.Sqrt(pearson / (n * (minDim - 1))) : null;
        double contingency = Math.Sqrt(pearson / (pearson + n));
        var obsRows = Enumerable.Range(0, r).Select(i => (IReadOnlyList<int>)Enumerable.Range(0, c).Select(j => observed[i, j]).ToArray()).ToArray();
        return new CrosstabsResult((int)n, obsRows, expected, new ChiSquareTest(pearson, df, P(pearson, df)), new ChiSquareTest(g2, df, P(g2, df)), linear, phi, cramer, contingency, below5, minE, yates, fisher, odds);
    }

    /// <summary>
    /// Fisher's exact test for the 2×2 table [[a, b], [c, d]] (all counts ≥ 0).
    /// </summary>
    public static FisherExactTest Fisher(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentException("Counts must be non-negative.");
        }

        int row1 = a + b;
        int col1 = a + c;
        int n = a + b + c + d;
        int lo = Math.Max(0, col1 - (n - row1));
        int hi = Math.Min(row1, col1);
        double[] logp = new double[hi - lo + 1];
        double max = double.NegativeInfinity;
        for (int x = lo; x <= hi; x++)
        {
            logp[x - lo] = LogChoose(row1, x) + LogChoose(n - row1, col1 - x) - LogChoose(n, col1);
            max = Math.Max(max, logp[x - lo]);
        }

        double[] pr = logp.Select(l => Math.Exp(l)).ToArray();
        double pObs = pr[a - lo];
        double lower = 0;
        double upper = 0;
        double two = 0;
        for (int x = lo; x <= hi; x++)
        {
            double v = pr[x - lo];
            if (x <= a)
            {
                lower += v;
            }

            if (x >= a)
            {
                upper += v;
            }

            if (v <= pObs * (1 + 1e-7))
            {
                two += v;
            }
        }

        lower = Math.Min(1, lower);
        upper = Math.Min(1, upper);
        return new FisherExactTest(Math.Min(1, two), Math.Min(lower, upper), lower, upper, pObs);
    }

    private static OddsRatio OddsWithCi(double or, double seLog)
    {
        double z = 1.959963984540054;
        return new OddsRatio(or, Math.Exp(Math.Log(or) - (z * seLog)), Math.Exp(Math.Log(or) + (z * seLog)));
    }

    private static double LogChoose(int n, int k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0);

    private static double ScoreCorrelation(int[,] o, IReadOnlyList<double> rs, IReadOnlyList<double> cs, double n)
    {
        int r = o.GetLength(0);
        int c = o.GetLength(1);
        double mr = 0;
        double mc = 0;
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                mr += o[i, j] * rs[i];
                mc += o[i, j] * cs[j];
            }
        }

        mr /= n;
        mc /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                double dx = rs[i] - mr;
                double dy = cs[j] - mc;
                sxy += o[i, j] * dx * dy;
                sxx += o[i, j] * dx * dx;
                syy += o[i, j] * dy * dy;
            }
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }
}
