using Trinn.Statistics.Inference;

namespace Trinn.Statistics.Tests;

/// <summary>
/// Reference values from R 4.x (car 3.x) on this data:
/// g &lt;- c(1,1,1,1,1,1,2,2,2,2,2,2,2,3,3,3,3,3)
/// v &lt;- c(4.1,5.3,6.2,5.5,4.8,6.9, 7.2,6.8,8.1,7.7,6.5,9.0,7.9, 5.0,5.9,6.1,4.4,5.2); x &lt;- v[g==1]; y &lt;- v[g==2]
/// </summary>
public class TTestAndAnovaTests
{
    private static readonly decimal[] G1 = [4.1m, 5.3m, 6.2m, 5.5m, 4.8m, 6.9m];
    private static readonly decimal[] G2 = [7.2m, 6.8m, 8.1m, 7.7m, 6.5m, 9.0m, 7.9m];
    private static readonly decimal[] G3 = [5.0m, 5.9m, 6.1m, 4.4m, 5.2m];

    [Fact]
    public void Independent_TwoGroups_MatchesRStudentWelchAndLevene()
    {
        IndependentTTestResult r = TTests.Independent(G1, G2);

        // t.test(x, y, var.equal=TRUE): t, df, p, conf.int
        AssertRel.Close(-4.1807955233612927870, r.EqualVariancesAssumed.T);
        Assert.Equal(11, r.EqualVariancesAssumed.Df);
        AssertRel.Close(0.0015344910015528356, r.EqualVariancesAssumed.PTwoSided);
        AssertRel.Close(-3.2564294000886953029, r.EqualVariancesAssumed.CiLower);
        AssertRel.Close(-1.0102372665779704164, r.EqualVariancesAssumed.CiUpper);
        // t.test(x, y)
        AssertRel.Close(-4.1262729267503912567, r.EqualVariancesNotAssumed.T);
        AssertRel.Close(9.9628447122573131622, r.EqualVariancesNotAssumed.Df);
        AssertRel.Close(0.0020726659300925707, r.EqualVariancesNotAssumed.PTwoSided);
        AssertRel.Close(-3.2858908469347891668, r.EqualVariancesNotAssumed.CiLower);
        AssertRel.Close(-0.9807758197318765525, r.EqualVariancesNotAssumed.CiUpper);
        // car::leveneTest(v[g<3] ~ factor(g[g<3]), center=mean)
        AssertRel.Close(0.068679576606019518, r.LeveneMeanCentered.F);
        AssertRel.Close(0.79811182225083743, r.LeveneMeanCentered.P);
        // Cohen's d = (mean1 − mean2)/pooled SD; t = d / sqrt(1/n1 + 1/n2)
        AssertRel.Close(-4.1807955233612927870 * Math.Sqrt((1.0 / 6) + (1.0 / 7)), r.CohenD);
        AssertRel.Close(r.CohenD!.Value * (1 - (3.0 / ((4 * 11) - 1))), r.HedgesGApprox);
    }

    [Fact]
    public void Independent_DoubleOverload_AgreesWithDecimal()
    {
        IndependentTTestResult r = TTests.Independent(G1.Select(v => (double)v).ToArray(), G2.Select(v => (double)v).ToArray());
        AssertRel.Close(-4.1807955233612927870, r.EqualVariancesAssumed.T);
    }

    [Fact]
    public void OneWay_ThreeGroups_MatchesRAnovaWelchLeveneAndLsd()
    {
        OneWayAnovaResult r = OneWayAnova.Fit([G1, G2, G3]);

        // anova(lm(v ~ factor(g)))
        AssertRel.Close(20.763111111111098, r.Between.SumOfSquares, 1e-12);
        AssertRel.Close(11.161333333333332, r.Within.SumOfSquares, 1e-12);
        AssertRel.Close(13.952036793692502, r.F, 1e-12);
        AssertRel.Close(0.00037752479169962547, r.P);
        // oneway.test(v ~ factor(g))
        AssertRel.Close(14.2433229464964039579, r.Welch!.F);
        AssertRel.Close(9.7072667296052301822, r.Welch.Df2);
        AssertRel.Close(0.0012959467702454825, r.Welch.P);
        // car::leveneTest(v ~ factor(g), center=mean)
        AssertRel.Close(0.21454956744889242, r.LeveneMeanCentered.F);
        AssertRel.Close(0.80933844728309889, r.LeveneMeanCentered.P);
        // pairwise.t.test(v, factor(g), p.adjust.method="none", pool.sd=TRUE)$p.value
        AssertRel.Close(0.00047214139904735482, r.PostHoc[0].PLsd);
        AssertRel.Close(0.78270658777128421235, r.PostHoc[1].PLsd);
        AssertRel.Close(0.00041161738156051845, r.PostHoc[2].PLsd);
        AssertRel.Close(Math.Min(1, 3 * 0.78270658777128421235), r.PostHoc[1].PBonferroni);
        AssertRel.Close(20.763111111111098 / (20.763111111111098 + 11.161333333333332), r.EtaSquared, 1e-12);
    }

