using Trinn.Statistics.Distributions;

namespace Trinn.Statistics.Power;

/// <summary>Power of G*Power's "ANOVA: Repeated measures, within factors" at a given total N.</summary>
public sealed record RmWithinPower(int TotalN, double Power, double Lambda, double Df1, double Df2, double FCritical);

/// <summary>Minimum total N for a target power, with the power there and at N − 1.</summary>
public sealed record RmWithinSampleSize(int TotalN, double ActualPower, double Lambda, double Df1, double Df2, double FCritical, double? PowerAtNMinus1);

/// <summary>Power of a two-sided t test (paired or independent) at a given N.</summary>
public sealed record TTestPower(int TotalN, double Power, double NoncentralityDelta, double Df, double TCritical);

/// <summary>Power analysis following G*Power 3.1 (Faul, Erdfelder, Lang &amp; Buchner 2007).</summary>
public static class PowerAnalysis
{
    private const int MaxN = 1_000_000;

    /// <summary>
    /// Post hoc power of the within-subjects F test (G*Power "ANOVA: Repeated measures, within factors"):
    /// λ = f²·N·m/(1 − ρ)·ε, df₁ = (m − 1)ε, df₂ = (N − groups)(m − 1)ε, critical F from the central F,
    /// power = P(F'(df₁, df₂, λ) &gt; F_crit). Arguments out of range (f ≤ 0, α ∉ (0,1), m &lt; 2, ρ ∉ (−1, 1),
    /// ε ∉ [1/(m − 1), 1], groups &lt; 1, N ≤ groups) throw <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public static RmWithinPower RepeatedMeasuresWithin(double effectSizeF, double alpha, int totalN, int measurements, double correlation, double epsilon = 1, int groups = 1)
    {
        Validate(effectSizeF, alpha, measurements, correlation, epsilon, groups);
        if (totalN <= groups)
        {
            throw new ArgumentOutOfRangeException(nameof(totalN), "N must exceed the number of groups.");
        }

        double lambda = effectSizeF * effectSizeF * totalN * measurements / (1 - correlation) * epsilon;
        double df1 = (measurements - 1) * epsilon;
        double df2 = (totalN - groups) * (measurements - 1) * epsilon;
        double fCrit = Probability.FQuantileUpper(alpha, df1, df2);
        return new RmWithinPower(totalN, Noncentral.FUpperTail(fCrit, df1, df2, lambda), lambda, df1, df2, fCrit);
    }

    /// <summary>
    /// A priori: the smallest total N (&gt; groups) whose power reaches <paramref name="targetPower"/>
    /// (in (α, 1)); see <see cref="RepeatedMeasuresWithin"/>. Throws if no N up to 1 000 000 reaches it.
    /// </summary>
    public static RmWithinSampleSize RepeatedMeasuresWithinSampleSize(double effectSizeF, double alpha, double targetPower, int measurements, double correlation, double epsilon = 1, int groups = 1)
    {
        Validate(effectSizeF, alpha, measurements, correlation, epsilon, groups);
        if (!(targetPower > alpha && targetPower < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetPower), "Power must lie between alpha and 1.");
        }

        int n = FindMinimum(groups + 1, n => RepeatedMeasuresWithin(effectSizeF, alpha, n, measurements, correlation, epsilon, groups).Power >= targetPower);
        RmWithinPower at = RepeatedMeasuresWithin(effectSizeF, alpha, n, measurements, correlation, epsilon, groups);
        double? before = n - 1 > groups ? RepeatedMeasuresWithin(effectSizeF, alpha, n - 1, measurements, correlation, epsilon, groups).Power : null;
        return new RmWithinSampleSize(n, at.Power, at.Lambda, at.Df1, at.Df2, at.FCritical, before);
    }

    /// <summary>
    /// Power of the two-sided paired t test (G*Power "Means: difference between two dependent means"):
    /// δ = d_z·√N, df = N − 1, power = P(T' &gt; t_crit) + P(T' &lt; −t_crit). N ≥ 2; d_z ≠ 0.
    /// </summary>
    public static TTestPower PairedT(double effectSizeDz, double alpha, int pairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 2);
        return TwoSided(effectSizeDz * Math.Sqrt(pairs), pairs - 1, alpha, pairs);
    }

    /// <summary>
    /// Power of the two-sided independent t test with equal groups (G*Power "Means: difference between two
    /// independent means", allocation 1): δ = d·√(n/2), df = 2n − 2, total N = 2n. n per group ≥ 2.
    /// </summary>
    public static TTestPower IndependentT(double effectSizeD, double alpha, int perGroup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perGroup, 2);
        return TwoSided(effectSizeD * Math.Sqrt(perGroup / 2.0), (2 * perGroup) - 2, alpha, 2 * perGroup);
    }

    /// <summary>Smallest number of pairs with paired-t power ≥ target.</summary>
    public static TTestPower PairedTSampleSize(double effectSizeDz, double alpha, double targetPower) =>
        PairedT(effectSizeDz, alpha, FindMinimum(2, n => PairedT(effectSizeDz, alpha, n).Power >= targetPower));

    /// <summary>Smallest equal group size with independent-t power ≥ target (TotalN = 2n).</summary>
    public static TTestPower IndependentTSampleSize(double effectSizeD, double alpha, double targetPower) =>
        IndependentT(effectSizeD, alpha, FindMinimum(2, n => IndependentT(effectSizeD, alpha, n).Power >= targetPower));

    private static TTestPower TwoSided(double delta, double df, double alpha, int totalN)
    {
        if (!(alpha > 0 && alpha < 1) || double.IsNaN(delta))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "alpha must lie in (0, 1) and the effect size must be a number.");
        }

        double tCrit = Probability.StudentTQuantileUpper(alpha / 2, df);
        double power = Noncentral.TUpperTail(tCrit, df, delta) + Noncentral.TCumulative(-tCrit, df, delta);
        return new TTestPower(totalN, Math.Min(1, power), delta, df, tCrit);
    }

    private static int FindMinimum(int start, Func<int, bool> reached)
    {
        // Power increases with N, so double until reached, then bisect.
        int lo = start;
        if (reached(lo))
        {
            return lo;
        }

        int hi = lo + 1;
        while (!reached(hi))
        {
            lo = hi;
            hi *= 2;
            if (hi > MaxN)
            {
                throw new ArgumentOutOfRangeException(nameof(reached), "No N up to 1 000 000 reaches the target power.");
            }
        }

        while (hi - lo > 1)
        {
            int mid = lo + ((hi - lo) / 2);
            if (reached(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    private static void Validate(double f, double alpha, int m, double rho, double epsilon, int groups)
    {
        if (!(f > 0) || double.IsInfinity(f))
        {
            throw new ArgumentOutOfRangeException(nameof(f), "Effect size f must be positive.");
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "alpha must lie in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(m, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        if (!(rho > -1 && rho < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), "The correlation must lie in (−1, 1).");
        }

        if (!(epsilon >= (1.0 / (m - 1)) - 1e-12 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must lie in [1/(m − 1), 1].");
        }
    }
}
