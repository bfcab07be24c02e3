using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Scoring;
using Trinn.Core.Instruments.Shipped;
using static Trinn.Core.Tests.Instruments.TestDefinitions;

namespace Trinn.Core.Tests.Instruments;

public class ScoringEngineTests
{
    private static readonly InstrumentDefinition JobSeeker = ShippedInstruments.JobSeekerQuestionnaire;

    private static ScoreResult Score(string scoreId, AnswerSet answers, ScoringOptions? options = null) =>
        ScoringEngine.Score(JobSeeker.Scores.Single(s => s.Id == scoreId), answers, options);

    [Fact]
    public void RtwExpectancy_VetIkkeDefault_MissingWithUnknownFlag()
    {
        var result = Score("rtw_expectancy", Answers(("q7", "8")));

        Assert.Null(result.Value);
        Assert.True(result.Unknown);
        Assert.False(result.HigherIsBetter);
    }

    [Fact]
    public void RtwExpectancy_VetIkkeSeedReplication_CountsAsEight()
    {
        var result = Score("rtw_expectancy", Answers(("q7", "8")), ScoringOptions.SeedReplication);

        Assert.Equal(8m, result.Value);
        Assert.True(result.Unknown);
    }

    [Fact]
    public void RtwExpectancy_Substantive_CodeAsValue()
    {
        var result = Score("rtw_expectancy", Answers(("q7", "4")));

        Assert.Equal(4m, result.Value);
        Assert.False(result.Unknown);
    }

    [Fact]
    public void WorkAbility_Q40_RawValue()
    {
        Assert.Equal(0m, Score("work_ability", Answers(("q40", "0"))).Value);
        Assert.Equal(7m, Score("work_ability", Answers(("q40", "7"))).Value);
        Assert.Null(Score("work_ability", AnswerSet.Empty).Value);
    }

    [Fact]
    public void ExpectationNotInWork_RawCodingLowerIsBetter()
    {
        // mean(Q23 = 1, Q24 = 2) = 1.5, no reverse coding, as Table 3.
        var result = Score("expectation_not_in_work", Answers(("q23", "1"), ("q24", "2")));

        Assert.Equal(1.5m, result.Value);
        Assert.False(result.HigherIsBetter);
    }

    [Fact]
    public void SelfEfficacyInWork_TwoOfThreeAnswered_MeanOfAnswered()
    {
        // Minimum is half of 3 rounded up = 2: mean(7, 10) = 8.5.
        var result = Score("self_efficacy_in_work", Answers(("q20", "7"), ("q22", "10")));

        Assert.Equal(8.5m, result.Value);
        Assert.Equal(2, result.Answered);
        Assert.Equal(3, result.ItemCount);
    }

    [Fact]
    public void SelfEfficacyInWork_OneOfThreeAnswered_NoScore()
    {
        Assert.Null(Score("self_efficacy_in_work", Answers(("q20", "7"))).Value);
    }

    [Fact]
    public void QpsSupport_SuperiorAndCoworkers_TheirOwnItems()
    {
        var answers = Answers(("q12", "5"), ("q13", "1"), ("q14", "4"), ("q15", "2"), ("q16", "3"), ("q17", "5"));

        // Superior: mean(5, 4, 3) = 4; co-workers: mean(1, 2) = 1.5; q17 (friends) is in neither.
        Assert.Equal(4m, Score("qps_support_superior", answers).Value);
        Assert.Equal(1.5m, Score("qps_support_coworkers", answers).Value);
    }

    [Fact]
    public void Motivation_IntrinsicAndExtrinsic_DefaultItemSets()
    {
        var answers = Answers(("q28", "5"), ("q29", "1"), ("q30", "5"), ("q31", "4"), ("q32", "2"), ("q33", "4"), ("q34", "3"));

        // Intrinsic mean(5, 4, 3) = 4; extrinsic mean(1, 5, 2, 4) = 3.
        Assert.Equal(4m, Score("motivation_intrinsic", answers).Value);
        Assert.Equal(3m, Score("motivation_extrinsic", answers).Value);
    }

    [Fact]
    public void Motivation_ExtrinsicWithoutQ30_ConfigurableItemSet()
    {
        var answers = Answers(("q29", "1"), ("q30", "5"), ("q32", "2"), ("q33", "3"));
        var options = new ScoringOptions { ItemSets = new Dictionary<string, IReadOnlyList<string>> { ["motivation_extrinsic"] = ["q29", "q32", "q33"] } };

        // mean(1, 2, 3) = 2 instead of mean(1, 5, 2, 3) = 2.75.
        Assert.Equal(2m, Score("motivation_extrinsic", answers, options).Value);
        Assert.Equal(2.75m, Score("motivation_extrinsic", answers).Value);
    }

    [Fact]
    public void LocusOfControl_InternalKey_CountsInternalChoices()
    {
        // Key: 35B, 36A, 37A, 38B, 39A. Here 35B, 36A, 38B are internal; 37B and 39B external → 3.
        var answers = Answers(("q35", "B"), ("q36", "A"), ("q37", "B"), ("q38", "B"), ("q39", "B"));

        Assert.Equal(3m, Score("locus_of_control_internal", answers).Value);
        Assert.Equal(0m, Score("locus_of_control_internal", Answers(("q35", "A"), ("q36", "B"), ("q37", "B"), ("q38", "A"), ("q39", "B"))).Value);
        Assert.Equal(5m, Score("locus_of_control_internal", Answers(("q35", "B"), ("q36", "A"), ("q37", "A"), ("q38", "B"), ("q39", "A"))).Value);
    }

