using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Research;
using Trinn.Core.Surveys;

namespace Trinn.Core.Tests.Research;

/// <summary>
/// The report's analyses on a small hand-built study: eleven participants (P01–P08 in team T1, P09–P11 in T2), a
/// background item "in work" (1 = yes for P01–P05, 2 = no for P06–P10, P11 did not answer it) and one construct
/// "ability" at inclusion and 3 months. P11 answered inclusion only. Reference values from R (commands beside them):
/// <code>
/// a &lt;- c(6,7,8,5,9); b &lt;- c(3,4,5,2,6)                      # ability at inclusion, in work / not in work
/// w0 &lt;- c(6,7,8,5,9,3,4,5,2,6); w3 &lt;- c(7,7,9,6,9,4,6,5,4,7)  # P01–P10 at 0 and 3 months; P11: 5 at 0
/// </code>
/// </summary>
public sealed class StudyAnalysesTests
{
    private static readonly decimal[] Wave0 = [6, 7, 8, 5, 9, 3, 4, 5, 2, 6, 5];
    private static readonly decimal?[] Wave3 = [7, 7, 9, 6, 9, 4, 6, 5, 4, 7, null];

    private static readonly SurveyConstruct Ability = new("ability", "Arbeidsevne (0–10)", 0, 10, HigherIsBetter: true, null, null);

    private static readonly BackgroundItem InWork = new("work", "Er du i arbeid?", ItemType.SingleChoice,
        [new OptionDefinition { Code = "1", Label = "Ja" }, new OptionDefinition { Code = "2", Label = "Nei" }], BranchKey: true);

