using MathNet.Numerics.LinearAlgebra;

namespace Trinn.Statistics.Reliability;

/// <summary>Item-total statistics of one item (SPSS RELIABILITY /SUMMARY=TOTAL).</summary>
public sealed record ItemStatistics(
    int Item,
    int N,
    double Mean,
    double StandardDeviation,
    double? CorrectedItemTotalCorrelation,
    double? AlphaIfDeleted,
    double ScaleMeanIfDeleted,
    double ScaleVarianceIfDeleted,
    double? SquaredMultipleCorrelation);

/// <summary>Cronbach's α with item statistics.</summary>
public sealed record CronbachAlphaResult(
    int NUsed,
    IReadOnlyList<int> ExcludedCases,
    int NItems,
    double? Alpha,
    double? AlphaStandardized,
    double? MeanInterItemCorrelation,
    double ScaleMean,
    double ScaleVariance,
    IReadOnlyList<ItemStatistics> Items);

/// <summary>Internal-consistency reliability.</summary>
public static class CronbachAlpha
{
    /// <summary>
    /// Cronbach's α = k/(k − 1)·(1 − Σ s²ᵢ / s²_total) on cases × items (null = missing; listwise, the excluded
    /// case indices are returned). Standardized α = k·r̄/(1 + (k − 1)·r̄) with r̄ the mean inter-item correlation.
    /// Needs k ≥ 2 items and at least 2 complete cases (otherwise <see cref="ArgumentException"/>).
    /// Null when undefined: α when the total has zero variance; correlations involving a constant item;
    /// α-if-deleted for k = 2; squared multiple correlations when the correlation matrix is singular.
    /// </summary>
    public static CronbachAlphaResult Compute(IReadOnlyList<IReadOnlyList<decimal?>> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        int k = cases.Count > 0 ? cases[0].Count : 0;
        if (k < 2)
        {
            throw new ArgumentException("Need at least 2 items.", nameof(cases));
        }

        var rows = new List<decimal[]>();
        var excluded = new List<int>();
        for (int i = 0; i < cases.Count; i++)
        {
            if (cases[i].Count != k)
            {
                throw new ArgumentException("Every case needs one entry per item.", nameof(cases));
            }

            if (cases[i].All(v => v.HasValue))
            {
                rows.Add(cases[i].Select(v => v!.Value).ToArray());
            }
            else
            {
                excluded.Add(i);
            }
        }

        int n = rows.Count;
        if (n < 2)
        {
            throw new ArgumentException("Need at least 2 complete cases.", nameof(cases));
        }

        decimal[] means = new decimal[k];
        foreach (decimal[] r in rows)
        {
            for (int j = 0; j < k; j++)
            {
                means[j] += r[j];
            }
        }

        for (int j = 0; j < k; j++)
        {
            means[j] /= n;
        }

        var dev = Matrix<double>.Build.Dense(n, k, (i, j) => (double)(rows[i][j] - means[j]));
        Matrix<double> cov = dev.TransposeThisAndMultiply(dev) / (n - 1);
        double scaleVar = cov.Enumerate().Sum();
        double scaleMean = (double)means.Sum();
        double sumItemVar = cov.Diagonal().Sum();

        double? Alpha(double itemVarSum, double totalVar, int items) =>
            totalVar > 0 && items > 1 ? items / (items - 1.0) * (1 - (itemVarSum / totalVar)) : null;

        double? alpha = Alpha(sumItemVar, scaleVar, k);
        bool anyConstant = Enumerable.Range(0, k).Any(j => !(cov[j, j] > 0));
        double? meanR = null;
        double? alphaStd = null;
        Matrix<double>? corr = null;
        if (!anyConstant)
        {
            corr = Matrix<double>.Build.Dense(k, k, (i, j) => cov[i, j] / Math.Sqrt(cov[i, i] * cov[j, j]));
            double sr = 0;
            for (int i = 0; i < k; i++)
            {
                for (int j = i + 1; j < k; j++)
                {
                    sr += corr[i, j];
                }
            }

            meanR = sr / (k * (k - 1) / 2.0);
            alphaStd = k * meanR / (1 + ((k - 1) * meanR));
        }

        Matrix<double>? inverse = corr is not null && Math.Abs(corr.Determinant()) > 1e-12 ? corr.Inverse() : null;
        var items = new List<ItemStatistics>(k);
        for (int j = 0; j < k; j++)
        {
            double rowSum = cov.Row(j).Sum();
            double restVar = scaleVar - (2 * rowSum) + cov[j, j];
            double covRest = rowSum - cov[j, j];
            double? rit = cov[j, j] > 0 && restVar > 0 ? covRest / Math.Sqrt(cov[j, j] * restVar) : null;
            double? alphaDel = Alpha(sumItemVar - cov[j, j], restVar, k - 1);
            double? smc = inverse is not null ? 1 - (1 / inverse[j, j]) : null;
            items.Add(new ItemStatistics(j, n, (double)means[j], Math.Sqrt(cov[j, j]), rit, alphaDel, scaleMean - (double)means[j], restVar, smc));
        }

        return new CronbachAlphaResult(n, excluded, k, alpha, alphaStd, meanR, scaleMean, scaleVar, items);
    }
}
