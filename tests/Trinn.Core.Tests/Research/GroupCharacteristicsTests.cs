using Trinn.Core.Research;
using Trinn.Statistics.Contract;

namespace Trinn.Core.Tests.Research;

public sealed class GroupCharacteristicsTests
{
    private static InMemoryColumns Data(params (string Name, decimal?[] Values)[] columns) =>
        new(columns.ToDictionary(c => c.Name, c => (IReadOnlyList<decimal?>)c.Values));

    [Fact]
    public void Build_CountsPercentsAndMeansPerGroup()
    {
        decimal?[] group = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, null];
        decimal?[] work = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, null, 1];
        decimal?[] age = [20, 22, 24, 26, 28, 30, 40, 40, 40, 40, 40, 40, 99];
        var table = GroupCharacteristics.Build(Data(("g", group), ("work", work), ("age", age)), "g", ["work"], ["age"]);

        Assert.Equal(1, table.ExcludedWithoutGroup);
        Assert.Equal([(null, 12), (1m, 6), (2m, 6)], table.Columns.Select(c => (c.Code, c.N)));
        var cells = table.Categorical[0].Categories.Single().Cells;
        Assert.Equal([11, 6, 5], cells.Select(c => c.Count));
        Assert.All(cells, c => Assert.Equal(100.0, c.Percent));
        Assert.Equal([1, 0, 1], table.Categorical[0].Missing);

        var means = table.Continuous[0].Cells;
        Assert.Equal(25.0, means[1].Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(14), means[1].StandardDeviation!.Value, 12);
        Assert.Equal(0.0, means[2].StandardDeviation!.Value, 12);
        Assert.Equal(32.5, means[0].Mean!.Value, 12);
    }

    [Fact]
    public void Build_SmallCells_HiddenWithComplementsAndSmallGroups()
    {
        // Group 1: 8 people (5 with value 1, 3 with value 2); group 2: 3 people, all value 1.
        decimal?[] group = [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2];
        decimal?[] x = [1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1];
        var table = GroupCharacteristics.Build(Data(("g", group), ("x", x)), "g", ["x"], ["x"]);

        Assert.Equal([false, false, true], table.Columns.Select(c => c.NHidden));
        var one = table.Categorical[0].Categories[0].Cells;
        var two = table.Categorical[0].Categories[1].Cells;
        Assert.Equal([8, 5, 3], one.Select(c => c.Count));
        Assert.Equal([3, 3, 0], two.Select(c => c.Count));
        // Group 2's 0 is hidden too: the column's hidden 3 would otherwise follow from a shown total.
        Assert.All(two, c => Assert.True(c.Hidden));
        Assert.True(one[2].Hidden, "3 in group 2 is small");
        Assert.True(one[0].Hidden && one[1].Hidden, "complements: otherwise the hidden 3s follow from the totals");
        Assert.Equal([false, false, true], table.Continuous[0].Cells.Select(c => c.Hidden));
    }

    [Fact]
    public void Build_NoGroup_WholeSampleOnly()
    {
        var table = GroupCharacteristics.Build(Data(("x", [1, 2, 2, 2, 2, 2, null])), null, ["x"], []);
        Assert.Single(table.Columns);
        Assert.Equal([1, 5], table.Categorical[0].Categories.Select(c => c.Cells[0].Count));
        Assert.Equal(100.0 * 5 / 6, table.Categorical[0].Categories[1].Cells[0].Percent!.Value, 12);
        Assert.Equal(0, table.ExcludedWithoutGroup);
    }
}
