using Trinn.Statistics.Internal;

namespace Trinn.Statistics.Descriptive;

/// <summary>Summary statistics of one variable, as SPSS FREQUENCIES / DESCRIPTIVES print them.</summary>
/// <remarks>Undefined values are null: everything but <see cref="N"/> with n = 0; variance, SD and SE with
/// n &lt; 2; skewness with n &lt; 3 or SD = 0; kurtosis with n &lt; 4 or SD = 0.</remarks>
public sealed record DescriptiveSummary(
    int N,
    double? Mean,
    double? SampleVariance,
    double? SampleStandardDeviation,
    double? StandardErrorOfMean,
    double? Median,
    double? Minimum,
    double? Maximum,
    double? Range,
    double? Sum,
    double? Mode,
    bool? MultipleModes,
    double? SkewnessG1,
    double? SkewnessStandardError,
    double? KurtosisG2,
    double? KurtosisStandardError,
    double? Percentile25,
    double? Percentile50,
    double? Percentile75);

/// <summary>Descriptive statistics (SPSS conventions: n − 1 variance, G1/G2 moments, HAVERAGE percentiles).</summary>
public static class Descriptives
{
    /// <summary>
    /// Summarizes exact decimal values (the mean and deviations are formed in <c>decimal</c> before
    /// conversion, so data like 1000000000000.4 keep their precision). Empty input gives n = 0 and nulls.
    /// </summary>
    public static DescriptiveSummary Summarize(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        decimal sum = 0;
        foreach (decimal v in values)
        {
            sum += v;
        }

        return Summarize(CenteredSample.FromDecimal(values), (double)sum);
    }

    /// <summary>
    /// Summarizes double values. NaN or ±∞ throw <see cref="ArgumentException"/> (missing values must be
    /// removed by the caller). Empty input gives n = 0 and nulls.
    /// </summary>
    public static DescriptiveSummary Summarize(IReadOnlyList<double> values)
    {
        CenteredSample s = CenteredSample.FromDouble(values);
        return Summarize(s, CenteredSample.Sum(values));
    }

    /// <summary>Sample variance with divisor n − 1; null for n &lt; 2. NaN/±∞ throw.</summary>
    public static double? SampleVariance(IReadOnlyList<double> values) => Summarize(values).SampleVariance;

    /// <summary>Sample standard deviation with divisor n − 1; null for n &lt; 2. NaN/±∞ throw.</summary>
    public static double? SampleStandardDeviation(IReadOnlyList<double> values) => Summarize(values).SampleStandardDeviation;

    /// <summary>
    /// Percentile by SPSS's HAVERAGE definition: position w = (n + 1)·p, x(k) + (w − k)(x(k+1) − x(k)) with
    /// k = ⌊w⌋; w &lt; 1 gives the minimum and w ≥ n the maximum. <paramref name="sorted"/> must be ascending.
    /// Null for an empty sample; <paramref name="p"/> outside [0, 1] throws.
    /// </summary>
    public static double? PercentileHAverage(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), "p must lie in [0, 1].");
        }

        int n = sorted.Count;
        if (n == 0)
        {
            return null;
        }

        double w = (n + 1) * p;
        int k = (int)Math.Floor(w);
        if (k < 1)
        {
            return sorted[0];
        }

        if (k >= n)
        {
            return sorted[n - 1];
        }

        double g = w - k;
        return sorted[k - 1] + (g * (sorted[k] - sorted[k - 1]));
    }

    internal static DescriptiveSummary Summarize(CenteredSample s, double sum)
    {
        int n = s.Count;
        if (n == 0)
        {
            return new DescriptiveSummary(0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        double ss = s.SumOfSquares;
        double? variance = n > 1 ? ss / (n - 1) : null;
        double? sd = variance is { } v ? Math.Sqrt(v) : null;
        double? se = sd is { } d ? d / Math.Sqrt(n) : null;

        double? skew = null;
        double? seSkew = null;
        double? kurt = null;
        double? seKurt = null;
        if (n >= 3)
        {
            seSkew = Math.Sqrt(6.0 * n * (n - 1) / ((n - 2.0) * (n + 1.0) * (n + 3.0)));
        }

        if (n >= 4 && seSkew is { } ses)
        {
            seKurt = 2 * ses * Math.Sqrt(((double)n * n - 1) / ((n - 3.0) * (n + 5.0)));
        }

        if (sd is { } sdv && sdv > 0)
        {
            double m3 = 0;
            double m4 = 0;
            foreach (double dev in s.Deviations)
            {
                double z = dev / sdv;
                m3 += z * z * z;
                m4 += z * z * z * z;
            }

            if (n >= 3)
            {
                skew = n * m3 / ((n - 1.0) * (n - 2.0));
            }

            if (n >= 4)
            {
                kurt = (n * (n + 1.0) * m4 / ((n - 1.0) * (n - 2.0) * (n - 3.0))) - (3.0 * (n - 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0)));
            }
        }

        (double mode, bool multiple) = Mode(s.Sorted);
        return new DescriptiveSummary(
            n,
            s.Mean,
            variance,
            sd,
            se,
            PercentileMedian(s.Sorted),
            s.Sorted[0],
            s.Sorted[n - 1],
            s.Sorted[n - 1] - s.Sorted[0],
            sum,
            mode,
            multiple,
            skew,
            seSkew,
            kurt,
            seKurt,
            PercentileHAverage(s.Sorted, 0.25),
            PercentileHAverage(s.Sorted, 0.5),
            PercentileHAverage(s.Sorted, 0.75));
    }

    private static double PercentileMedian(double[] sorted)
    {
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
    }

    /// <summary>Smallest most frequent value, and whether another value is as frequent.</summary>
    private static (double Mode, bool Multiple) Mode(double[] sorted)
    {
        double best = sorted[0];
        int bestCount = 0;
        bool multiple = false;
        int i = 0;
        while (i < sorted.Length)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            int count = j - i;
            if (count > bestCount)
            {
                best = sorted[i];
                bestCount = count;
                multiple = false;
            }
            else if (count == bestCount)
            {
                multiple = true;
            }

            i = j;
        }

        return (best, multiple);
    }
}
