using Trinn.Statistics.Inference;

namespace Trinn.Statistics.Tests;

/// <summary>
/// Reference values from R 4.x on 12 subjects in 2 groups, waves 0, 3, 12, 18, with dropout (subject 5 stops after
/// 3 months, subject 11 after the baseline, subject 8 misses 12 months):
/// d &lt;- data.frame(id = c(1,1,1,1, 2,2,2,2, 3,3,3, 4,4,4,4, 5,5, 6,6,6,6, 7,7,7,7, 8,8,8, 9,9,9,9, 10,10,10,10, 11, 12,12,12,12),
///   time = c(0,3,12,18, 0,3,12,18, 0,3,12, 0,3,12,18, 0,3, 0,3,12,18, 0,3,12,18, 0,3,18, 0,3,12,18, 0,3,12,18, 0, 0,3,12,18),
///   group, y as in <see cref="Rows"/>).
/// "exact" is an independent dense-matrix implementation in R: the root of the analytic derivative of the profiled
/// (restricted) log-likelihood in γ = τ²/σ² by <c>uniroot(..., tol = 1e-15)</c> (Reference/r/lmm_exact.R; every value
/// below is printed by Reference/r/lmm_reference.R), and it agrees with <c>nlme::lme(y ~ factor(time)*factor(group), random = ~1|id)</c> and
/// <c>lme4::lmer(y ~ factor(time)*factor(group) + (1|id))</c> to their optimisers' tolerance (≈1e-8).
/// </summary>
public class LinearMixedModelTests
{
    private static readonly (int Id, decimal Time, decimal Group, decimal Y)[] Rows =
    [
        (1, 0, 1, 3.1m), (1, 3, 1, 3.4m), (1, 12, 1, 3.9m), (1, 18, 1, 4.0m),
        (2, 0, 1, 2.5m), (2, 3, 1, 2.9m), (2, 12, 1, 3.1m), (2, 18, 1, 3.6m),
        (3, 0, 1, 4.0m), (3, 3, 1, 4.1m), (3, 12, 1, 4.6m),
        (4, 0, 1, 3.3m), (4, 3, 1, 3.2m), (4, 12, 1, 3.8m), (4, 18, 1, 4.1m),
        (5, 0, 1, 2.8m), (5, 3, 1, 3.5m),
        (6, 0, 2, 3.0m), (6, 3, 2, 3.9m), (6, 12, 2, 4.5m), (6, 18, 2, 4.9m),
        (7, 0, 2, 2.2m), (7, 3, 2, 3.1m), (7, 12, 2, 3.8m), (7, 18, 2, 4.4m),
        (8, 0, 2, 3.6m), (8, 3, 2, 4.0m), (8, 18, 2, 5.1m),
        (9, 0, 2, 2.9m), (9, 3, 2, 3.3m), (9, 12, 2, 4.2m), (9, 18, 2, 4.6m),
        (10, 0, 2, 3.4m), (10, 3, 2, 4.1m), (10, 12, 2, 4.4m), (10, 18, 2, 5.2m),
        (11, 0, 2, 3.1m),
        (12, 0, 2, 2.7m), (12, 3, 2, 3.6m), (12, 12, 2, 4.0m), (12, 18, 2, 4.7m),
    ];

    private static List<LongObservation> Data(decimal offset = 0, IEnumerable<(int Id, decimal Time, decimal Group, decimal Y)>? rows = null) =>
        [.. (rows ?? Rows).Select(r => new LongObservation(r.Id, r.Time, r.Group, r.Y + offset))];

