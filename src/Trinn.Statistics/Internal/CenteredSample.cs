namespace Trinn.Statistics.Internal;

/// <summary>
/// A sample stored as its mean and its deviations from that mean. Built from <c>decimal</c> values the
/// mean and the deviations are exact to ~28 digits before they become <c>double</c>; built from
/// <c>double</c> values it is a corrected two-pass centring (Chan, Golub &amp; LeVeque 1983).
/// </summary>
internal sealed class CenteredSample
{
    private CenteredSample(double mean, decimal? exactMean, double[] deviations, double[] sorted)
    {
        Mean = mean;
        ExactMean = exactMean;
        Deviations = deviations;
        Sorted = sorted;
    }

    public int Count => Deviations.Length;

    public double Mean { get; }

    /// <summary>The decimal mean when the sample came from decimals; null for double input.</summary>
    public decimal? ExactMean { get; }

    public double[] Deviations { get; }

    public double[] Sorted { get; }

    public double SumOfSquares
    {
        get
        {
            double s = 0;
            double c = 0;
            foreach (double d in Deviations)
            {
                double y = (d * d) - c;
                double t = s + y;
                c = t - s - y;
                s = t;
            }

            return s;
        }
    }

    public static CenteredSample FromDecimal(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (n == 0)
        {
            return new CenteredSample(double.NaN, null, [], []);
        }

        decimal sum = 0;
        foreach (decimal v in values)
        {
            sum += v;
        }

        decimal mean = sum / n;
        var dev = new double[n];
        var sorted = new double[n];
        for (int i = 0; i < n; i++)
        {
            dev[i] = (double)(values[i] - mean);
            sorted[i] = (double)values[i];
        }

        Array.Sort(sorted);
        return new CenteredSample((double)mean, mean, dev, sorted);
    }

    public static CenteredSample FromDouble(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Values must be finite; remove missing (NaN) values before calling.", nameof(values));
            }
        }

        if (n == 0)
        {
            return new CenteredSample(double.NaN, null, [], []);
        }

        double first = Sum(values) / n;
        var dev = new double[n];
        for (int i = 0; i < n; i++)
        {
            dev[i] = values[i] - first;
        }

        double correction = Sum(dev) / n;
        for (int i = 0; i < n; i++)
        {
            dev[i] -= correction;
        }

        double[] sorted = [.. values];
        Array.Sort(sorted);
        return new CenteredSample(first + correction, null, dev, sorted);
    }

    /// <summary>Neumaier-compensated sum.</summary>
    public static double Sum(IReadOnlyList<double> values)
    {
        double s = 0;
        double c = 0;
        foreach (double v in values)
        {
            double t = s + v;
            c += Math.Abs(s) >= Math.Abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }

        return s + c;
    }
}
