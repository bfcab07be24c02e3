using Trinn.Core.FollowUps;

namespace Trinn.Core.Tests.FollowUps;

/// <summary>Weekdays checked against a calendar: 30 Nov 2026 is a Monday, 4 Dec 2026 a Friday, 30 Jan 2027 a Saturday.</summary>
public sealed class FollowUpPlannerTests
{
    [Fact]
    public void Plan_StartMonday_HandComputedDates()
    {
        var plan = FollowUpPlanner.Plan(new DateOnly(2026, 11, 30));
        Assert.Equal(17, plan.Count);
        // Two days before is Saturday 28th, so the Friday before.
        Assert.Equal((new DateOnly(2026, 11, 27), FollowUpKind.BeforeStart), plan[0]);
        Assert.Equal((new DateOnly(2026, 12, 2), FollowUpKind.AfterStart), plan[1]);
        Assert.Equal(
            [new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 28)],
            plan.Where(p => p.Kind == FollowUpKind.Weekly).Select(p => p.Date));
        var monthly = plan.Where(p => p.Kind == FollowUpKind.Monthly).Select(p => p.Date).ToList();
        Assert.Equal(11, monthly.Count);
        Assert.Equal(new DateOnly(2027, 1, 29), monthly[0]); // 30 Jan 2027 is a Saturday
        Assert.Equal(new DateOnly(2027, 11, 30), monthly[^1]);
    }

    [Fact]
    public void Plan_StartFriday_AfterStartIsMonday()
    {
        var plan = FollowUpPlanner.Plan(new DateOnly(2026, 12, 4));
        Assert.Equal(new DateOnly(2026, 12, 2), plan[0].Date);
        Assert.Equal(new DateOnly(2026, 12, 7), plan[1].Date);
        Assert.Equal(
            [new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)],
            plan.Where(p => p.Kind == FollowUpKind.Weekly).Select(p => p.Date));
    }

    [Fact]
    public void Plan_EveryStartIn2027_KeepsTheFidelityAnchor()
    {
        for (var start = new DateOnly(2027, 1, 1); start.Year == 2027; start = start.AddDays(1))
        {
            var plan = FollowUpPlanner.Plan(start);
            var before = plan.Single(p => p.Kind == FollowUpKind.BeforeStart).Date;
            var after = plan.Single(p => p.Kind == FollowUpKind.AfterStart).Date;
            Assert.InRange(before.DayNumber, start.DayNumber - 7, start.DayNumber - 1);
            Assert.InRange(after.DayNumber, start.DayNumber + 1, start.DayNumber + 3);
            var weekly = plan.Where(p => p.Kind == FollowUpKind.Weekly).Select(p => p.Date).ToList();
            Assert.Equal(4, weekly.Count);
            Assert.All(weekly, d => Assert.True(d <= start.AddMonths(1)));
            var monthly = plan.Where(p => p.Kind == FollowUpKind.Monthly).Select(p => p.Date).ToList();
            Assert.Equal(11, monthly.Count);
            Assert.True(monthly[^1] <= start.AddYears(1).AddDays(1));
            foreach (var d in new[] { before, after }.Concat(monthly))
            {
                Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{start}: {d} is a weekend");
            }

            Assert.Equal(plan.Select(p => p.Date).Order(), plan.Select(p => p.Date));
        }
    }

    [Fact]
    public void Slots_EveryStartIn2027_WindowsFollowEachOtherWithoutGapOrOverlap()
    {
        for (var start = new DateOnly(2027, 1, 1); start.Year == 2027; start = start.AddDays(1))
        {
            var slots = FollowUpPlanner.Slots(start);
            Assert.Equal(start.AddDays(-7), slots[0].WindowStart);
            Assert.Equal(start.AddDays(-1), slots[0].WindowEnd);
            Assert.Equal(start, slots[1].WindowStart);
            Assert.Equal(start.AddDays(3), slots[1].WindowEnd);
            for (var i = 0; i < slots.Count; i++)
            {
                Assert.InRange(slots[i].Date.DayNumber, slots[i].WindowStart.DayNumber, slots[i].WindowEnd.DayNumber);
                if (i > 0)
                {
                    Assert.Equal(slots[i - 1].WindowEnd.AddDays(1), slots[i].WindowStart);
                }
            }

            Assert.Equal(start.AddMonths(12).AddDays(3), slots[^1].WindowEnd);
        }
    }
}