    [Fact]
    public void Fit_GroupReml_MatchesExactProfileNlmeAndLme4()
    {
        LinearMixedModelResult r = LinearMixedModel.Fit(Data(), withGroup: true, LikelihoodMethod.Reml);

        Assert.Equal(41, r.Observations);
        Assert.Equal(12, r.Subjects);
        Assert.Equal(["(Intercept)", "time=3", "time=12", "time=18", "group=2", "time=3:group=2", "time=12:group=2", "time=18:group=2"], r.FixedEffects.Select(f => f.Term));
        // exact: beta and se
        double[] estimate = [3.1399999999999983, 0.28000000000000047, 0.67975942713361159, 0.96525176197466045, -0.15428571428571453, 0.41752373897639516, 0.61047708388658328, 0.88227197700173532];
        double[] se = [0.19265987678219743, 0.098239046520011419, 0.10685748558926132, 0.11860662599751509, 0.25225099106722421, 0.13273527672933752, 0.14298905362066747, 0.14844283464609284];
        // exact: t = beta/se and p = 2*pt(-abs(t), df) with nlme's df
        double[] t = [16.298152227875541, 2.8501905293122336, 6.3613646099298098, 8.1382617021319135, -0.61163571105493819, 3.1455371116434558, 4.2693973309740523, 5.943513401001721];
        double[] p = [3.9704892253888092e-14, 0.0090593198595046356, 1.7188850410273609e-06, 3.1926683702520802e-08, 0.55442847062634204, 0.0045303357829387866, 0.00028771111761397239, 4.6456807902269983e-06];
        // summary(lme(...))$tTable[, "DF"]: the group term varies only between subjects
        double[] df = [23, 23, 23, 23, 10, 23, 23, 23];
        for (int j = 0; j < 8; j++)
        {
            FixedEffect f = r.FixedEffects[j];
            AssertRel.Close(estimate[j], f.Estimate, 1e-9);
            AssertRel.Close(se[j], f.StandardError, 1e-9);
            AssertRel.Close(t[j], f.T, 1e-9);
            AssertRel.Close(p[j], f.P, 1e-8);
            Assert.Equal(df[j], f.Df);
        }

        // nlme: summary(lme(...))$tTable — its optimiser stops ≈1e-9 from the exact optimum
        AssertRel.Close(0.67975942721736449, r.FixedEffects[2].Estimate, 1e-8);
        AssertRel.Close(0.098239047082721881, r.FixedEffects[1].StandardError, 1e-7);
        // exact: tau2, sigma2, logLik, AIC = -2l + 2(p + 2), BIC = -2l + (p + 2)log(N - p)
        AssertRel.Close(0.16146186495575515, r.SubjectInterceptVariance, 1e-9);
        AssertRel.Close(0.024127275652902406, r.ResidualVariance, 1e-9);
        AssertRel.Close(-7.1664924592955792, r.LogLikelihood, 1e-12);
        AssertRel.Close(34.332984918591158, r.Aic, 1e-12);
        AssertRel.Close(49.298060533255963, r.Bic, 1e-12);
        // logLik(lme(...)) = -7.1664924592955845, AIC 34.3329849185911655, BIC 49.2980605332559776 (nlme);
        // logLik(lmer(...)) = -7.1664924592955721 (lme4)
        AssertRel.Close(-7.1664924592955845, r.LogLikelihood, 1e-12);
        AssertRel.Close(49.2980605332559776, r.Bic, 1e-12);
        AssertRel.Close(6.6920885423850986, r.VarianceRatio, 1e-8);
    }

