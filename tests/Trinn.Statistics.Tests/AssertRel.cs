namespace Trinn.Statistics.Tests;

/// <summary>Relative-tolerance assertions: |actual − expected| ≤ rel·|expected| (or ≤ abs near zero).</summary>
internal static class AssertRel
{
    public static void Close(double expected, double? actual, double rel = 1e-9, double abs = 1e-300)
    {
        Assert.True(actual.HasValue, $"expected {expected:R}, got null");
        double a = actual!.Value;
        double tol = Math.Max(rel * Math.Abs(expected), abs);
        Assert.True(Math.Abs(a - expected) <= tol, $"expected {expected:R}, got {a:R} (relative error {Math.Abs(a - expected) / Math.Abs(expected):E2}, tolerance {tol:E2})");
    }

    public static double Error(double expected, double actual) =>
        expected == 0 ? Math.Abs(actual) : Math.Abs(actual - expected) / Math.Abs(expected);
}
