using Trinn.Statistics.Inference;

namespace Trinn.Statistics.Tests;

/// <summary>
/// Reference values from R 4.x with car 3.x on 15 subjects in 3 unbalanced groups (5, 4, 6) × 4 levels:
/// Y &lt;- matrix(c(10,12,15,14, 9,11,11,13, 12,15,18,17, 8,8,10,12, 11,14,13,16,
///                 10,13,16,15, 7,10,12,11, 12,12,15,18, 9,12,14,16,
///                 11,11,12,12, 13,12,14,13, 10,10,11,13, 9,11,10,12, 12,13,13,15, 14,13,15,16), ncol=4, byrow=TRUE)
/// grp &lt;- factor(c(1,1,1,1,1, 2,2,2,2, 3,3,3,3,3,3)); mod &lt;- lm(Y ~ grp, contrasts=list(grp=contr.sum))
/// s &lt;- summary(car::Anova(mod, idata=data.frame(time=factor(1:4)), idesign=~time, type="III"), multivariate=TRUE)
/// (the whole script, printing every value below: Reference/r/mixed_anova_reference.R)
/// </summary>
public class MixedRepeatedMeasuresAnovaTests
{
    internal static readonly decimal[][] Y =
    [
        [10, 12, 15, 14], [9, 11, 11, 13], [12, 15, 18, 17], [8, 8, 10, 12], [11, 14, 13, 16],
        [10, 13, 16, 15], [7, 10, 12, 11], [12, 12, 15, 18], [9, 12, 14, 16],
        [11, 11, 12, 12], [13, 12, 14, 13], [10, 10, 11, 13], [9, 11, 10, 12], [12, 13, 13, 15], [14, 13, 15, 16],
    ];

    internal static readonly int[] Group = [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3];

    private static MixedRepeatedMeasuresAnovaResult Fit() => MixedRepeatedMeasuresAnova.Fit(Sums(Y, Group));

    internal static ExactCrossProducts[] Sums(decimal[][] y, int[] group)
    {
        var groups = new SortedDictionary<int, ExactCrossProducts>();
        for (int i = 0; i < y.Length; i++)
        {
            if (!groups.TryGetValue(group[i], out ExactCrossProducts? s))
            {
                groups[group[i]] = s = new ExactCrossProducts(y[i].Length);
            }

            s.Add(y[i]);
        }

        return [.. groups.Values];
    }

    [Fact]
    public void Fit_ThreeUnbalancedGroups_MatchesCarUnivariateTypeIII()
    {
        MixedRepeatedMeasuresAnovaResult r = Fit();

        Assert.Equal(15, r.SubjectsUsed);
        Assert.Equal([5, 4, 6], r.GroupSizes);
        // s$univariate.tests["time", ]: SS 134.1108108108107, num Df 3, Error SS 33.074999999999996, den Df 36, F, p
        AssertRel.Close(134.1108108108107, r.SphericityAssumed.Time.EffectSs, 1e-12);
        Assert.Equal(3, r.SphericityAssumed.Time.EffectDf);
        AssertRel.Close(33.074999999999996, r.SphericityAssumed.Time.ErrorSs, 1e-12);
        Assert.Equal(36, r.SphericityAssumed.Time.ErrorDf);
        AssertRel.Close(48.656983514126338, r.SphericityAssumed.Time.F, 1e-12);
        AssertRel.Close(9.4909041271426016e-13, r.SphericityAssumed.Time.P, 1e-9);
        // s$univariate.tests["grp:time", ]
        AssertRel.Close(23.658333333333324, r.SphericityAssumed.TimeByGroup.EffectSs, 1e-12);
        Assert.Equal(6, r.SphericityAssumed.TimeByGroup.EffectDf);
        AssertRel.Close(4.2917611489040057, r.SphericityAssumed.TimeByGroup.F, 1e-12);
        AssertRel.Close(0.0023144858847126432, r.SphericityAssumed.TimeByGroup.P, 1e-9);
        // s$univariate.tests["(Intercept)", ] and ["grp", ]: the between-subjects table (Type III)
        AssertRel.Close(9056.8720720720685, r.Intercept.Ss, 1e-12);
        AssertRel.Close(625.84076893247186, r.Intercept.F, 1e-12);
        AssertRel.Close(1.0084560649958103e-11, r.Intercept.P, 1e-9);
        AssertRel.Close(1.0750000000000004, r.Group.Ss, 1e-12);
        Assert.Equal(2, r.Group.Df);
        AssertRel.Close(0.037141897403906159, r.Group.F, 1e-12);
        AssertRel.Close(0.96364972174047592, r.Group.P, 1e-10);
        AssertRel.Close(173.6583333333333, r.BetweenErrorSs, 1e-12);
        Assert.Equal(12, r.BetweenErrorDf);
        // Partial η² = SS/(SS + error SS): 134.1108108108107/(134.1108108108107 + 33.075)
        AssertRel.Close(134.1108108108107 / (134.1108108108107 + 33.075), r.SphericityAssumed.Time.PartialEtaSquared, 1e-12);
    }

