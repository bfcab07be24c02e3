using Trinn.Core.Privacy;

namespace Trinn.Core.Tests.Privacy;

public class SmallCellSuppressionTests
{
    [Fact]
    public void Suppress_NoSmallCells_HidesNothing()
    {
        var hidden = SmallCellSuppression.Suppress(new[,] { { 5, 7 }, { 9, 0 } });
        Assert.DoesNotContain(true, hidden.Cast<bool>());
    }

    [Fact]
    public void Suppress_OneSmallCellInARow_AlsoHidesTheSmallestOtherCellOfThatRow()
    {
        // Row 0 = 3, 10, 6 with a shown total of 19: hiding only the 3 would reveal it as 19 − 16.
        var hidden = SmallCellSuppression.Suppress(new[,] { { 3, 10, 6 }, { 8, 9, 12 } });

        Assert.True(hidden[0, 0]);
        Assert.True(hidden[0, 2]);
        Assert.False(hidden[0, 1]);
    }

    [Fact]
    public void Suppress_ComplementsAlsoProtectColumns()
    {
        var counts = new[,] { { 3, 10, 6 }, { 8, 9, 12 } };
        var hidden = SmallCellSuppression.Suppress(counts);

        // Every row and column has either none or at least two hidden cells.
        for (var r = 0; r < 2; r++)
        {
            var n = Enumerable.Range(0, 3).Count(c => hidden[r, c]);
            Assert.True(n is 0 or >= 2, $"row {r} has {n} hidden");
        }

        for (var c = 0; c < 3; c++)
        {
            var n = Enumerable.Range(0, 2).Count(r => hidden[r, c]);
            Assert.True(n is 0 or >= 2, $"column {c} has {n} hidden");
        }
    }

    [Theory]
    [InlineData(4, true, "<5")]
    [InlineData(12, false, "12")]
    [InlineData(12, true, ":")]
    [InlineData(0, true, ":")]
    public void Display_ShowsNumberOrLessThanThreshold(int count, bool hidden, string expected)
    {
        Assert.Equal(expected, SmallCellSuppression.Display(count, hidden));
    }
}
