using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Scoring;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Core.Tests.Surveys;

/// <summary>
/// Every construct of the job-seeker questionnaire (INSTRUMENTS.md B.2) on hand-made answer sets, with the missing-item
/// rule (at least half the items, rounded up) and each DEFAULT of B.3. Expected values are worked out by hand beside each case.
/// </summary>
public sealed class JobSeekerScoresTests
{
    private static readonly InstrumentDefinition Q = ShippedInstruments.JobSeekerQuestionnaire;

    private static decimal? Score(string construct, Dictionary<string, string> answers, ScoringOptions? options = null) =>
        ScoringEngine.Score(Q.Scores.Single(s => s.Id == construct), AnswerSet.FromSingles(answers), options).Value;

    [Theory]
    [InlineData("self_efficacy_in_work", "q20", "q21", "q22", 3, 5, 10, 6.0)]            // (3+5+10)/3
    [InlineData("self_efficacy_not_in_work", "q25", "q26", "q27", 7, 5, 4, 5.333333)]    // 16/3
    [InlineData("qps_support_superior", "q12", "q14", "q16", 1, 2, 4, 2.333333)]          // 7/3
    [InlineData("motivation_intrinsic", "q28", "q31", "q34", 5, 4, 4, 4.333333)]          // 13/3
    public void ThreeItemMean_AllAnswered(string construct, string a, string b, string c, int x, int y, int z, double expected)
    {
        var value = Score(construct, new() { [a] = x.ToString(System.Globalization.CultureInfo.InvariantCulture), [b] = y.ToString(System.Globalization.CultureInfo.InvariantCulture), [c] = z.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal((decimal)expected, Math.Round(value!.Value, 6));
    }

    [Fact]
    public void ThreeItemMean_TwoOfThreeAnswered_MeanOfTwo_OneOfThree_Missing()
    {
        // Half of 3 rounded up is 2: two answers give (4+8)/2 = 6, one answer gives no score.
        Assert.Equal(6m, Score("self_efficacy_in_work", new() { ["q20"] = "4", ["q22"] = "8" }));
        Assert.Null(Score("self_efficacy_in_work", new() { ["q20"] = "4" }));
    }

    [Fact]
    public void TwoItemMeans_OneOfTwoIsEnough()
    {
        // Half of 2 is 1.
        Assert.Equal(4.5m, Score("expectation_in_work", new() { ["q18"] = "4", ["q19"] = "5" }));
        Assert.Equal(4m, Score("expectation_in_work", new() { ["q18"] = "4" }));
        Assert.Equal(1.5m, Score("expectation_not_in_work", new() { ["q23"] = "1", ["q24"] = "2" }));
        Assert.Equal(3m, Score("qps_support_coworkers", new() { ["q13"] = "2", ["q15"] = "4" }));
    }

    [Fact]
    public void ExpectationNotInWork_RawCodingKept_LowerIsBetter()
    {
        // DEFAULT 6 (B.3): no reverse coding; Helt uenig = 1 stays 1.
        var rule = Q.Scores.Single(s => s.Id == "expectation_not_in_work");
        Assert.False(rule.HigherIsBetter);
        Assert.Equal(1m, Score("expectation_not_in_work", new() { ["q23"] = "1", ["q24"] = "1" }));
    }

    [Fact]
    public void QpsSupportCoworkers_FriendsItemQ17NotCounted()
    {
        Assert.Equal(2m, Score("qps_support_coworkers", new() { ["q13"] = "2", ["q15"] = "2", ["q17"] = "5" }));
    }

    [Fact]
    public void ExtrinsicMotivation_DefaultFourItems_AlternativeThreeWithoutQ30()
    {
        var answers = new Dictionary<string, string> { ["q29"] = "5", ["q30"] = "1", ["q32"] = "4", ["q33"] = "3" };
        // DEFAULT 4 (B.3): (5+1+4+3)/4 = 3.25; the alternative without q30: (5+4+3)/3 = 4.
        Assert.Equal(3.25m, Score("motivation_extrinsic", answers));
        var alternative = new ScoringOptions { ItemSets = new Dictionary<string, IReadOnlyList<string>> { ["motivation_extrinsic"] = ["q29", "q32", "q33"] } };
        Assert.Equal(4m, Score("motivation_extrinsic", answers, alternative));
        // Two of four is half: (5+4)/2.
        Assert.Equal(4.5m, Score("motivation_extrinsic", new() { ["q29"] = "5", ["q32"] = "4" }));
        Assert.Null(Score("motivation_extrinsic", new() { ["q29"] = "5" }));
    }

    [Theory]
    [InlineData("B", "A", "A", "B", "A", 5)] // all internal (Rotter key: 35B 36A 37A 38B 39A)
    [InlineData("A", "B", "B", "A", "B", 0)] // all external: 0, not 1 (DEFAULT 5: a 0–5 count)
    [InlineData("B", "B", "A", "A", "A", 3)]
    public void LocusOfControl_CountOfInternalChoices(string q35, string q36, string q37, string q38, string q39, int expected)
    {
        Assert.Equal(expected, Score("locus_of_control_internal", new() { ["q35"] = q35, ["q36"] = q36, ["q37"] = q37, ["q38"] = q38, ["q39"] = q39 }));
    }

    [Fact]
    public void LocusOfControl_OnePairUnanswered_NoScore()
    {
        // The instrument's rule asks for all five pairs (a count over fewer pairs would not be comparable).
        Assert.Null(Score("locus_of_control_internal", new() { ["q35"] = "B", ["q36"] = "A", ["q37"] = "A", ["q38"] = "B" }));
    }

    [Fact]
    public void RtwExpectancy_DontKnow_FlaggedMissingByDefault_EightInSeedReplication()
    {
        // DEFAULT 3 (B.3): "Vet ikke/usikker" (8) is a flag; substantive scoring leaves it out, seed replication counts 8.
        var rule = Q.Scores.Single(s => s.Id == "rtw_expectancy");
        var dontKnow = AnswerSet.FromSingles(new Dictionary<string, string> { ["q7"] = "8" });
        var substantive = ScoringEngine.Score(rule, dontKnow);
        var seed = ScoringEngine.Score(rule, dontKnow, ScoringOptions.SeedReplication);
        Assert.Null(substantive.Value);
        Assert.True(substantive.Unknown);
        Assert.Equal(8m, seed.Value);
        Assert.Equal(4m, Score("rtw_expectancy", new() { ["q7"] = "4" }));
    }

    [Theory]
    [InlineData("work_ability", "q40", "0", 0)]
    [InlineData("work_ability", "q40", "10", 10)]
    [InlineData("concentration", "q8", "4", 4)]
    [InlineData("memory", "q9", "1", 1)]
    public void SingleItemConstructs_TheValue(string construct, string item, string value, int expected)
    {
        Assert.Equal(expected, Score(construct, new() { [item] = value }));
        Assert.Null(Score(construct, []));
    }

    [Fact]
    public void ConcentrationAndMemory_HigherIsWorse()
    {
        Assert.False(Q.Scores.Single(s => s.Id == "concentration").HigherIsBetter);
        Assert.False(Q.Scores.Single(s => s.Id == "memory").HigherIsBetter);
    }

    [Fact]
    public void Branching_NotInWork_SkipsQ3AndQ4AndTheInWorkItems()
    {
        // DEFAULT 2 (B.3): Q2 = Nei skips Q3–Q4 (the form's "continue with 4" is a defect).
        var visible = Q.VisibleItems(AnswerSet.FromSingles(new Dictionary<string, string> { ["q2"] = "2" })).Select(i => i.Id).ToHashSet();
        Assert.DoesNotContain("q3", visible);
        Assert.DoesNotContain("q4", visible);
        Assert.DoesNotContain("q20", visible);
        Assert.Contains("q25", visible);
        Assert.Contains("q5", visible);
        // DEFAULT 1: Q1 as gender (1a) and age (1b).
        Assert.Contains("q1a", visible);
        Assert.Contains("q1b", visible);
    }
}