    [Fact]
    public void Fit_GroupMl_MatchesExactProfileAndLme4StandardErrors()
    {
        LinearMixedModelResult r = LinearMixedModel.Fit(Data(), withGroup: true, LikelihoodMethod.MaximumLikelihood);

        // exact (ML): beta, se = sqrt(diag(sigma2 (X'H^-1 X)^-1)) — lme4's; nlme's ML SEs are larger by sqrt(N/(N - p))
        double[] estimate = [3.1400000000000046, 0.27999999999999892, 0.67966193649890783, 0.96567187422665546, -0.15428571428571325, 0.41762392139645138, 0.61084922982450052, 0.88195204716979692];
        double[] se = [0.17527200835506443, 0.087546263370326824, 0.095234176940438592, 0.1057090113159494, 0.22948492728400435, 0.11829790961923087, 0.12744227828332697, 0.13230435466593157];
        double[] t = [17.915011241492831, 3.1983089765416866, 7.1367439540532001, 9.1351897270176696, -0.6723130626124888, 3.5302730432065146, 4.7931443007199972, 6.6660847966548449];
        double[] p = [5.2523986834409333e-15, 0.0039947817144502578, 2.8704765945969664e-07, 4.0941009377835019e-09, 0.5166168688141054, 0.0017908089719483144, 7.7969434259732921e-05, 8.4313571873773022e-07];
        for (int j = 0; j < 8; j++)
        {
            AssertRel.Close(estimate[j], r.FixedEffects[j].Estimate, 1e-9);
            AssertRel.Close(se[j], r.FixedEffects[j].StandardError, 1e-9);
            AssertRel.Close(t[j], r.FixedEffects[j].T, 1e-9);
            AssertRel.Close(p[j], r.FixedEffects[j].P, 1e-8);
        }

        // summary(lmer(..., REML = FALSE))$coefficients[, 2]
        AssertRel.Close(0.175272008377164, r.FixedEffects[0].StandardError, 1e-8);
        AssertRel.Close(0.1323043546582858, r.FixedEffects[7].StandardError, 1e-8);
        AssertRel.Close(0.13444051398882204, r.SubjectInterceptVariance, 1e-9);
        AssertRel.Close(0.019160870575266553, r.ResidualVariance, 1e-9);
        // exact: logLik, AIC, BIC = -2l + (p + 2)log(N); logLik(lme(..., method = "ML")) = 3.9312966895466914
        AssertRel.Close(3.9312966895467447, r.LogLikelihood, 1e-12);
        AssertRel.Close(12.137406620906511, r.Aic, 1e-12);
        AssertRel.Close(29.273127287949592, r.Bic, 1e-12);
    }

    [Theory]
    [InlineData(LikelihoodMethod.Reml, 3.0500000000000012, 0.50792045110453365, 0.10814975748918354, 0.16270962837721581, 0.056428141676807209, -16.706171868685924, 55.077851213237196)]
    [InlineData(LikelihoodMethod.MaximumLikelihood, 3.0499999999999989, 0.50793769289291746, 0.10248021832424734, 0.14900539965252194, 0.050655473721650204, -11.153378957189279, 44.588190314604404)]
    public void Fit_TimeOnly_MatchesExactProfile(LikelihoodMethod method, double intercept, double time3, double seTime12, double tau2, double sigma2, double logLik, double bic)
    {
        // exact_lmm(d$y, model.matrix(~ factor(time), d), d$id, REML = TRUE / FALSE)
        LinearMixedModelResult r = LinearMixedModel.Fit(Data(), withGroup: false, method);

        Assert.Equal(["(Intercept)", "time=3", "time=12", "time=18"], r.FixedEffects.Select(f => f.Term));
        AssertRel.Close(intercept, r.FixedEffects[0].Estimate, 1e-9);
        AssertRel.Close(time3, r.FixedEffects[1].Estimate, 1e-9);
        AssertRel.Close(seTime12, r.FixedEffects[2].StandardError, 1e-9);
        AssertRel.Close(tau2, r.SubjectInterceptVariance, 1e-9);
        AssertRel.Close(sigma2, r.ResidualVariance, 1e-9);
        AssertRel.Close(logLik, r.LogLikelihood, 1e-12);
        AssertRel.Close(bic, r.Bic, 1e-12);
        // summary(lme(y ~ factor(time), random = ~1|id))$tTable[, "DF"]: 41 − 12 − 3 for every term
        Assert.All(r.FixedEffects, f => Assert.Equal(26, f.Df));
    }

