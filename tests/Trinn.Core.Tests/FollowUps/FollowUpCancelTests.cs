using Trinn.Core.Common;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Core.Tests.FollowUps;

/// <summary>
/// Cancelling ("avlyse") a follow-up: only one added by hand and still open. The planned slots of a job start are the
/// method's schedule (fidelity item 17) and can only be moved. The job starts Monday 30 November 2026.
/// </summary>
public sealed class FollowUpCancelTests
{
    private static readonly DateOnly Start = new(2026, 11, 30);

    private static Placement Job()
    {
        var job = Placement.Register(1, 7, PlacementKind.Permanent, LabourMarket.Regular, 80, Start, null, "u", new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
        job.FollowUps.AddRange(FollowUp.PlanFor(job));
        return job;
    }

    [Fact]
    public void Cancel_OpenFollowUpAddedByHand_ClosedAsCancelled_NoLongerOverdueOrMatched()
    {
        var job = Job();
        var added = FollowUp.ByHand(1, Start.AddDays(3), "Lønnssamtale", job, null, Start);
        var today = Start.AddDays(10);
        Assert.True(added.IsOverdue(today));

        added.Cancel(today);

        Assert.Equal((today, FollowUpClosedReason.Cancelled), (added.ClosedOn, added.ClosedReason));
        Assert.False(added.IsOpen);
        Assert.False(added.IsOverdue(today));
        Assert.Null(added.DoneOn);
        Assert.Equal("Lønnssamtale", added.Note);
        Assert.Null(FollowUp.MatchMeeting([added], Start.AddDays(3)));
    }

    [Fact]
    public void Cancel_PlannedSlotOfTheJobStart_Refused_StillOpen()
    {
        foreach (var slot in Job().FollowUps)
        {
            var refused = Assert.Throws<DomainException>(() => slot.Cancel(Start));
            Assert.Equal("Error_FollowUpCancelPlanned", refused.MessageKey);
            Assert.True(slot.IsOpen);
            Assert.Null(slot.ClosedReason);
        }
    }

    [Fact]
    public void Cancel_AlreadyDone_Refused_StaysDone()
    {
        var added = FollowUp.ByHand(1, Start.AddDays(3), null, null, Start.AddDays(-60), Start);
        added.MarkDone(Start.AddDays(3), FollowUpDoneBy.JournalNote);

        var refused = Assert.Throws<DomainException>(() => added.Cancel(Start.AddDays(5)));

        Assert.Equal("Error_FollowUpCancelDone", refused.MessageKey);
        Assert.Equal(Start.AddDays(3), added.DoneOn);
        Assert.Null(added.ClosedOn);
    }

    [Fact]
    public void Cancel_AlreadyCancelledOrClosedWithTheJob_Refused_KeepsTheFirstClose()
    {
        var added = FollowUp.ByHand(1, Start.AddDays(3), null, null, Start.AddDays(-60), Start);
        added.Cancel(Start.AddDays(1));
        Assert.Equal("Error_FollowUpCancelClosed", Assert.Throws<DomainException>(() => added.Cancel(Start.AddDays(2))).MessageKey);
        Assert.Equal(Start.AddDays(1), added.ClosedOn);

        var job = Job();
        var forJob = FollowUp.ByHand(1, Start.AddDays(30), null, job, null, Start);
        job.FollowUps.Add(forJob);
        job.End(Start.AddDays(20), PlacementEnding.Dismissed, Start.AddDays(25));
        Assert.Equal("Error_FollowUpCancelClosed", Assert.Throws<DomainException>(() => forJob.Cancel(Start.AddDays(25))).MessageKey);
        Assert.Equal(FollowUpClosedReason.JobEnded, forJob.ClosedReason);
    }

    [Fact]
    public void Cancelled_ThenJobEnds_StaysCancelled_AndCannotBeMoved()
    {
        var job = Job();
        var added = FollowUp.ByHand(1, Start.AddDays(30), null, job, null, Start);
        job.FollowUps.Add(added);
        added.Cancel(Start.AddDays(2));

        job.End(Start.AddDays(20), PlacementEnding.Dismissed, Start.AddDays(25));

        Assert.Equal((Start.AddDays(2), FollowUpClosedReason.Cancelled), (added.ClosedOn, added.ClosedReason));
        var move = Assert.Throws<DomainException>(() => added.MoveTo(Start.AddDays(40), null, Start.AddDays(25)));
        Assert.Equal("Error_FollowUpCancelled", move.MessageKey);
    }
}
