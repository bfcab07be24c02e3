using FsCheck.Xunit;
using Trinn.Statistics.Descriptive;
using Trinn.Statistics.Inference;

namespace Trinn.Statistics.Tests;

/// <summary>
/// Properties that must hold for any data: adding a huge constant (13 integer digits, as in NIST SmLs07–09)
/// to decimal input changes no spread statistic, and swapping groups flips the sign of t only.
/// Values are small integers scaled to one decimal so that the exact answers are known to be shift-free.
/// </summary>
public class InvarianceProperties
{
    private const decimal Shift = 1_000_000_000_000m;

    [Property(MaxTest = 200)]
    public bool OneWay_HugeShift_LeavesSumsOfSquaresUnchanged(int[] a, int[] b, int[] c)
    {
        if (a.Length < 2 || b.Length < 2 || c.Length < 2)
        {
            return true;
        }

        List<IReadOnlyList<decimal>> groups = [Scale(a, 0), Scale(b, 0), Scale(c, 0)];
        List<IReadOnlyList<decimal>> shifted = [Scale(a, Shift), Scale(b, Shift), Scale(c, Shift)];

        OneWayAnovaResult r = OneWayAnova.Fit(groups);
        OneWayAnovaResult s = OneWayAnova.Fit(shifted);
        return Same(r.Between.SumOfSquares, s.Between.SumOfSquares) && Same(r.Within.SumOfSquares, s.Within.SumOfSquares);
    }

    [Property(MaxTest = 200)]
    public bool Descriptives_HugeShift_LeavesSdSkewnessKurtosisUnchanged(int[] values)
    {
        if (values.Length < 4)
        {
            return true;
        }

        DescriptiveSummary r = Descriptives.Summarize(Scale(values, 0));
        DescriptiveSummary s = Descriptives.Summarize(Scale(values, Shift));
        return Same(r.SampleStandardDeviation, s.SampleStandardDeviation) && Same(r.SkewnessG1, s.SkewnessG1) && Same(r.KurtosisG2, s.KurtosisG2);
    }

    [Property(MaxTest = 200)]
    public bool Independent_SwappedGroups_NegatesTAndKeepsP(int[] a, int[] b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return true;
        }

        IndependentTTestResult r = TTests.Independent(Scale(a, 0), Scale(b, 0));
        IndependentTTestResult s = TTests.Independent(Scale(b, 0), Scale(a, 0));
        return Same(r.EqualVariancesAssumed.T, -s.EqualVariancesAssumed.T) && Same(r.EqualVariancesAssumed.PTwoSided, s.EqualVariancesAssumed.PTwoSided)
            && Same(r.EqualVariancesNotAssumed.Df, s.EqualVariancesNotAssumed.Df);
    }

    private static decimal[] Scale(int[] values, decimal shift) => values.Select(v => shift + (v / 10m)).ToArray();

    private static bool Same(double? x, double? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        return Math.Abs(x.Value - y.Value) <= 1e-12 * Math.Max(1, Math.Max(Math.Abs(x.Value), Math.Abs(y.Value)));
    }
}
