using MathNet.Numerics;

namespace Trinn.Statistics.Distributions;

/// <summary>
/// Tail probabilities and quantiles of the central t, F and χ² distributions, computed directly as the
/// tail asked for (never as 1 − CDF) so that tiny p-values keep their relative precision.
/// </summary>
/// <remarks>
/// Degrees of freedom must be positive and finite; otherwise the result is <see cref="double.NaN"/>.
/// A NaN statistic gives NaN. Infinite statistics give the limiting probability (0 or 1).
/// </remarks>
public static class Probability
{
    /// <summary>P(T &gt; t) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTUpperTail(double t, double df)
    {
        if (double.IsNaN(t) || !IsValidDf(df))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(t))
        {
            return 0;
        }

        if (double.IsNegativeInfinity(t))
        {
            return 1;
        }

        double half = 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
        return t >= 0 ? half : 1 - half;
    }

    /// <summary>P(T &lt; t) for Student's t.</summary>
    public static double StudentTLowerTail(double t, double df) => StudentTUpperTail(-t, df);

    /// <summary>P(|T| &gt; |t|), the two-sided p-value of a t statistic.</summary>
    public static double StudentTTwoSided(double t, double df)
    {
        if (double.IsNaN(t) || !IsValidDf(df))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        return Math.Min(1, SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t))));
    }

    /// <summary>P(F &gt; f) for the central F distribution with (<paramref name="df1"/>, <paramref name="df2"/>) df.</summary>
    public static double FUpperTail(double f, double df1, double df2)
    {
        if (double.IsNaN(f) || !IsValidDf(df1) || !IsValidDf(df2))
        {
            return double.NaN;
        }

        if (f <= 0)
        {
            return 1;
        }

        if (double.IsPositiveInfinity(f))
        {
            return 0;
        }

        return SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + (df1 * f)));
    }

    /// <summary>P(X &gt; x) for the central χ² distribution with <paramref name="df"/> degrees of freedom.</summary>
    public static double ChiSquareUpperTail(double x, double df)
    {
        if (double.IsNaN(x) || !IsValidDf(df))
        {
            return double.NaN;
        }

        if (x <= 0)
        {
            return 1;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }

        return SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);
    }

    /// <summary>P(Z &gt; z) for the standard normal distribution.</summary>
    public static double NormalUpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>
    /// The t value with upper-tail probability <paramref name="upperTail"/> (e.g. 0.025 for a 95 % CI),
    /// found by bisection on <see cref="StudentTUpperTail"/> to full double precision.
    /// </summary>
    public static double StudentTQuantileUpper(double upperTail, double df)
    {
        if (!(upperTail > 0 && upperTail < 1) || !IsValidDf(df))
        {
            return double.NaN;
        }

        if (upperTail > 0.5)
        {
            return -StudentTQuantileUpper(1 - upperTail, df);
        }

        return InvertDecreasing(x => StudentTUpperTail(x, df), upperTail, 0);
    }

    /// <summary>The critical F: the value with upper-tail probability <paramref name="alpha"/>.</summary>
    public static double FQuantileUpper(double alpha, double df1, double df2)
    {
        if (!(alpha > 0 && alpha < 1) || !IsValidDf(df1) || !IsValidDf(df2))
        {
            return double.NaN;
        }

        return InvertDecreasing(x => FUpperTail(x, df1, df2), alpha, 0);
    }

    internal static bool IsValidDf(double df) => df > 0 && !double.IsInfinity(df);

    /// <summary>Solves tail(x) = target for a decreasing tail on [lower, ∞) by bracketing and bisection.</summary>
    internal static double InvertDecreasing(Func<double, double> tail, double target, double lower)
    {
        double lo = lower;
        double hi = Math.Max(1, lower + 1);
        int guard = 0;
        while (tail(hi) > target && guard++ < 2000)
        {
            lo = hi;
            hi *= 2;
        }

        for (int i = 0; i < 400; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (tail(mid) > target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