    [Fact]
    public void Fit_GroupWithOneSubject_MatchesExactProfileAndNlmeDf()
    {
        // Subject 13 is alone in group 3: rbind(d, data.frame(id = 13, time = c(0,3,12,18), group = 3, y = c(2.4,3.0,3.3,3.9)))
        (int, decimal, decimal, decimal)[] alone = [(13, 0, 3, 2.4m), (13, 3, 3, 3.0m), (13, 12, 3, 3.3m), (13, 18, 3, 3.9m)];
        LinearMixedModelResult r = LinearMixedModel.Fit(Data(rows: Rows.Concat(alone)), withGroup: true, LikelihoodMethod.Reml);

        Assert.Equal(12, r.FixedEffects.Count);
        Assert.Equal("time=18:group=3", r.FixedEffects[11].Term);
        // exact: group=3 est -0.74000000000000166 se 0.47191839202386321; time=18:group=3 est 0.53474823802533944 se 0.24964391247598888
        AssertRel.Close(-0.74000000000000166, r.FixedEffects[5].Estimate, 1e-9);
        AssertRel.Close(0.47191839202386321, r.FixedEffects[5].StandardError, 1e-9);
        AssertRel.Close(0.53474823802533944, r.FixedEffects[11].Estimate, 1e-9);
        AssertRel.Close(0.24964391247598888, r.FixedEffects[11].StandardError, 1e-9);
        AssertRel.Close(0.16146186495575501, r.SubjectInterceptVariance, 1e-9);
        AssertRel.Close(-7.1664924592955703, r.LogLikelihood, 1e-12);
        AssertRel.Close(63.284090779121868, r.Bic, 1e-12);
        // nlme's DF: 13 subjects − 2 between columns − 1 = 10 for the group terms, 45 − 13 − 9 = 23 otherwise
        Assert.Equal([23, 23, 23, 23, 10, 10, 23, 23, 23, 23, 23, 23], r.FixedEffects.Select(f => f.Df));
    }

    [Fact]
    public void Fit_WaveWithoutVariance_MatchesExactProfile()
    {
        // db <- d; db$y[db$time == 0] <- 3; exact_lmm(db$y, model.matrix(~ factor(time), db), db$id, TRUE)
        var rows = Rows.Select(r => r.Time == 0 ? r with { Y = 3 } : r);
        LinearMixedModelResult r = LinearMixedModel.Fit(Data(rows: rows), withGroup: false, LikelihoodMethod.Reml);

        AssertRel.Close(2.9999999999999987, r.FixedEffects[0].Estimate, 1e-9);
        AssertRel.Close(0.11179526810561313, r.FixedEffects[0].StandardError, 1e-9);
        AssertRel.Close(1.0601663910724224, r.FixedEffects[2].Estimate, 1e-9);
        AssertRel.Close(0.11901773177879783, r.FixedEffects[3].StandardError, 1e-9);
        AssertRel.Close(0.080743261202955566, r.SubjectInterceptVariance, 1e-9);
        AssertRel.Close(0.069234922446715488, r.ResidualVariance, 1e-9);
        AssertRel.Close(-16.301443033882084, r.LogLikelihood, 1e-12);
    }

    [Fact]
    public void Fit_ValuesAroundOneTrillion_KeepEveryDigit()
    {
        // The same data shifted by 1e12 (as NIST's SmLs07–09, values like 1000000000003.1): only the intercept moves.
        LinearMixedModelResult r = LinearMixedModel.Fit(Data(1_000_000_000_000m), withGroup: true, LikelihoodMethod.Reml);

        AssertRel.Close(1_000_000_000_000 + 3.1399999999999983, r.FixedEffects[0].Estimate, 1e-15);
        AssertRel.Close(0.67975942713361159, r.FixedEffects[2].Estimate, 1e-9);
        AssertRel.Close(0.14844283464609284, r.FixedEffects[7].StandardError, 1e-9);
        AssertRel.Close(0.16146186495575515, r.SubjectInterceptVariance, 1e-9);
        AssertRel.Close(0.024127275652902406, r.ResidualVariance, 1e-9);
        AssertRel.Close(-7.1664924592955792, r.LogLikelihood, 1e-12);
    }

