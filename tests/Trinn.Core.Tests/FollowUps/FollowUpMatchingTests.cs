using Trinn.Core.Common;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Core.Tests.FollowUps;

/// <summary>
/// Fidelity item 17's top anchor, read as DOMAIN.md says: "The anchor is about meeting the person in work (the meeting
/// before the start is rarely at the workplace); a slot is met by a meeting in its own time window; when the job ends,
/// its open slots end too." The job starts Monday 30 November 2026.
/// </summary>
public sealed class FollowUpMatchingTests
{
    private static readonly DateOnly Start = new(2026, 11, 30);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static (Placement Job, List<FollowUp> Slots) Job(int employerId = 7, DateOnly? start = null)
    {
        var job = Placement.Register(1, employerId, PlacementKind.Permanent, LabourMarket.Regular, 80, start ?? Start, null, "u", Now);
        var slots = FollowUp.PlanFor(job);
        job.FollowUps.AddRange(slots);
        for (var i = 0; i < slots.Count; i++)
        {
            slots[i].Id = (employerId * 100) + i + 1;
        }

        return (job, slots);
    }

    [Fact]
    public void MeetingInTheWeekBeforeStart_NotAtTheWorkplace_CompletesTheBeforeStartSlot()
    {
        // "Meet within a week before start": a café meeting five days before the start, never at the workplace.
        var (_, slots) = Job();
        var match = FollowUp.MatchMeeting(slots, Start.AddDays(-5));
        Assert.NotNull(match);
        Assert.Equal(FollowUpKind.BeforeStart, match.Kind);
    }

    [Fact]
    public void Meeting_CompletesTheSlotOfItsOwnWindow_NotTheOldestOpenSlot()
    {
        // Old rule: the oldest open slot (the missed before-start meeting) took every later visit. Now the visit on day 2
        // after the start is the "within 3 days after start" meeting; the missed one stays missed (and overdue).
        var (_, slots) = Job();
        var match = FollowUp.MatchMeeting(slots, Start.AddDays(2));
        Assert.Equal(FollowUpKind.AfterStart, match!.Kind);
        match.MarkDone(Start.AddDays(2), FollowUpDoneBy.JournalNote);
        Assert.True(slots.Single(s => s.Kind == FollowUpKind.BeforeStart).IsOpen);
    }

    [Fact]
    public void SecondMeetingInAWindowAlreadyMet_CompletesNoOtherSlot()
    {
        var (_, slots) = Job();
        FollowUp.MatchMeeting(slots, Start.AddDays(8))!.MarkDone(Start.AddDays(8), FollowUpDoneBy.JournalNote);
        Assert.Null(FollowUp.MatchMeeting(slots, Start.AddDays(9)));
    }

    [Fact]
    public void MonthlyMeeting_CompletesTheMonthItBelongsTo()
    {
        // "At least monthly through the first year": a meeting on 15 March 2027 is the meeting of month 4 (due 30 March).
        var (_, slots) = Job();
        var match = FollowUp.MatchMeeting(slots, new DateOnly(2027, 3, 15));
        Assert.Equal(FollowUpKind.Monthly, match!.Kind);
        Assert.Equal(new DateOnly(2027, 3, 30), match.PlannedDate);
    }

    [Fact]
    public void MeetingOutsideEveryWindow_CompletesNothing()
    {
        var (_, slots) = Job();
        Assert.Null(FollowUp.MatchMeeting(slots, Start.AddDays(-20)));
        Assert.Null(FollowUp.MatchMeeting(slots, Start.AddMonths(13)));
    }

    [Fact]
    public void WorkplaceVisitAtANewJob_IsMatchedToThatJobsSchedule()
    {
        // Two jobs overlap (an old job not yet ended, a new one starting): a workplace follow-up at the new employer
        // completes the new job's slot, never the old job's open slot in the same days.
        var (_, old) = Job(employerId: 7, start: Start.AddDays(-14));
        var (_, fresh) = Job(employerId: 8, start: Start);
        var all = old.Concat(fresh).ToList();
        var visit = Start.AddDays(1);
        Assert.Equal(7, FollowUp.MatchMeeting(all, visit, employerId: 7)!.Placement!.EmployerId);
        var atNew = FollowUp.MatchMeeting(all, visit, employerId: 8);
        Assert.Equal(8, atNew!.Placement!.EmployerId);
        Assert.Equal(FollowUpKind.AfterStart, atNew.Kind);
    }

    [Fact]
    public void JobEnds_OpenSlotsClosedAsJobbenAvsluttet_DoneSlotsStayDone()
    {
        // "When a job ends, its open follow-ups are closed as 'jobben avsluttet'" and leave warnings and the calendar.
        var (job, slots) = Job();
        slots[1].MarkDone(Start.AddDays(1), FollowUpDoneBy.JournalNote);
        job.End(Start.AddDays(20), PlacementEnding.Dismissed, Start.AddDays(25));
        Assert.Equal(Start.AddDays(1), slots[1].DoneOn);
        Assert.Null(slots[1].ClosedOn);
        Assert.All(slots.Where(s => s != slots[1]), s =>
        {
            Assert.False(s.IsOpen);
            Assert.Equal(FollowUpClosedReason.JobEnded, s.ClosedReason);
            Assert.Equal(Start.AddDays(20), s.ClosedOn);
            Assert.False(s.IsOverdue(Start.AddDays(25)));
        });
        Assert.Null(FollowUp.MatchMeeting(slots, Start.AddDays(22)));
    }

    [Fact]
    public void ClosedSlot_CannotBeMoved()
    {
        var (job, slots) = Job();
        job.End(Start, PlacementEnding.Mismatch, Start);
        Assert.Equal("Error_FollowUpClosed", Assert.Throws<DomainException>(() => slots[5].MoveTo(Start.AddDays(40), null, Start)).MessageKey);
    }