    [Fact]
    public void LocusOfControl_OnePairMissing_NoScore()
    {
        Assert.Null(Score("locus_of_control_internal", Answers(("q35", "B"), ("q36", "A"), ("q37", "A"), ("q38", "B"))).Value);
    }

    [Fact]
    public void ConcentrationAndMemory_HigherIsWorse()
    {
        var answers = Answers(("q8", "3"), ("q9", "1"));

        Assert.Equal(3m, Score("concentration", answers).Value);
        Assert.Equal(1m, Score("memory", answers).Value);
        Assert.False(Score("concentration", answers).HigherIsBetter);
        Assert.False(Score("memory", answers).HigherIsBetter);
    }

    [Fact]
    public void ScoreAll_JobSeeker_OneResultPerConstruct()
    {
        var results = ScoringEngine.ScoreAll(JobSeeker, AnswerSet.Empty);

        Assert.Equal(13, results.Count);
        Assert.All(results, r => Assert.Null(r.Value));
    }

    [Fact]
    public void Mean_ReverseCodedItem_SixMinusX()
    {
        var rule = new ScoreRule { Id = "s", Label = "s", Kind = ScoreKind.Mean, Items = ["a", "b"], ReverseItems = ["b"], ReverseFrom = 6 };

        // a = 4, b = 1 → 6 − 1 = 5 → mean 4.5.
        Assert.Equal(4.5m, ScoringEngine.Score(rule, Answers(("a", "4"), ("b", "1"))).Value);
    }

    [Fact]
    public void Sum_DefaultNeedsAllItems_ExplicitMinimumAllowsPartial()
    {
        var rule = new ScoreRule { Id = "s", Label = "s", Kind = ScoreKind.Sum, Items = ["a", "b", "c"] };
        var partial = Answers(("a", "4"), ("b", "1"));

        Assert.Null(ScoringEngine.Score(rule, partial).Value);
        Assert.Equal(9m, ScoringEngine.Score(rule, Answers(("a", "4"), ("b", "1"), ("c", "4"))).Value);
        Assert.Equal(5m, ScoringEngine.Score(rule with { MinAnswered = 2 }, partial).Value);
    }

    [Fact]
    public void Mean_FourItemsDefaultMinimum_TwoNeeded()
    {
        var rule = new ScoreRule { Id = "s", Label = "s", Kind = ScoreKind.Mean, Items = ["a", "b", "c", "d"] };

        Assert.Null(ScoringEngine.Score(rule, Answers(("a", "4"))).Value);
        Assert.Equal(3m, ScoringEngine.Score(rule, Answers(("a", "4"), ("d", "2"))).Value);
    }

    [Fact]
    public void CountTicked_AllOrOnlySomeCodes_CountsTicks()
    {
        var rule = new ScoreRule { Id = "s", Label = "s", Kind = ScoreKind.CountTicked, Items = ["q6"] };
        var answers = AnswerSet.From([new("q6", ["1", "2", "8"])]);

        Assert.Equal(3m, ScoringEngine.Score(rule, answers).Value);
        Assert.Equal(1m, ScoringEngine.Score(rule with { CountCodes = ["2", "5"] }, answers).Value);
        Assert.Equal(0m, ScoringEngine.Score(rule, AnswerSet.From([new("q6", [])])).Value);
        Assert.Null(ScoringEngine.Score(rule, AnswerSet.Empty).Value);
    }

    [Fact]
    public void Bands_ByLowerCutOff_HighestReached()
    {
        var rule = new ScoreRule
        {
            Id = "was",
            Label = "WAS",
            Kind = ScoreKind.Value,
            Items = ["q40"],
            Bands = [new(8, "god"), new(0, "dårlig"), new(10, "utmerket"), new(6, "moderat")],
        };

        Assert.Equal("dårlig", ScoringEngine.Score(rule, Answers(("q40", "5"))).Band);
        Assert.Equal("moderat", ScoringEngine.Score(rule, Answers(("q40", "6"))).Band);
        Assert.Equal("god", ScoringEngine.Score(rule, Answers(("q40", "9"))).Band);
        Assert.Equal("utmerket", ScoringEngine.Score(rule, Answers(("q40", "10"))).Band);
        Assert.Null(ScoringEngine.Score(rule, AnswerSet.Empty).Band);
    }

    [Fact]
    public void FromValidatedAnswers_HiddenBranchNotScored()
    {
        // Not in work, but in-work answers submitted: they are dropped, so the in-work scores are empty.
        var raw = Raw(("q2", ["2"]), ("q18", ["5"]), ("q19", ["5"]), ("q23", ["2"]), ("q24", ["3"]));
        var answers = Trinn.Core.Instruments.AnswerValidator.Validate(JobSeeker, raw).Answers;

        Assert.Null(Score("expectation_in_work", answers).Value);
        Assert.Equal(2.5m, Score("expectation_not_in_work", answers).Value);
    }
}
