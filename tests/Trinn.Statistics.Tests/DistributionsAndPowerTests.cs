using Trinn.Statistics.Distributions;
using Trinn.Statistics.Power;

namespace Trinn.Statistics.Tests;

/// <summary>
/// Noncentral F references are R's Poisson series with TOMS 708 pbeta, good to ~1e-15:
/// ncf &lt;- function(x, d1, d2, lam) { j &lt;- 0:2000; y &lt;- d2/(d2+d1*x); sum(dpois(j, lam/2) * pbeta(y, d2/2, d1/2 + j)) }
/// R's own pf(x, d1, d2, ncp, lower.tail=FALSE) (AS 226, errmax 1e-9) differs from it by up to 1e-9;
/// <see cref="NoncentralFUpperTail_AgreesWithRPfWithinItsErrorBound"/> checks that too.
/// Power: pw &lt;- function(N, m, f=.25, a=.05, rho=.5, eps=1, k=1) { lam &lt;- f^2*N*m/(1-rho)*eps; d1 &lt;- (m-1)*eps;
/// d2 &lt;- (N-k)*(m-1)*eps; ncf(qf(1-a, d1, d2), d1, d2, lam) }
/// </summary>
public class DistributionsAndPowerTests
{
    [Theory]
    // pf(2.7094, 3, 87, ncp=15, lower.tail=FALSE); pf(10, 2, 5, ncp=40, lower.tail=FALSE)
    [InlineData(2.7094, 3, 87, 15, 0.90365694698196208)]
    [InlineData(10, 2, 5, 40, 0.89379144983110936)]
    public void NoncentralFUpperTail_AgreesWithRPfWithinItsErrorBound(double x, double df1, double df2, double ncp, double expected)
    {
        AssertRel.Close(expected, Noncentral.FUpperTail(x, df1, df2, ncp), 2e-9);
    }

    [Theory]
    // ncf(2.7094, 3, 87, 15)
    [InlineData(2.7094, 3, 87, 15, 0.90365694684164355)]
    // ncf(1.5, 4, 20, 3.2)
    [InlineData(1.5, 4, 20, 3.2, 0.54352333338397463)]
    // ncf(10, 2, 5, 40)
    [InlineData(10, 2, 5, 40, 0.89379144902176366)]
    public void NoncentralFUpperTail_MatchesRPf(double x, double df1, double df2, double ncp, double expected)
    {
        AssertRel.Close(expected, Noncentral.FUpperTail(x, df1, df2, ncp), 1e-12);
    }

    [Fact]
    public void NoncentralFCumulative_MatchesRPf()
    {
        // j <- 0:2000; z <- 7*0.5/(33+7*0.5); sum(dpois(j, 0.15) * pbeta(z, 3.5 + j, 16.5))
        AssertRel.Close(0.15737923934930012, Noncentral.FCumulative(0.5, 7, 33, 0.3), 1e-12);
    }

    [Theory]
    // pt(2.1, 12, ncp=1.5)
    [InlineData(2.1, 12, 1.5, 0.6953254738050092)]
    // pt(-1, 30, ncp=2)
    [InlineData(-1, 30, 2, 0.0015004749341490653)]
    public void NoncentralTCumulative_MatchesRPt(double t, double df, double ncp, double expected)
    {
        AssertRel.Close(expected, Noncentral.TCumulative(t, df, ncp), 1e-10);
    }

    [Fact]
    public void NoncentralTUpperTail_MatchesRPt()
    {
        // pt(3, 5, ncp=-0.5, lower.tail=FALSE)
        AssertRel.Close(0.0050527912358157012, Noncentral.TUpperTail(3, 5, -0.5), 1e-9);
    }

    [Fact]
    public void CentralTails_TinyPValues_KeepRelativePrecision()
    {
        // pf(400, 2, 30, lower.tail=FALSE); 2*pt(-25, 40); pchisq(150, 3, lower.tail=FALSE)
        AssertRel.Close(2.3477261381516019e-22, Probability.FUpperTail(400, 2, 30), 1e-12);
        AssertRel.Close(4.9633434444783166e-26, Probability.StudentTTwoSided(25, 40), 1e-12);
        AssertRel.Close(2.6349139284880449e-32, Probability.ChiSquareUpperTail(150, 3), 1e-12);
    }

    [Fact]
    public void Quantiles_MatchRQfAndQt()
    {
        // qf(0.95, 3, 87); qt(0.975, 11)
        AssertRel.Close(2.709402144784006, Probability.FQuantileUpper(0.05, 3, 87), 1e-13);
        AssertRel.Close(2.2009851600916388, Probability.StudentTQuantileUpper(0.025, 11), 1e-13);
    }