    [Fact]
    public void Fit_EmptyTimeByGroupCell_Throws()
    {
        // Nobody in group 2 was seen at 18 months: time=18:group=2 cannot be estimated.
        var rows = Rows.Where(r => !(r.Group == 2 && r.Time == 18));
        ArgumentException e = Assert.Throws<ArgumentException>(() => LinearMixedModel.Fit(Data(rows: rows), withGroup: true, LikelihoodMethod.Reml));
        Assert.Contains("time 18 in group 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NoWithinSubjectVariation_Throws()
    {
        // y = subject effect + time effect exactly: the residual variance is 0 and the likelihood has no maximum.
        List<LongObservation> rows = [.. Enumerable.Range(1, 5).SelectMany(s => new[] { 0m, 3m }.Select(t => new LongObservation(s, t, null, s + t)))];
        Assert.Throws<ArgumentException>(() => LinearMixedModel.Fit(rows, withGroup: false, LikelihoodMethod.Reml));
    }
    [Fact]
    public void Fit_TimeOnlyReml_WaldTestAndEstimatedMeansMatchNlme()
    {
        LinearMixedModelResult r = LinearMixedModel.Fit(Data(), withGroup: false, LikelihoodMethod.Reml);

        // exact: V <- sigma2 * solve(t(X1) %*% solve(H) %*% X1) at the exact optimum (Reference/r/lmm_wald.R);
        // F = b_t' (L V L')^-1 b_t / 3, p = pf(F, 3, 26, lower.tail = FALSE)
        Assert.NotNull(r.TimeTest);
        AssertRel.Close(72.757026322949272, r.TimeTest.F, 1e-9);
        Assert.Equal(3, r.TimeTest.Df1);
        Assert.Equal(26, r.TimeTest.Df2);
        AssertRel.Close(8.9404142968065512e-13, r.TimeTest.P, 1e-7);
        // anova(lme(y ~ factor(time), random = ~1|id, data = d)): factor(time) numDF 3, denDF 26, F-value 72.757026295313239
        AssertRel.Close(72.757026295313239, r.TimeTest.F, 1e-8);
        Assert.Null(r.TimeByGroupTest);

        // exact: x'b and sqrt(x' V x) for x = (1, 0, 0, 0), (1, 1, 0, 0), …; nlme's vcov(fit) gives 0.1351350466206008 for wave 0
        double[] estimate = [3.0500000000000012, 3.5579204511045348, 4.0734886589560455, 4.5676729507565828];
        double[] se = [0.13513504666752901, 0.13786360916845772, 0.14336373531453689, 0.14336373531453689];
        Assert.Equal([0m, 3m, 12m, 18m], r.EstimatedMeans.Select(m => m.Time));
        Assert.Equal([12, 11, 9, 9], r.EstimatedMeans.Select(m => m.Observations));
        Assert.All(r.EstimatedMeans, m => Assert.Null(m.Group));
        for (int i = 0; i < 4; i++)
        {
            AssertRel.Close(estimate[i], r.EstimatedMeans[i].Estimate, 1e-9);
            AssertRel.Close(se[i], r.EstimatedMeans[i].StandardError, 1e-8);
        }

        AssertRel.Close(0.1351350466206008, r.EstimatedMeans[0].StandardError, 1e-8);
    }

    [Fact]
    public void Fit_GroupReml_InteractionWaldTestAndCellMeansMatchNlme()
    {
        LinearMixedModelResult r = LinearMixedModel.Fit(Data(), withGroup: true, LikelihoodMethod.Reml);

        // anova(lme(y ~ factor(time)*factor(group), random = ~1|id, data = d), type = "marginal"):
        // factor(time):factor(group) numDF 3, denDF 23, F-value 12.909319550952482; exact optimum 12.909319584367992
        Assert.Null(r.TimeTest);
        Assert.NotNull(r.TimeByGroupTest);
        AssertRel.Close(12.909319584367992, r.TimeByGroupTest.F, 1e-9);
        AssertRel.Close(12.909319550952482, r.TimeByGroupTest.F, 1e-8);
        Assert.Equal(3, r.TimeByGroupTest.Df1);
        Assert.Equal(23, r.TimeByGroupTest.Df2);
        AssertRel.Close(3.7553868025060207e-05, r.TimeByGroupTest.P, 1e-7);

        // exact: x = (1, 1, 0, 0, 1, 1, 0, 0) — wave 3 in group 2
        Assert.Equal(8, r.EstimatedMeans.Count);
        EstimatedMean cell = r.EstimatedMeans[5];
        Assert.Equal((3m, 2m, 6), (cell.Time, cell.Group, cell.Observations));
        AssertRel.Close(3.6832380246906795, cell.Estimate, 1e-9);
        AssertRel.Close(0.16609325835360539, cell.StandardError, 1e-8);
    }
}
