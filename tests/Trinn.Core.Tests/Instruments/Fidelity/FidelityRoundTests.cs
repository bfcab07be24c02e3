using Trinn.Core.Instruments.Fidelity;

namespace Trinn.Core.Tests.Instruments.Fidelity;

public class FidelityRoundTests
{
    private static FidelityResponse Respondent(string id, params (int Item, int[] Positions)[] answers) =>
        new("Team A", "3 mnd", id, answers.ToDictionary(a => a.Item, a => new FidelityAnswer(a.Positions)));

    /// <summary>Four respondents; r4 skipped item 2. Multi-select items are tick sets.</summary>
    private static readonly FidelityResponse[] HandMade =
    [
        Respondent("r1", (1, [5]), (2, [2]), (3, [2, 3, 4, 5, 6]), (4, [1]), (5, [3]), (6, [4]), (7, [1, 2, 3]), (8, [1]), (9, [5]), (10, [3]),
            (11, [2]), (12, [4]), (13, [1]), (14, [5]), (15, [4]), (16, [3]), (17, [4]), (18, [2]), (19, [1, 2, 3, 4, 5])),
        Respondent("r2", (1, [5]), (2, [3]), (3, [1]), (4, [2]), (5, [3]), (6, [5]), (7, []), (8, [1, 2]), (9, [4]), (10, [3]),
            (11, [2]), (12, [4]), (13, [2]), (14, [5]), (15, [4]), (16, [4]), (17, [4]), (18, [1]), (19, [4])),
        Respondent("r3", (1, [4]), (2, [4]), (3, [1, 2, 3]), (4, [3]), (5, [3]), (6, [4]), (7, [1, 2, 3, 4, 5]), (8, []), (9, [4]), (10, [4]),
            (11, [2]), (12, [5]), (13, [3]), (14, [5]), (15, [4]), (16, [5]), (17, [4]), (18, [2]), (19, [1, 2, 3])),
        Respondent("r4", (1, [5]), (3, []), (4, [4]), (5, [3]), (6, [5]), (7, [2]), (8, [1, 2, 3, 4]), (9, [4]), (10, [4]),
            (11, [3]), (12, [5]), (13, [4]), (14, [5]), (15, [4]), (16, [4]), (17, [5]), (18, [2]), (19, [1, 2, 4])),
    ];

    [Fact]
    public void ScoreRound_HandMadeIpsFaithful_EveryItemMeanTotalAndBand()
    {
        // Item scores per respondent r1, r2, r3, r4 → team mean (worked by hand):
        //  1: 5 5 4 5 → 19/4 = 4.75        2: 2 3 4 – → 9/3 = 3 (n = 3)
        //  3: phase rule: {b..f} → 5; {a} → 2; {a,b,c} → P = 2 → 3; {} → 1 → 11/4 = 2.75
        //  4: 1 2 3 4 → 2.5                 5: 3 3 3 3 → 3            6: 4 5 4 5 → 4.5
        //  7: max(1, n): 3 1 5 1 → 10/4 = 2.5
        //  8: max(1, n): 1 2 1 4 → 8/4 = 2
        //  9: 5 4 4 4 → 4.25   10: 3 3 4 4 → 3.5   11: 2 2 2 3 → 2.25   12: 4 4 5 5 → 4.5
        // 13: 1 2 3 4 → 2.5    14: 5 5 5 5 → 5     15: 4 4 4 4 → 4      16: 3 4 5 4 → 4
        // 17: 4 4 4 5 → 4.25   18: 2 1 2 2 → 1.75
        // 19 (repaired form, strategies = ticked + [box 4], score max(1, s − 1)):
        //     {1..5} → 6 → 5; {4} → 2 → 1; {1,2,3} → 3 → 2; {1,2,4} → 4 → 3 → 11/4 = 2.75
        // Total = 4.75 + 3 + 2.75 + 2.5 + 3 + 4.5 + 2.5 + 2 + 4.25 + 3.5 + 2.25 + 4.5 + 2.5 + 5 + 4 + 4 + 4.25 + 1.75 + 2.75
        //       = 63.75 → rimelig (44 ≤ 63.75 < 70).
        decimal[] expected = [4.75m, 3m, 2.75m, 2.5m, 3m, 4.5m, 2.5m, 2m, 4.25m, 3.5m, 2.25m, 4.5m, 2.5m, 5m, 4m, 4m, 4.25m, 1.75m, 2.75m];

        var result = FidelityScoring.ScoreRound("Team A", "3 mnd", HandMade, new FidelityOptions());

        Assert.Equal(Enumerable.Range(1, 19), result.Items.Select(i => i.Item));
        for (var i = 0; i < 19; i++)
        {
            Assert.Equal(expected[i], result.Items[i].Mean);
            Assert.Equal(i == 1 ? 3 : 4, result.Items[i].N);
        }

        Assert.Equal(63.75m, result.Total);
        Assert.True(result.Complete);
        Assert.Equal("rimelig", result.Band);
        Assert.Empty(result.Flags);
    }