    [Fact]
    public void MoveTo_TheWindowMovesWithTheSlot()
    {
        var (_, slots) = Job();
        var weekly = slots.First(s => s.Kind == FollowUpKind.Weekly);
        var (from, to) = (weekly.FirstDay, weekly.LastDay);
        weekly.MoveTo(weekly.PlannedDate.AddDays(2), null, Start);
        Assert.Equal(from.AddDays(2), weekly.FirstDay);
        Assert.Equal(to.AddDays(2), weekly.LastDay);
    }

    [Fact]
    public void SlotWithoutWindow_AddedByHand_TakesThreeDaysEitherSide()
    {
        var extra = FollowUp.Planned(1, FollowUpKind.Extra, Start);
        Assert.True(extra.InWindow(Start.AddDays(-3)));
        Assert.True(extra.InWindow(Start.AddDays(3)));
        Assert.False(extra.InWindow(Start.AddDays(4)));
        Assert.Same(extra, FollowUp.MatchMeeting([extra], Start.AddDays(2), employerId: 99));
    }

    [Fact]
    public void IsOverdue_WindowStillOpen_NotOverdue_OverdueTheDayAfterItEnds()
    {
        // The user test: a job starting Monday 7 December registered on Sunday 6 December planned the before-start slot
        // on Friday 4 December (window 30 November–6 December) and showed it overdue at once.
        var (_, slots) = Job(start: new DateOnly(2026, 12, 7));
        var before = slots.Single(s => s.Kind == FollowUpKind.BeforeStart);
        Assert.Equal((new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 6)), (before.PlannedDate, before.LastDay));
        Assert.False(before.IsOverdue(new DateOnly(2026, 12, 6)));
        Assert.True(before.IsOverdue(new DateOnly(2026, 12, 7)));
        Assert.All(slots, s => Assert.False(s.IsOverdue(s.LastDay)));
        Assert.All(slots, s => Assert.True(s.IsOverdue(s.LastDay.AddDays(1))));
    }

    [Fact]
    public void IsOverdue_SlotWithoutWindow_OverdueTheDayAfterItsDefaultWindowEnds()
    {
        // The follow-ups page shows "Gjelder møter" the planned date ± 3 days for it, and a meeting in those days completes
        // it: so it is not overdue while they last.
        var extra = FollowUp.Planned(1, FollowUpKind.Extra, Start);
        Assert.Equal(Start.AddDays(FollowUp.DefaultWindowDays), extra.LastDay);
        Assert.Same(extra, FollowUp.MatchMeeting([extra], extra.LastDay));
        Assert.False(extra.IsOverdue(Start.AddDays(1)));
        Assert.False(extra.IsOverdue(extra.LastDay));
        Assert.True(extra.IsOverdue(extra.LastDay.AddDays(1)));
    }

    [Fact]
    public void ByHand_BeforeTheJobStart_OrInThePast_Refused_OtherwiseTiedToTheJob()
    {
        var (job, _) = Job();
        var before = Assert.Throws<DomainException>(() => FollowUp.ByHand(1, new DateOnly(2020, 1, 1), null, job, new DateOnly(2026, 6, 1), Start));
        Assert.Equal(("PlannedDate", "Error_FollowUpBeforeStart"), (before.Field, before.MessageKey));
        var past = Assert.Throws<DomainException>(() => FollowUp.ByHand(1, Start.AddDays(1), null, job, null, Start.AddDays(2)));
        Assert.Equal("Error_FollowUpInPast", past.MessageKey);
        var noJob = Assert.Throws<DomainException>(() => FollowUp.ByHand(1, new DateOnly(2026, 5, 1), null, null, new DateOnly(2026, 6, 1), new DateOnly(2026, 4, 1)));
        Assert.Equal("Error_FollowUpBeforeReferral", noJob.MessageKey);

        var added = FollowUp.ByHand(1, Start.AddDays(3), "Lønnssamtale", job, null, Start);
        Assert.Same(job, added.Placement);
        Assert.Equal(FollowUpKind.Extra, added.Kind);
    }

    [Fact]
    public void MoveTo_IntoThePast_OrBeforeTheJob_Refused_BeforeStartSlotMayStayInTheWeekBefore()
    {
        var (_, slots) = Job();
        var weekly = slots.First(s => s.Kind == FollowUpKind.Weekly);
        Assert.Equal("Error_FollowUpInPast", Assert.Throws<DomainException>(() => weekly.MoveTo(Start.AddDays(1), null, Start.AddDays(2))).MessageKey);
        Assert.Equal("Error_FollowUpBeforeStart", Assert.Throws<DomainException>(() => weekly.MoveTo(Start.AddDays(-1), null, Start.AddDays(-10))).MessageKey);
        var before = slots.Single(s => s.Kind == FollowUpKind.BeforeStart);
        before.MoveTo(Start.AddDays(-6), null, Start.AddDays(-10));
        Assert.Equal(Start.AddDays(-6), before.PlannedDate);
        Assert.Equal("Error_FollowUpBeforeStart", Assert.Throws<DomainException>(() => before.MoveTo(Start.AddDays(-8), null, Start.AddDays(-10))).MessageKey);
    }

    [Fact]
    public void JobEnds_FollowUpAddedByHandForThatJob_ClosedToo()
    {
        var (job, _) = Job();
        var added = FollowUp.ByHand(1, Start.AddDays(30), null, job, null, Start);
        job.FollowUps.Add(added);
        job.End(Start.AddDays(20), PlacementEnding.Dismissed, Start.AddDays(25));
        Assert.Equal(FollowUpClosedReason.JobEnded, added.ClosedReason);
    }
}