    [Fact]
    public void Fit_ThreeUnbalancedGroups_MatchesCarSphericityAndMauchly()
    {
        MixedRepeatedMeasuresAnovaResult r = Fit();

        // s$pval.adjustments: GG eps 0.81660303803208645, p(time) 8.7694316475391161e-11, p(grp:time) 0.0049357099182494773
        AssertRel.Close(0.81660303803208645, r.Epsilons.GreenhouseGeisser, 1e-12);
        AssertRel.Close(8.7694316475391161e-11, r.GreenhouseGeisser.Time.P, 1e-9);
        AssertRel.Close(0.0049357099182494773, r.GreenhouseGeisser.TimeByGroup.P, 1e-9);
        // car's HF eps (Lecoutre's correction, N − g + 1): 1.0417773787574887, so its p is the unadjusted one
        AssertRel.Close(1.0417773787574887, r.Epsilons.HuynhFeldtLecoutre, 1e-12);
        // SPSS's Huynh–Feldt: (N*p*gg - 2)/(p*(N - g - p*gg)) with N = 15, g = 3, p = 3 in R: 1.2127903035854948, capped at 1
        AssertRel.Close(1.2127903035854948, r.Epsilons.HuynhFeldtUncapped, 1e-12);
        Assert.Equal(1, r.Epsilons.HuynhFeldt);
        AssertRel.Close(9.4909041271426016e-13, r.HuynhFeldt.Time.P, 1e-9);
        AssertRel.Close(1.0 / 3, r.Epsilons.LowerBound, 1e-15);
        Assert.Equal(1, r.LowerBound.Time.EffectDf!.Value, 12);
        Assert.Equal(12, r.LowerBound.Time.ErrorDf!.Value, 12);
        // s$sphericity.tests: W 0.689689580341403, R's p 0.55327762788669821; by hand in R with nu = N − g = 12:
        // chi = -nu*rho*log(W) = 3.9834520873957571, Anderson's p 0.55324131509516428, first-order 0.55180090769763368
        AssertRel.Close(0.68968958034140315, r.Mauchly.W, 1e-12);
        AssertRel.Close(3.9834520873957571, r.Mauchly.ChiSquare, 1e-12);
        Assert.Equal(5, r.Mauchly.Df);
        AssertRel.Close(0.55327762788669821, r.Mauchly.PRAsImplemented, 1e-10);
        AssertRel.Close(0.55324131509516428, r.Mauchly.P, 1e-10);
        AssertRel.Close(0.55180090769763368, r.Mauchly.PFirstOrder, 1e-10);
    }

    [Fact]
    public void Fit_ThreeUnbalancedGroups_MatchesRMultivariateTests()
    {
        MixedRepeatedMeasuresAnovaResult r = Fit();

        // m <- s$multivariate.tests[[effect]]; eig <- Re(eigen(solve(m$SSPE) %*% m$SSPH)$values)
        // stats:::Pillai/Wilks/HL/Roy(eig, m$df, m$df.residual) and pf(F, df1, df2, lower.tail=FALSE)
        MultivariateTests time = r.TimeMultivariate;
        AssertRel.Close(0.96295707048105961, time.PillaiTrace.Value, 1e-12);
        AssertRel.Close(0.037042929518940775, time.WilksLambda.Value, 1e-11);
        AssertRel.Close(25.995705064003648, time.HotellingTrace.Value, 1e-12);
        AssertRel.Close(25.995705064003648, time.RoysLargestRoot.Value, 1e-12);
        foreach (MultivariateTest t in new[] { time.PillaiTrace, time.WilksLambda, time.HotellingTrace, time.RoysLargestRoot })
        {
            AssertRel.Close(86.652350213345485, t.F, 1e-11);
            Assert.Equal(3, t.HypothesisDf);
            Assert.Equal(10, t.ErrorDf);
            AssertRel.Close(1.858701056452505e-07, t.P, 1e-9);
        }

        MultivariateTests tg = r.TimeByGroupMultivariate;
        AssertRel.Close(0.86194180029387313, tg.PillaiTrace.Value, 1e-12);
        AssertRel.Close(2.7770576834825356, tg.PillaiTrace.F, 1e-12);
        Assert.Equal(6, tg.PillaiTrace.HypothesisDf);
        Assert.Equal(22, tg.PillaiTrace.ErrorDf);
        AssertRel.Close(0.03645303236004608, tg.PillaiTrace.P, 1e-10);
        AssertRel.Close(0.17713856768670549, tg.WilksLambda.Value, 1e-12);
        AssertRel.Close(4.5866119452099054, tg.WilksLambda.F, 1e-12);
        Assert.Equal(20, tg.WilksLambda.ErrorDf);
        AssertRel.Close(0.0044015656877779618, tg.WilksLambda.P, 1e-10);
        AssertRel.Close(4.4246776665765033, tg.HotellingTrace.Value, 1e-12);
        AssertRel.Close(6.6370164998647541, tg.HotellingTrace.F, 1e-12);
        Assert.Equal(18, tg.HotellingTrace.ErrorDf);
        AssertRel.Close(0.00078360077399789016, tg.HotellingTrace.P, 1e-10);
        AssertRel.Close(4.374241419088774, tg.RoysLargestRoot.Value, 1e-12);
        AssertRel.Close(16.038885203325503, tg.RoysLargestRoot.F, 1e-12);
        Assert.Equal(3, tg.RoysLargestRoot.HypothesisDf);
        Assert.Equal(11, tg.RoysLargestRoot.ErrorDf);
        AssertRel.Close(0.00024921678889259645, tg.RoysLargestRoot.P, 1e-10);
    }

    [Fact]
    public void Fit_ThreeUnbalancedGroups_CellDescriptivesMatchR()
    {
        MixedRepeatedMeasuresAnovaResult r = Fit();

        // mean(Y[grp==3, 2]), sd(Y[grp==3, 2]); sd(Y[grp==1, 3])
        CellSummary c32 = r.Cells.Single(c => c.Group == 2 && c.Level == 1);
        Assert.Equal(6, c32.N);
        AssertRel.Close(11.666666666666666, c32.Mean, 1e-15);
        AssertRel.Close(1.2110601416389966, c32.StandardDeviation, 1e-14);
        AssertRel.Close(3.2093613071762426, r.Cells.Single(c => c.Group == 0 && c.Level == 2).StandardDeviation, 1e-14);
        Assert.Equal(12, r.Cells.Count);
    }
}