    [Fact]
    public void Tails_InvalidDf_GiveNaN()
    {
        Assert.True(double.IsNaN(Probability.FUpperTail(1, 0, 5)));
        Assert.True(double.IsNaN(Probability.StudentTTwoSided(double.NaN, 5)));
        Assert.True(double.IsNaN(Noncentral.FUpperTail(1, 2, 5, -1)));
    }

    [Fact]
    public void RmWithinSampleSize_ReportCase_Gives30()
    {
        // G*Power 3.1, ANOVA: Repeated measures, within factors: f=.25, α=.05, power .90, 1 group, m=4, ρ=.5, ε=1.
        // pw(30, 4), pw(29, 4); G*Power prints 0.9037 / N = 30 (INSTRUMENTS.md part D)
        RmWithinSampleSize r = PowerAnalysis.RepeatedMeasuresWithinSampleSize(0.25, 0.05, 0.90, 4, 0.5);

        Assert.Equal(30, r.TotalN);
        AssertRel.Close(0.90365674551134234, r.ActualPower, 1e-10);
        AssertRel.Close(0.89233488951466178, r.PowerAtNMinus1, 1e-10);
        AssertRel.Close(15, r.Lambda, 1e-14);
        Assert.Equal(3, r.Df1);
        Assert.Equal(87, r.Df2);
        AssertRel.Close(2.709402144784006, r.FCritical, 1e-12);
    }

    [Theory]
    // pw(44, 2), pw(43, 2), pw(36, 3), pw(35, 3): INSTRUMENTS.md part D's table
    [InlineData(2, 44, 0.90003059333146052, 0.89305048597079906)]
    [InlineData(3, 36, 0.90640676986848379, 0.89756509557992636)]
    public void RmWithinSampleSize_OtherMeasurementCounts_MatchTable(int m, int n, double power, double powerBefore)
    {
        RmWithinSampleSize r = PowerAnalysis.RepeatedMeasuresWithinSampleSize(0.25, 0.05, 0.90, m, 0.5);
        Assert.Equal(n, r.TotalN);
        AssertRel.Close(power, r.ActualPower, 1e-10);
        AssertRel.Close(powerBefore, r.PowerAtNMinus1, 1e-10);
    }

    [Theory]
    // pw(30, 2); pw(30, 4, k=2); pw(30, 4, eps=0.6)
    [InlineData(2, 1, 1.0, 0.75396471574379065)]
    [InlineData(4, 2, 1.0, 0.90315625020922385)]
    [InlineData(4, 1, 0.6, 0.76109729002077353)]
    public void RmWithin_PostHoc_MatchesR(int m, int groups, double epsilon, double expected)
    {
        AssertRel.Close(expected, PowerAnalysis.RepeatedMeasuresWithin(0.25, 0.05, 30, m, 0.5, epsilon, groups).Power, 1e-10);
    }

    [Fact]
    public void RmWithin_InvalidEpsilon_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerAnalysis.RepeatedMeasuresWithin(0.25, 0.05, 30, 4, 0.5, 0.2));
    }

    [Fact]
    public void TTestPower_PairedAndIndependent_MatchRNoncentralT()
    {
        // tc <- qt(.975, df); pt(tc, df, ncp=δ, lower.tail=FALSE) + pt(-tc, df, ncp=δ)
        // paired dz = .5, n = 34: 0.80777750127944004; n = 33: 0.79536584148763401 (power.t.test gives n = 33.37)
        TTestPower paired = PowerAnalysis.PairedTSampleSize(0.5, 0.05, 0.80);
        Assert.Equal(34, paired.TotalN);
        AssertRel.Close(0.80777750127944004, paired.Power, 1e-9);
        AssertRel.Close(0.79536584148763401, PowerAnalysis.PairedT(0.5, 0.05, 33).Power, 1e-9);
        // independent d = .5, 64 per group: 0.80145955792232704 (power.t.test gives 63.77 per group)
        TTestPower ind = PowerAnalysis.IndependentTSampleSize(0.5, 0.05, 0.80);
        Assert.Equal(128, ind.TotalN);
        AssertRel.Close(0.80145955792232704, ind.Power, 1e-9);
        AssertRel.Close(0.79516833812338539, PowerAnalysis.IndependentT(0.5, 0.05, 63).Power, 1e-9);
    }
}
