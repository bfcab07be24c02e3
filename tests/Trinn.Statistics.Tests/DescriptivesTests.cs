using Trinn.Statistics.Descriptive;

namespace Trinn.Statistics.Tests;

public class DescriptivesTests
{
    private static readonly decimal[] Data = [2.5m, 3.1m, 4.7m, 3.1m, 5.9m, 6.2m, 1.8m, 3.1m, 4.4m, 7.0m, 2.2m];

    [Fact]
    public void Summarize_ElevenValues_MatchesRSpssFormulas()
    {
        DescriptiveSummary s = Descriptives.Summarize(Data);

        // d <- c(2.5,3.1,4.7,3.1,5.9,6.2,1.8,3.1,4.4,7.0,2.2); mean(d); sd(d)
        AssertRel.Close(4, s.Mean, 1e-15);
        AssertRel.Close(1.7567014544310027, s.SampleStandardDeviation, 1e-13);
        // G1 <- n/((n-1)*(n-2))*sum(((d-m)/s)^3)
        AssertRel.Close(0.5156564275124883, s.SkewnessG1, 1e-12);
        // G2 <- n*(n+1)/((n-1)*(n-2)*(n-3))*sum(((d-m)/s)^4) - 3*(n-1)^2/((n-2)*(n-3))
        AssertRel.Close(-1.1119940827830752, s.KurtosisG2, 1e-12);
        // quantile(d, c(.25,.5,.75), type=6)  (type 6 = SPSS HAVERAGE)
        AssertRel.Close(2.5, s.Percentile25, 1e-15);
        AssertRel.Close(3.1, s.Percentile50, 1e-15);
        AssertRel.Close(5.9, s.Percentile75, 1e-15);
        // SE of skewness sqrt(6n(n-1)/((n-2)(n+1)(n+3))) for n = 11 = 0.66058...
        AssertRel.Close(Math.Sqrt(6.0 * 11 * 10 / (9 * 12 * 14)), s.SkewnessStandardError, 1e-15);
        Assert.Equal(3.1, s.Mode);
        Assert.False(s.MultipleModes);
        Assert.Equal(1.8, s.Minimum);
        Assert.Equal(7.0, s.Maximum);
        AssertRel.Close(44, s.Sum, 1e-15);
    }

    [Fact]
    public void Summarize_Empty_GivesZeroNAndNulls()
    {
        DescriptiveSummary s = Descriptives.Summarize(Array.Empty<decimal>());
        Assert.Equal(0, s.N);
        Assert.Null(s.Mean);
        Assert.Null(s.Median);
    }

    [Fact]
    public void Summarize_OneValue_GivesNullSpread()
    {
        DescriptiveSummary s = Descriptives.Summarize(new[] { 5m });
        Assert.Equal(5, s.Mean);
        Assert.Null(s.SampleStandardDeviation);
        Assert.Null(s.SkewnessG1);
        Assert.Equal(5, s.Median);
    }

    [Fact]
    public void Summarize_ZeroVariance_GivesNullSkewnessAndKurtosis()
    {
        DescriptiveSummary s = Descriptives.Summarize(new[] { 2m, 2m, 2m, 2m, 2m });
        Assert.Equal(0, s.SampleStandardDeviation);
        Assert.Null(s.SkewnessG1);
        Assert.Null(s.KurtosisG2);
    }

    [Fact]
    public void Summarize_NaNOrInfinity_Throws()
    {
        Assert.Throws<ArgumentException>(() => Descriptives.Summarize(new[] { 1.0, double.NaN }));
        Assert.Throws<ArgumentException>(() => Descriptives.Summarize(new[] { 1.0, double.PositiveInfinity }));
    }

    [Fact]
    public void Summarize_HugeOffsetDecimals_KeepsSpread()
    {
        // 1e12 + {0.4, 0.3, 0.5}: SD is exactly 0.1, which double input cannot reproduce.
        DescriptiveSummary s = Descriptives.Summarize(new[] { 1000000000000.4m, 1000000000000.3m, 1000000000000.5m });
        AssertRel.Close(0.1, s.SampleStandardDeviation, 1e-14);
    }

    [Fact]
    public void Summarize_TwoModes_ReportsSmallestAndFlag()
    {
        DescriptiveSummary s = Descriptives.Summarize(new[] { 3m, 1m, 3m, 1m, 2m });
        Assert.Equal(1, s.Mode);
        Assert.True(s.MultipleModes);
    }

    [Fact]
    public void Tabulate_WithMissing_UsesAllCasesForPercentAndValidForCumulative()
    {
        // 8 cases, 1 missing: 1 ×2, 2 ×5 → percent 25.0 / 62.5, valid 28.6 / 71.4
        decimal?[] values = [1, 2, 2, null, 2, 1, 2, 2];
        FrequencyTable t = Frequencies.Tabulate(values);

        Assert.Equal(8, t.NTotal);
        Assert.Equal(7, t.NValid);
        Assert.Equal("25.0", t.Rows[0].PercentDisplay);
        Assert.Equal("28.6", t.Rows[0].ValidPercentDisplay);
        Assert.Equal("62.5", t.Rows[1].PercentDisplay);
        Assert.Equal("100.0", t.Rows[1].CumulativePercentDisplay);
        AssertRel.Close(100.0 * 2 / 7, t.Rows[0].CumulativePercent, 1e-15);
        Assert.Equal("12.5", t.MissingPercentOfTotalDisplay);
    }

    [Fact]
    public void Display_ExactHalf_RoundsAwayFromZero()
    {
        // 49 of 400 = 12.25 % exactly: half away from zero gives 12.3 (banker's rounding would give 12.2).
        Assert.Equal("12.3", Frequencies.Display(100m * 49 / 400));
        Assert.Equal("0.1", Frequencies.Display(100m * 1 / 2000));
    }
}
