using Trinn.Core.Common;

namespace Trinn.Core.Tests.Common;

/// <summary>Dates checked against a calendar: 1 Jan 2026 is a Thursday, 1 Jan 2021 a Friday, 30 Dec 2024 a Monday.</summary>
public sealed class IsoWeekTests
{
    [Fact]
    public void Monday_Week1Of2026_StartsInDecember2025() =>
        Assert.Equal(new DateOnly(2025, 12, 29), new IsoWeek(2026, 1).Monday);

    [Fact]
    public void Of_SundayThirdJanuary2021_IsWeek53Of2020() =>
        Assert.Equal(new IsoWeek(2020, 53), IsoWeek.Of(new DateOnly(2021, 1, 3)));

    [Fact]
    public void Of_MondayThirtiethDecember2024_IsWeek1Of2025() =>
        Assert.Equal(new IsoWeek(2025, 1), IsoWeek.Of(new DateOnly(2024, 12, 30)));

    [Theory]
    [InlineData("2026-W48", 2026, 48)]
    [InlineData("2026-w05", 2026, 5)]
    [InlineData("2020-W53", 2020, 53)]
    [InlineData("2026-W53", 2026, 53)]
    [InlineData("2000-W01", 2000, 1)]
    [InlineData("2099-W52", 2099, 52)]
    public void TryParse_Valid(string text, int year, int week)
    {
        Assert.True(IsoWeek.TryParse(text, out var parsed));
        Assert.Equal(new IsoWeek(year, week), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-48")]
    [InlineData("2026-W5")]
    [InlineData("2026-W00")]
    [InlineData("2021-W53")]
    [InlineData("2027-W53")]
    [InlineData("26-W481")]
    [InlineData("2026W048")]
    [InlineData("+026-W01")]
    [InlineData("0001-W01")]
    [InlineData("1999-W52")]
    [InlineData("2100-W01")]
    [InlineData("9999-W01")]
    public void TryParse_Invalid_False(string? text) => Assert.False(IsoWeek.TryParse(text, out _));

    [Fact]
    public void ToString_RoundTrips() => Assert.Equal("2026-W05", new IsoWeek(2026, 5).ToString());

    [Fact]
    public void NextAndPrevious_CrossYearBoundary()
    {
        Assert.Equal(new IsoWeek(2021, 1), new IsoWeek(2020, 53).Next);
        Assert.Equal(new IsoWeek(2020, 53), new IsoWeek(2021, 1).Previous);
        Assert.Equal(new DateOnly(2026, 1, 4), new IsoWeek(2026, 1).Sunday);
    }
}