    [Fact]
    public void ScoreRound_HandMadeSeedReplication_RawCountsForMultiSelect()
    {
        // Raw tick counts (cap 5): item 3: 5 1 3 0 → 2.25; item 7: 3 0 5 1 → 2.25; item 8: 1 2 0 4 → 1.75;
        // item 19: 5 1 3 3 → 3. Total = 63.75 − 0.5 − 0.25 − 0.25 + 0.25 = 63.0 → rimelig.
        var result = FidelityScoring.ScoreRound("Team A", "3 mnd", HandMade, new FidelityOptions { Mode = FidelityScoringMode.SeedReplication });

        Assert.Equal(2.25m, result.Items[2].Mean);
        Assert.Equal(2.25m, result.Items[6].Mean);
        Assert.Equal(1.75m, result.Items[7].Mean);
        Assert.Equal(3m, result.Items[18].Mean);
        Assert.Equal(4.75m, result.Items[0].Mean);
        Assert.Equal(63m, result.Total);
        Assert.Equal("rimelig", result.Band);
    }

    [Fact]
    public void ScoreRound_LegacyItem19_CountsDuplicateOnceAndFlags()
    {
        // Legacy: {1..5} → 4 distinct → 3; {4} → 1 → 1; {1,2,3} → 3 → 2; {1,2,4} → 3 → 2 → 8/4 = 2.
        var result = FidelityScoring.ScoreRound("Team A", "3 mnd", HandMade, new FidelityOptions { Item19Form = Item19Form.Legacy });

        Assert.Equal(2m, result.Items[18].Mean);
        Assert.Equal(63m, result.Total);
        Assert.Equal([FidelityScoring.Item19LegacyCeiling], result.Flags);
    }

    [Fact]
    public void ScoreRound_SpreadMinMax_SampleStandardDeviation()
    {
        var result = FidelityScoring.ScoreRound("Team A", "3 mnd", HandMade, new FidelityOptions());

        // Item 4 scores 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, s = √(5/3).
        Assert.Equal(Math.Sqrt(5.0 / 3.0), result.Items[3].Sd!.Value, 12);
        Assert.Equal(1, result.Items[3].Min);
        Assert.Equal(4, result.Items[3].Max);
        // Item 14: all 5 → s = 0.
        Assert.Equal(0.0, result.Items[13].Sd);
        // Item 2: 2, 3, 4 → s = 1.
        Assert.Equal(1.0, result.Items[1].Sd!.Value, 12);
    }

    [Fact]
    public void ScoreRound_OneRespondent_NoSpread()
    {
        var result = FidelityScoring.ScoreRound("Team A", "3 mnd", HandMade.Take(1), new FidelityOptions());

        Assert.All(result.Items, i => Assert.Null(i.Sd));
        Assert.All(result.Items.Where(i => i.Item != 2), i => Assert.Equal(1, i.N));
    }

    [Fact]
    public void ScoreRound_ItemNobodyAnswered_NullMeanIncompleteNoBand()
    {
        var responses = HandMade.Select(r => r with { Answers = r.Answers.Where(a => a.Key != 2).ToDictionary() });

        var result = FidelityScoring.ScoreRound("Team A", "3 mnd", responses, new FidelityOptions());

        Assert.Null(result.Items[1].Mean);
        Assert.Equal(0, result.Items[1].N);
        Assert.False(result.Complete);
        Assert.Null(result.Band);
        Assert.Equal(60.75m, result.Total);
    }

