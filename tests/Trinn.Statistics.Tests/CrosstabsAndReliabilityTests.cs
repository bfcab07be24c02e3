using Trinn.Statistics.Inference;
using Trinn.Statistics.Reliability;

namespace Trinn.Statistics.Tests;

public class CrosstabsAndReliabilityTests
{
    [Fact]
    public void Analyze_TwoByTwo_MatchesRChisqAndFisher()
    {
        // m2 <- matrix(c(12,5,7,16), nrow=2, byrow=TRUE)
        CrosstabsResult r = Crosstabs.Analyze(new[,] { { 12, 5 }, { 7, 16 } }, [1, 2], [1, 2]);

        // chisq.test(m2, correct=FALSE)
        AssertRel.Close(6.319891801114041, r.PearsonChiSquare.Value, 1e-12);
        AssertRel.Close(0.011939091377912265, r.PearsonChiSquare.P);
        // chisq.test(m2, correct=TRUE)
        AssertRel.Close(4.8122864706523361, r.ContinuityCorrection!.Value, 1e-12);
        AssertRel.Close(0.028257528526361309, r.ContinuityCorrection.P);
        // G2 <- 2*sum(m2*log(m2/chisq.test(m2)$expected)); pchisq(G2, 1, lower.tail=FALSE)
        AssertRel.Close(6.4874650234545639, r.LikelihoodRatio.Value, 1e-12);
        AssertRel.Close(0.010863778553999427, r.LikelihoodRatio.P);
        // fisher.test(m2)$p.value; alternative="less" / "greater"
        AssertRel.Close(0.023836895850243994, r.FisherExact!.PTwoSided, 1e-10);
        AssertRel.Close(0.99798625098958804, r.FisherExact.PLowerTail, 1e-10);
        AssertRel.Close(0.013569231077573676, r.FisherExact.PUpperTail, 1e-10);
        AssertRel.Close(0.013569231077573676, r.FisherExact.POneSided, 1e-10);
        // phi (signed, SPSS) = (ad − bc)/sqrt(r1 r2 c1 c2); |phi| = sqrt(X2/N)
        AssertRel.Close(Math.Sqrt(6.319891801114041 / 40), r.Phi, 1e-12);
        AssertRel.Close(12.0 * 16 / (5 * 7), r.OddsRatio!.Sample, 1e-14);
    }

    [Fact]
    public void Fisher_SymmetricTable_CountsTiesWithTolerance()
    {
        // fisher.test(matrix(c(3,1,1,3),2))$p.value
        AssertRel.Close(0.48571428571428582, Crosstabs.Fisher(3, 1, 1, 3).PTwoSided, 1e-12);
    }

    [Fact]
    public void Analyze_ThreeByThree_MatchesRChisqLikelihoodAndLinear()
    {
        // m3 <- matrix(c(10,4,6, 3,9,5, 2,6,12), nrow=3, byrow=TRUE)
        CrosstabsResult r = Crosstabs.Analyze(new[,] { { 10, 4, 6 }, { 3, 9, 5 }, { 2, 6, 12 } }, [1, 2, 3], [1, 2, 3]);

        // chisq.test(m3)
        AssertRel.Close(12.81473145780051, r.PearsonChiSquare.Value, 1e-12);
        AssertRel.Close(0.012217439814899889, r.PearsonChiSquare.P);
        AssertRel.Close(12.347815352642916, r.LikelihoodRatio.Value, 1e-12);
        AssertRel.Close(0.014943824125042346, r.LikelihoodRatio.P);
        // (N − 1)·cor(rr, cc)^2 with rr, cc the expanded row/column codes
        AssertRel.Close(7.4409134157944798, r.LinearByLinear!.Value, 1e-12);
        AssertRel.Close(0.0063757523116200155, r.LinearByLinear.P);
        AssertRel.Close(0.33527589395664215, r.CramersV, 1e-12);
        Assert.Null(r.FisherExact);
    }

    [Fact]
    public void Analyze_EmptyRow_Throws()
    {
        Assert.Throws<ArgumentException>(() => Crosstabs.Analyze(new[,] { { 0, 0 }, { 1, 2 } }));
    }

    private static readonly decimal?[][] Items =
    [
        [4, 5, 4, 3], [3, 4, 3, 3], [5, 5, 4, 4], [2, 3, 2, 1], [4, 4, 5, 4],
        [3, 2, 3, 2], [5, 4, 5, 5], [1, 2, 2, 1], [4, 5, 3, 4], [3, 3, 4, 3], [2, null, 3, 3],
    ];

    [Fact]
    public void Compute_FourItems_MatchesRFormulas()
    {
        // X <- the first 10 rows above; k <- 4; S <- cov(X)
        CronbachAlphaResult r = CronbachAlpha.Compute(Items);

        Assert.Equal(10, r.NUsed);
        Assert.Equal([10], r.ExcludedCases);
        // k/(k-1)*(1-sum(diag(S))/var(rowSums(X)))
        AssertRel.Close(0.9281345565749235, r.Alpha, 1e-12);
        // R <- cor(X); rbar <- mean(R[upper.tri(R)]); k*rbar/(1+(k-1)*rbar)
        AssertRel.Close(0.927053852109614, r.AlphaStandardized, 1e-12);
        AssertRel.Close(0.76060437453655882, r.MeanInterItemCorrelation, 1e-12);
        // item 1: cor(X[,1], rowSums(X[,-1])), alpha of X[,-1], mean/var of rowSums(X[,-1]),
        // summary(lm(X[,1] ~ X[,-1]))$r.squared
        ItemStatistics i1 = r.Items[0];
        AssertRel.Close(0.94166650564850274, i1.CorrectedItemTotalCorrelation, 1e-12);
        AssertRel.Close(0.86790393013100431, i1.AlphaIfDeleted, 1e-12);
        AssertRel.Close(10.2, i1.ScaleMeanIfDeleted, 1e-12);
        AssertRel.Close(10.177777777777777, i1.ScaleVarianceIfDeleted, 1e-12);
        AssertRel.Close(0.88926349725287201, i1.SquaredMultipleCorrelation, 1e-10);
        ItemStatistics i2 = r.Items[1];
        AssertRel.Close(0.70157590490599331, i2.CorrectedItemTotalCorrelation, 1e-12);
        AssertRel.Close(0.94679891794409377, i2.AlphaIfDeleted, 1e-12);
        AssertRel.Close(0.67360390805366888, i2.SquaredMultipleCorrelation, 1e-10);
    }

    [Fact]
    public void Compute_ConstantItem_GivesNullCorrelationsNotNaN()
    {
        CronbachAlphaResult r = CronbachAlpha.Compute([[1, 2, 3], [1, 3, 4], [1, 5, 5]]);
        Assert.Null(r.AlphaStandardized);
        Assert.Null(r.Items[0].CorrectedItemTotalCorrelation);
        Assert.NotNull(r.Alpha);
    }

    [Fact]
    public void Compute_OneItem_Throws()
    {
        Assert.Throws<ArgumentException>(() => CronbachAlpha.Compute([[1], [2]]));
    }
}
