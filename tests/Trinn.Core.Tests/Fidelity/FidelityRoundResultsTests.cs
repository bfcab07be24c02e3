using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Fidelity;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Core.Tests.Fidelity;

public sealed class FidelityRoundResultsTests
{
    private static readonly InstrumentDefinition Scale = ShippedInstruments.Fidelity;

    private static RoundAnswers Respondent(string id, bool shared, params (int Item, string[] Codes)[] answers) =>
        new(id, AnswerSet.From(answers.Select(a => new KeyValuePair<string, IReadOnlyList<string>>("item" + a.Item, a.Codes))), shared);

    [Fact]
    public void Score_TwoRespondents_ShowsMeanSpreadAndN()
    {
        var result = FidelityRoundResults.Score(Scale, [Respondent("a", false, (1, ["2"])), Respondent("b", false, (1, ["5"]))], new FidelityOptions(), _ => false);

        var item1 = result.Items[0];
        Assert.False(item1.Withheld);
        Assert.Equal(2, item1.N);
        Assert.Equal(3.5m, item1.Result!.Mean);
        Assert.Equal(2, item1.Result.Min);
        Assert.Equal(5, item1.Result.Max);
        Assert.Equal(Math.Sqrt(4.5), item1.Result.Sd!.Value, 12); // deviations ±1.5: (2.25 + 2.25) / 1
        Assert.Equal(3.5m, result.Total);
        Assert.False(result.TotalWithheld);
        Assert.False(result.Complete);
        Assert.Null(result.Band);
    }

    [Fact]
    public void Score_SingleRespondentNotRevealed_WithholdsItemAndTotalButKeepsN()
    {
        var result = FidelityRoundResults.Score(Scale,
            [Respondent("a", false, (1, ["2"]), (2, ["4"])), Respondent("b", false, (1, ["5"]))], new FidelityOptions(), _ => false);

        Assert.False(result.Items[0].Withheld);
        Assert.True(result.Items[1].Withheld);
        Assert.Null(result.Items[1].Result);
        Assert.Equal(1, result.Items[1].N);
        Assert.True(result.TotalWithheld);
        Assert.Null(result.Total);
        Assert.Null(result.Band);
    }

    [Fact]
    public void Score_SingleRespondentRevealed_ShowsTheValue()
    {
        var result = FidelityRoundResults.Score(Scale, [Respondent("a", true, (2, ["4"]))], new FidelityOptions(), r => r.SharedWithSupervisor);

        Assert.False(result.Items[1].Withheld);
        Assert.Equal(4m, result.Items[1].Result!.Mean);
        Assert.Equal(4m, result.Total);
    }

    [Fact]
    public void Score_NoRespondents_NothingWithheldNothingShown()
    {
        var result = FidelityRoundResults.Score(Scale, [], new FidelityOptions(), _ => false);

        Assert.All(result.Items, i => Assert.Null(i.Result));
        Assert.All(result.Items, i => Assert.False(i.Withheld));
        Assert.Equal(0, result.Respondents);
        Assert.Null(result.Band);
    }

    [Fact]
    public void Score_FullSetOfAnswers_GivesBandOfModifiedScale()
    {
        // Everyone answers every single-choice item with option 4 and ticks four boxes on items 3, 7, 8, 19.
        // ips_faithful: single items 4; item 3 P = 4 (boxes 2–5) → 4; items 7, 8: 4; item 19 boxes 1–4: 4 + 1 = 5 strategies → 4.
        // Total 19 × 4 = 76 → godt (70–84).
        var answers = Enumerable.Range(1, 19).Select(i => (i, FidelityScale.IsMultiSelect(i) ? (i == 3 ? new[] { "2", "3", "4", "5" } : ["1", "2", "3", "4"]) : new[] { "4" })).ToArray();
        var result = FidelityRoundResults.Score(Scale, [Respondent("a", false, answers), Respondent("b", false, answers)], new FidelityOptions(), _ => false);

        Assert.True(result.Complete);
        Assert.Equal(76m, result.Total);
        Assert.Equal(FidelityBands.Godt, result.Band);
    }
}