    [Theory]
    [InlineData(MultiSelectAggregate.Mean, "1.75")]
    [InlineData(MultiSelectAggregate.Median, "1")]
    [InlineData(MultiSelectAggregate.Consensus, "1")]
    public void ScoreRound_SeedAggregate_TeamValueForMultiSelect(MultiSelectAggregate aggregate, string expected)
    {
        // Item 7 tick counts 0, 1, 1, 5: mean 7/4, median (1 + 1)/2 = 1, most frequent 1.
        var responses = new[] { 0, 1, 1, 5 }.Select((n, i) => Respondent($"r{i}", (7, Enumerable.Range(1, n).ToArray())));

        var result = FidelityScoring.ScoreRound("Team A", "3 mnd", responses,
            new FidelityOptions { Mode = FidelityScoringMode.SeedReplication, MultiSelectAggregate = aggregate });

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Items[6].Mean);
    }

    [Fact]
    public void ScoreRound_ConsensusTieAndEvenMedian_LowestTiedValueAndMiddleMean()
    {
        // Counts 0, 0, 5, 5: consensus tie between 0 and 5 → 0; median (0 + 5)/2 = 2.5.
        var responses = new[] { 0, 0, 5, 5 }.Select((n, i) => Respondent($"r{i}", (7, Enumerable.Range(1, n).ToArray()))).ToList();
        var seed = new FidelityOptions { Mode = FidelityScoringMode.SeedReplication };

        Assert.Equal(0m, FidelityScoring.ScoreRound("T", "R", responses, seed with { MultiSelectAggregate = MultiSelectAggregate.Consensus }).Items[6].Mean);
        Assert.Equal(2.5m, FidelityScoring.ScoreRound("T", "R", responses, seed with { MultiSelectAggregate = MultiSelectAggregate.Median }).Items[6].Mean);
    }

    [Fact]
    public void ScoreRound_IpsMode_IgnoresAggregateSettingForMultiSelect()
    {
        var responses = new[] { 0, 1, 1, 5 }.Select((n, i) => Respondent($"r{i}", (7, Enumerable.Range(1, n).ToArray())));

        var result = FidelityScoring.ScoreRound("T", "R", responses, new FidelityOptions { MultiSelectAggregate = MultiSelectAggregate.Median });

        // max(1, n): 1 1 1 5 → 8/4 = 2.
        Assert.Equal(2m, result.Items[6].Mean);
    }

    [Fact]
    public void ScoreRounds_SeveralTeamsAndRounds_OrderOfFirstAppearance()
    {
        FidelityResponse R(string team, string round) => new(team, round, "x", new Dictionary<int, FidelityAnswer> { [1] = FidelityAnswer.Choice(3) });
        var responses = new[] { R("Team 2", "3 mnd"), R("Team 1", "Inklusjon"), R("Team 2", "Inklusjon"), R("Team 1", "3 mnd"), R("Team 2", "3 mnd") };

        var results = FidelityScoring.ScoreRounds(responses, new FidelityOptions());

        Assert.Equal(
            [("Team 2", "3 mnd"), ("Team 2", "Inklusjon"), ("Team 1", "Inklusjon"), ("Team 1", "3 mnd")],
            results.Select(r => (r.Team, r.Round)));
        Assert.Equal(2, results[0].Items[0].N);
    }
}

public class FidelityFromAnswerSetTests
{
    [Fact]
    public void FromAnswerSet_ValidatedFormAnswers_PositionsScoredAsInCsv()
    {
        var raw = TestDefinitions.Raw(("item1", ["5"]), ("item3", ["2", "3"]), ("item7", [""]), ("item19", ["1", "4"]), ("item2", []));
        var answers = Trinn.Core.Instruments.AnswerValidator.Validate(Trinn.Core.Instruments.Shipped.ShippedInstruments.Fidelity, raw).Answers;

        var positions = FidelityScale.FromAnswerSet(answers);

        Assert.Equal([1, 3, 7, 19], positions.Keys.Order());
        Assert.Equal([5], positions[1].Positions);
        Assert.Equal([2, 3], positions[3].Positions);
        Assert.Empty(positions[7].Positions);
        // ips_faithful: item 3 P = 2 → 3; item 7 nothing ticked → 1; item 19 {1, 4} → 3 strategies → 2.
        var options = new FidelityOptions();
        Assert.Equal(3, FidelityScoring.ItemScore(3, positions[3], options));
        Assert.Equal(1, FidelityScoring.ItemScore(7, positions[7], options));
        Assert.Equal(2, FidelityScoring.ItemScore(19, positions[19], options));
    }
}
