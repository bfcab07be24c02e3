using Trinn.Core.Instruments.Fidelity;

namespace Trinn.Core.Tests.Instruments.Fidelity;

public class FidelityItemScoreTests
{
    private static readonly FidelityOptions Ips = new();
    private static readonly FidelityOptions IpsLegacy = new() { Item19Form = Item19Form.Legacy };
    private static readonly FidelityOptions Seed = new() { Mode = FidelityScoringMode.SeedReplication };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 5)]
    [InlineData(2, 2)]
    [InlineData(18, 4)]
    public void ItemScore_SingleChoice_PositionInBothModes(int item, int position)
    {
        Assert.Equal(position, FidelityScoring.ItemScore(item, FidelityAnswer.Choice(position), Ips));
        Assert.Equal(position, FidelityScoring.ItemScore(item, FidelityAnswer.Choice(position), Seed));
    }

    [Theory]
    [InlineData(new int[0], 1)]
    [InlineData(new[] { 3 }, 1)]
    [InlineData(new[] { 1, 5 }, 2)]
    [InlineData(new[] { 1, 2, 3 }, 3)]
    [InlineData(new[] { 1, 2, 3, 4 }, 4)]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 5)]
    public void ItemScore_Items7And8Ips_MaxOfOneAndTicked(int[] ticked, int expected)
    {
        Assert.Equal(expected, FidelityScoring.ItemScore(7, new FidelityAnswer(ticked), Ips));
        Assert.Equal(expected, FidelityScoring.ItemScore(8, new FidelityAnswer(ticked), Ips));
    }

    [Theory]
    [InlineData(new int[0], 1)]
    [InlineData(new[] { 1 }, 2)]
    [InlineData(new[] { 2 }, 3)]
    [InlineData(new[] { 1, 2, 3, 4 }, 3)]
    [InlineData(new[] { 2, 3, 4, 5 }, 4)]
    [InlineData(new[] { 1, 3, 4, 5, 6 }, 4)]
    [InlineData(new[] { 2, 3, 4, 5, 6 }, 5)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, 5)]
    public void ItemScore_Item3Ips_PhaseRule(int[] ticked, int expected)
    {
        // P = ticked among boxes 2–6: 5 → 5, 4 → 4, 1–3 → 3, 0 with box 1 ("henviser") → 2, nothing → 1.
        Assert.Equal(expected, FidelityScoring.ItemScore(3, new FidelityAnswer(ticked), Ips));
    }

    [Theory]
    [InlineData(new int[0], 1)]
    [InlineData(new[] { 1 }, 1)]
    [InlineData(new[] { 1, 2 }, 1)]
    [InlineData(new[] { 4 }, 1)]
    [InlineData(new[] { 1, 2, 3 }, 2)]
    [InlineData(new[] { 1, 4 }, 2)]
    [InlineData(new[] { 1, 2, 4 }, 3)]
    [InlineData(new[] { 1, 2, 3, 5 }, 3)]
    [InlineData(new[] { 1, 2, 3, 4 }, 4)]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 5)]
    public void ItemScore_Item19IpsRepairedForm_BoxFourCountsTwoStrategies(int[] ticked, int expected)
    {
        // strategies = ticked + [box 4 ticked]; score = max(1, strategies − 1).
        Assert.Equal(expected, FidelityScoring.ItemScore(19, new FidelityAnswer(ticked), Ips));
    }

    [Theory]
    [InlineData(new int[0], 1)]
    [InlineData(new[] { 4, 5 }, 1)]
    [InlineData(new[] { 1, 4, 5 }, 1)]
    [InlineData(new[] { 1, 2, 5 }, 2)]
    [InlineData(new[] { 1, 2, 3 }, 2)]
    [InlineData(new[] { 1, 2, 3, 4 }, 3)]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 3)]
    public void ItemScore_Item19IpsLegacyForm_DuplicateBoxesOnceCeilingThree(int[] ticked, int expected)
    {
        // Legacy: boxes 4 and 5 are the same strategy, so distinct ≤ 4 and max(1, distinct − 1) ≤ 3.
        Assert.Equal(expected, FidelityScoring.ItemScore(19, new FidelityAnswer(ticked), IpsLegacy));
    }

    [Theory]
    [InlineData(3, new int[0], 0)]
    [InlineData(3, new[] { 1, 2, 3, 4, 5, 6 }, 5)]
    [InlineData(3, new[] { 1 }, 1)]
    [InlineData(7, new int[0], 0)]
    [InlineData(7, new[] { 2, 4 }, 2)]
    [InlineData(8, new[] { 1, 2, 3, 4, 5 }, 5)]
    [InlineData(19, new int[0], 0)]
    [InlineData(19, new[] { 4, 5 }, 2)]
    public void ItemScore_MultiSelectSeedReplication_RawCountCappedAtFive(int item, int[] ticked, int expected)
    {
        Assert.Equal(expected, FidelityScoring.ItemScore(item, new FidelityAnswer(ticked), Seed));
    }

    [Theory]
    [InlineData(1, new[] { 6 })]
    [InlineData(7, new[] { 6 })]
    [InlineData(3, new[] { 7 })]
    [InlineData(2, new[] { 0 })]
    public void ItemScore_PositionOutOfRange_Throws(int item, int[] positions)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FidelityScoring.ItemScore(item, new FidelityAnswer(positions), Ips));
    }

    [Fact]
    public void ItemScore_SingleChoiceWithTwoPositions_Throws()
    {
        Assert.Throws<ArgumentException>(() => FidelityScoring.ItemScore(1, FidelityAnswer.Ticks(1, 2), Ips));
    }
}