    [Fact]
    public void OneWay_ThreeGroups_TukeyMatchesRTukeyHsd()
    {
        OneWayAnovaResult r = OneWayAnova.Fit([G1, G2, G3]);

        // TukeyHSD(aov(v ~ factor(g))): rows 2-1, 3-1, 3-2 (R's diff is j − i; ours is i − j).
        // R's CIs use qtukey, whose secant search stops at ~1e-8 relative, hence 1e-7 on the CI bounds.
        AssertRel.Close(0.0012903918083303489, r.PostHoc[0].PTukey, 1e-7);
        AssertRel.Close(-3.37988424073591753, r.PostHoc[0].CiTukeyLower, 1e-7);
        AssertRel.Close(-0.88678242593074641, r.PostHoc[0].CiTukeyUpper, 1e-7);
        AssertRel.Close(0.9575903701175280114, r.PostHoc[1].PTukey, 1e-8);
        AssertRel.Close(0.0011269458378624364, r.PostHoc[2].PTukey, 1e-7);
        AssertRel.Close(0.96804303622572929, r.PostHoc[2].CiTukeyLower, 1e-7);
    }

    [Theory]
    // ptukey(3.5, 3, 15); ptukey(2.1, 4, 7)
    [InlineData(3.5, 3, 15, 0.93708464535581992)]
    [InlineData(2.1, 4, 7, 0.50709824247371371)]
    public void StudentizedRangeCumulative_MatchesRPtukey(double q, int groups, double df, double expected)
    {
        AssertRel.Close(expected, Distributions.StudentizedRange.Cumulative(q, groups, df), 1e-10);
    }

    [Fact]
    public void StudentizedRange_UpperTailAndQuantile_MatchR()
    {
        // ptukey(5, 6, 40, lower.tail=FALSE)
        AssertRel.Close(0.012466018467364504, Distributions.StudentizedRange.UpperTail(5, 6, 40), 1e-8);
        // qtukey(0.95, 3, 15) = 3.6733776249744512 and qtukey(0.95, 5, 120) = 3.9169376929369633, but R's qtukey
        // stops its secant search early: ptukey(3.6733776249744512, 3, 15) − 0.95 = −2.3e-9, while our
        // 3.67337765890443 gives ptukey(...) − 0.95 = 1.7e-15. So compare at 1e-7.
        AssertRel.Close(3.6733776249744512, Distributions.StudentizedRange.Quantile(0.95, 3, 15), 1e-7);
        AssertRel.Close(3.9169376929369633, Distributions.StudentizedRange.Quantile(0.95, 5, 120), 1e-7);
    }

    [Fact]
    public void Paired_FirstTwoLevels_MatchesRPairedT()
    {
        decimal?[] a = [10, 9, 12, 8, 11, 10, 7, 12, 10];
        decimal?[] b = [12, 11, 15, 8, 14, 13, 10, 12, null];

        PairedTTestResult r = TTests.Paired(a, b);

        // t.test(Y[,1], Y[,2], paired=TRUE) on the 8 complete pairs
        Assert.Equal(8, r.NPairs);
        Assert.Equal(1, r.NExcluded);
        AssertRel.Close(-4.3204937989385739, r.Test.T);
        AssertRel.Close(0.0034780842650027834, r.Test.PTwoSided);
        AssertRel.Close(-2, r.Test.MeanDifference, 1e-14);
        AssertRel.Close(r.Test.MeanDifference!.Value / r.SdDifference!.Value, r.CohenD, 1e-14);
    }

    [Fact]
    public void Paired_ZeroVarianceDifferences_GivesNullTestAndEffect()
    {
        PairedTTestResult r = TTests.Paired(new decimal?[] { 1, 2, 3 }, new decimal?[] { 0, 1, 2 });
        Assert.Null(r.Test.T);
        Assert.Null(r.Test.PTwoSided);
        Assert.Null(r.CohenD);
        Assert.Equal(1, r.Test.MeanDifference);
    }

    [Fact]
    public void Independent_OneValuePerGroup_GivesNullsNotNaN()
    {
        IndependentTTestResult r = TTests.Independent(new decimal[] { 1 }, new decimal[] { 2 });
        Assert.Null(r.EqualVariancesAssumed.T);
        Assert.Null(r.EqualVariancesNotAssumed.T);
        Assert.Null(r.Group1.StandardDeviation);
        Assert.Null(r.CohenD);
    }

    [Fact]
    public void OneWay_EmptyGroup_Throws()
    {
        Assert.Throws<ArgumentException>(() => OneWayAnova.Fit(new List<IReadOnlyList<decimal>> { G1, Array.Empty<decimal>() }));
    }

    [Fact]
    public void OneWay_NaNInDoubleInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => OneWayAnova.Fit(new List<IReadOnlyList<double>> { new[] { 1.0, double.NaN }, new[] { 2.0, 3.0 } }));
    }

    [Fact]
    public void OneWay_ZeroWithinVariance_GivesNullFAndP()
    {
        OneWayAnovaResult r = OneWayAnova.Fit([new decimal[] { 1, 1 }, new decimal[] { 2, 2 }]);
        Assert.Equal(0, r.Within.SumOfSquares);
        Assert.Null(r.F);
        Assert.Null(r.P);
        Assert.Null(r.Welch);
        Assert.Equal(1, r.EtaSquared);
    }
}
