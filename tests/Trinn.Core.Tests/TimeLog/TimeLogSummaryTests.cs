using Trinn.Core.Common;
using Trinn.Core.TimeLog;

namespace Trinn.Core.Tests.TimeLog;

public sealed class TimeLogSummaryTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static TimeBlock Block(int minutes, bool outOfOffice) =>
        TimeBlock.Create("u", Today, minutes, TimeCategory.Other, outOfOffice, null, Today, Now);

    [Fact]
    public void Share_FortyPercentExactly_MeetsTarget()
    {
        var s = TimeLogSummary.Of([Block(120, true), Block(180, false)]);
        Assert.Equal(40.0m, s.OutOfOfficePercent);
        Assert.True(s.MeetsTarget);
    }

    [Fact]
    public void Share_BelowForty_DoesNotMeet()
    {
        var s = TimeLogSummary.Of([Block(119, true), Block(181, false)]);
        Assert.Equal(39.7m, s.OutOfOfficePercent);
        Assert.False(s.MeetsTarget);
    }

    [Fact]
    public void Share_NoTime_NullNotZero()
    {
        var s = TimeLogSummary.Of([]);
        Assert.Null(s.OutOfOfficePercent);
        Assert.Null(s.MeetsTarget);
    }

    [Fact]
    public void Create_Refusals()
    {
        Assert.Equal("Category", Assert.Throws<DomainException>(() => TimeBlock.Create("u", Today, 30, null, true, null, Today, Now)).Field);
        Assert.Equal("Minutes", Assert.Throws<DomainException>(() => TimeBlock.Create("u", Today, 0, TimeCategory.Travel, true, null, Today, Now)).Field);
        Assert.Equal("Date", Assert.Throws<DomainException>(() => TimeBlock.Create("u", Today.AddDays(1), 30, TimeCategory.Travel, true, null, Today, Now)).Field);
    }
}
