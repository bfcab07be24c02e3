using Trinn.Core.Common;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Core.Tests.FollowUps;

/// <summary>
/// Tying a follow-up added by hand before 8d255b4 (no job) to its job: it then belongs to that job as one added today
/// would, and if the job has ended it closes as ending the job would have closed it. The job starts Monday 2 March 2026.
/// </summary>
public sealed class FollowUpBelongToTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static Placement Job() =>
        Placement.Register(1, 7, PlacementKind.Permanent, LabourMarket.Regular, 80, Start, null, "u", new DateTime(2026, 2, 27, 10, 0, 0, DateTimeKind.Utc));

    private static FollowUp OldByHand(DateOnly date) => FollowUp.ByHand(1, date, "Lønnssamtale", null, null, date);

    [Fact]
    public void BelongTo_RunningJob_TiedAndStillOpen()
    {
        var job = Job();
        var followUp = OldByHand(Start.AddDays(20));

        followUp.BelongTo(job);

        Assert.Same(job, followUp.Placement);
        Assert.True(followUp.IsOpen);
        Assert.Null(followUp.ClosedReason);
    }

    [Fact]
    public void BelongTo_EndedJob_ClosedAsJobEndedOnTheJobsEndDate()
    {
        var job = Job();
        var end = Start.AddMonths(3);
        job.End(end, PlacementEnding.Dismissed, end.AddDays(5));
        var followUp = OldByHand(Start.AddDays(20));
        var today = end.AddMonths(2);
        Assert.True(followUp.IsOverdue(today));

        followUp.BelongTo(job);

        Assert.Same(job, followUp.Placement);
        Assert.Equal((end, FollowUpClosedReason.JobEnded), (followUp.ClosedOn, followUp.ClosedReason));
        Assert.False(followUp.IsOverdue(today));
    }

    [Fact]
    public void BelongTo_AlreadyTiedOrPlannedSlot_Refused_Unchanged()
    {
        var job = Job();
        var tied = FollowUp.ByHand(1, Start.AddDays(20), null, job, null, Start);
        var slot = FollowUp.PlanFor(job)[0];
        var other = Job();

        Assert.Equal("Error_FollowUpHasJob", Assert.Throws<DomainException>(() => tied.BelongTo(other)).MessageKey);
        Assert.Equal("Error_FollowUpHasJob", Assert.Throws<DomainException>(() => slot.BelongTo(other)).MessageKey);
        Assert.Same(job, tied.Placement);
        Assert.Same(job, slot.Placement);
    }

    [Fact]
    public void BelongTo_DoneOrCancelled_Refused_NoJob()
    {
        var done = OldByHand(Start.AddDays(20));
        done.MarkDone(Start.AddDays(20), FollowUpDoneBy.JournalNote);
        var cancelled = OldByHand(Start.AddDays(21));
        cancelled.Cancel(Start.AddDays(10));

        foreach (var followUp in new[] { done, cancelled })
        {
            Assert.Equal("Error_FollowUpNotOpen", Assert.Throws<DomainException>(() => followUp.BelongTo(Job())).MessageKey);
            Assert.Null(followUp.Placement);
        }

        Assert.Equal(FollowUpClosedReason.Cancelled, cancelled.ClosedReason);
    }

    [Fact]
    public void BelongTo_AnotherCandidatesJob_Refused()
    {
        var followUp = FollowUp.ByHand(2, Start.AddDays(20), null, null, null, Start);

        Assert.Throws<ArgumentException>(() => followUp.BelongTo(Job()));
        Assert.Null(followUp.Placement);
    }
}