    private static string Id(int i) => "P" + (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static StudySurvey Study()
    {
        var waves = new List<ParticipantWave>();
        for (var i = 0; i < Wave0.Length; i++)
        {
            var items = i < 10
                ? new Dictionary<string, IReadOnlyList<string>> { ["work"] = [i < 5 ? "1" : "2"] }
                : new Dictionary<string, IReadOnlyList<string>>();
            waves.Add(Wave(Id(i), 1, 0, Wave0[i], items));
            waves.Add(Wave3[i] is { } later
                ? Wave(Id(i), 2, 3, later, new Dictionary<string, IReadOnlyList<string>>())
                : new ParticipantWave(Id(i), 2, 3, WaveStatus.Missed, new DateOnly(2026, 4, 1), null, false, "test", 1,
                    new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, ConstructValue>()));
        }

        var teams = Enumerable.Range(0, Wave0.Length).ToDictionary(Id, i => i < 8 ? "T1" : "T2");
        return new StudySurvey(new SurveyShape("test v1", [InWork], [Ability]), [0, 3], teams, waves);
    }

    private static ParticipantWave Wave(string id, int number, int offset, decimal ability, Dictionary<string, IReadOnlyList<string>> items) =>
        new(id, number, offset, WaveStatus.Answered, new DateOnly(2026, 1, 1).AddMonths(offset), new DateOnly(2026, 1, 1).AddMonths(offset), false, "test", 1,
            items, new Dictionary<string, ConstructValue> { ["ability"] = new(ability, false, false) });

    [Fact]
    public void Table2_ByBackgroundItem_IndependentTTestAsR_AndTheOneWithoutAnswerCounted()
    {
        var table = StudyAnalyses.Table2(Study(), 0, "work");

        Assert.Equal(11, table.Participants);
        Assert.Equal(11, table.Answered);
        Assert.Equal(1, table.WithoutGroup);
        Assert.Equal(["Ja", "Nei"], table.Groups.Select(g => g.Label));
        Assert.Equal([10, 5, 5], table.Columns.Select(c => c.N));
        var means = table.Blocks.Single(b => b.Id == "ability").Continuous!.Cells;
        Assert.Equal(7.0, means[1].Mean!.Value, 12);
        Assert.Equal(4.0, means[2].Mean!.Value, 12);
        Assert.Equal(5.5, means[0].Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(2.5), means[1].StandardDeviation!.Value, 12); // sd(a) = sqrt(10/4)

        var test = Assert.Single(table.TTests);
        Assert.False(test.Hidden);
        Assert.Equal((5, 5), (test.N1, test.N2));
        var student = test.Result!.EqualVariancesAssumed;
        Assert.Equal(3.0, student.T!.Value, 12);                      // t.test(a, b, var.equal=TRUE)$statistic
        Assert.Equal(8.0, student.Df!.Value, 12);
        Assert.Equal(0.0170716812337826, student.PTwoSided!.Value, 12); // $p.value
        Assert.Equal(0.693995864795834, student.CiLower!.Value, 12);   // $conf.int[1]
        Assert.Equal(5.306004135204166, student.CiUpper!.Value, 12);   // $conf.int[2]
    }

    [Fact]
    public void Table2_ByTeam_GroupBelowFive_TestHiddenAndMeansHiddenWithTheirComplement()
    {
        var table = StudyAnalyses.Table2(Study(), 0, null);

        Assert.Equal(["T1", "T2"], table.Groups.Select(g => g.Label));
        Assert.Equal([11, 8, 3], table.Columns.Select(c => c.N));
        Assert.True(table.Columns[2].NHidden);
        var test = Assert.Single(table.TTests);
        Assert.True(test.Hidden);
        Assert.Null(test.Result);
        var means = table.Blocks.Single(b => b.Id == "ability").Continuous!.Cells;
        Assert.True(means[2].Hidden);
        Assert.False(means[1].Hidden);
        Assert.True(means[0].Hidden); // else T2's mean = (11·whole − 8·T1)/3
    }

    [Fact]
    public void Table3_TwoWaves_ListwiseRmAnovaEqualsPairedT_WithTheDropoutExcluded()
    {
        var row = Assert.Single(StudyAnalyses.Table3(Study(), [0, 3]).Rows);

        Assert.Equal(10, row.Used);
        Assert.Equal(1, row.Excluded);
        Assert.False(row.Hidden);
        var w = row.Result!.WilksLambda;
        // t.test(w0, w3, paired=TRUE): t = -3.85714285714286, p = 0.00386389764232656; F = t², Λ = 1/(1 + t²/9)
        Assert.Equal(14.8775510204082, w.F!.Value, 10);
        Assert.Equal(0.376923076923077, w.Value!.Value, 12);
        Assert.Equal(0.00386389764232656, w.P!.Value, 12);
        Assert.Equal(5.5, row.Result.Levels[0].Mean, 12);              // mean(w0)
        Assert.Equal(1.77638834592990, row.Result.Levels[1].StandardDeviation!.Value, 12); // sd(w3)
    }

    [Fact]
    public void Compare_MissingWave_ExcludedByRmAnovaButUsedByMixedModel()
    {
        var change = StudyAnalyses.Compare(Study(), Ability, [0, 3]);

        Assert.Equal(10, change.Anova.Used);
        Assert.Equal(1, change.Anova.Excluded);
        Assert.Equal(11, change.Mixed.Participants);
        Assert.Equal(21, change.Mixed.Observations);
        Assert.False(change.Mixed.Hidden);
        var fit = change.Mixed.Result!;
        Assert.Equal(11, fit.Subjects);
        // The exact REML optimum, with the R helper beside the statistics tests (tests/Trinn.Statistics.Tests/Reference/r):
        // source("lmm_exact.R"); d <- data.frame(id=c(1:11, 1:10), time=c(rep(0,11), rep(3,10)), y=c(w0,5,w3))
        // X <- model.matrix(~ factor(time), d); e <- exact_lmm(d$y, X, d$id, TRUE)
        // V <- e$sigma2 * solve(t(X) %*% solve(diag(21) + e$gamma * tcrossprod(model.matrix(~ factor(d$id) - 1))) %*% X)
        // F <- e$beta[2]^2 / V[2,2]; pf(F, 1, 9, lower.tail=FALSE)
        // (nlme::lme(y ~ factor(time), random=~1|id, method="REML") stops short of the optimum: F 15.1018650981392.)
        var time = fit.FixedEffects.Single(e => e.Term == "time=3");
        Assert.Equal(0.9034311638904402, time.Estimate, 1e-9);
        Assert.Equal(0.23247651372016592, time.StandardError, 1e-9);
        Assert.Equal(9.0, time.Df, 12);
        Assert.Equal(15.101913088034387, fit.TimeTest!.F!.Value, 1e-6 * 15.1);
        Assert.Equal(0.0036967608560253841, fit.TimeTest.P!.Value, 1e-9);
        Assert.Equal([false, false], change.Mixed.WaveHidden);
    }

    [Fact]
    public void Compare_FewerThanFiveWithEveryWave_RmAnovaHiddenWhileMixedModelStillShown()
    {
        // Only P01–P04 have both waves; the other seven answered inclusion only.
        var survey = Study();
        var waves = survey.Waves.Select(w => w.OffsetMonths == 3 && string.CompareOrdinal(w.ResearchId, "P05") >= 0
            ? w with { Status = WaveStatus.Missed, Scores = new Dictionary<string, ConstructValue>() }
            : w).ToList();
        var change = StudyAnalyses.Compare(new StudySurvey(survey.Shape, survey.Offsets, survey.Teams, waves), Ability, [0, 3]);

        Assert.Equal(4, change.Anova.Used);
        Assert.Equal(7, change.Anova.Excluded);
        Assert.True(change.Anova.Hidden);
        Assert.Null(change.Anova.Result);
        Assert.Equal(11, change.Mixed.Participants);
        Assert.NotNull(change.Mixed.Result);
        Assert.Equal([false, true], change.Mixed.WaveHidden); // 4 observations at 3 months: that wave's estimate is not shown
    }
}
