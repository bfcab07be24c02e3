using Trinn.Core.Candidates;

namespace Trinn.Core.Placements;

/// <summary>How placements move a candidate through the stages: a paid job leads to stage 4, losing it back to 3.</summary>
public static class PlacementStages
{
    public const int WorkStage = 4;
    public const int JobFindingStage = 3;

    /// <summary>
    /// A paid placement moves a candidate still in stage 1–3 to stage 4, dated at the start (or today when the job
    /// starts later: the offer is what opens the employer work). Returns whether the candidate moved.
    /// </summary>
    public static bool OnRegistered(Candidate candidate, Placement placement, string byUserId, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(placement);
        if (!placement.IsPaid || candidate.Stage >= WorkStage || candidate.DischargedOn is not null)
        {
            return false;
        }

        var date = placement.StartDate < today ? placement.StartDate : today;
        if (date < candidate.StageSince)
        {
            date = candidate.StageSince;
        }

        candidate.MoveToStage(WorkStage, date, "Startet i betalt jobb", byUserId, today, nowUtc);
        return true;
    }

    /// <summary>Ending a paid job offers the move back to stage 3 when no other paid job is still running.</summary>
    public static bool OfferBackToJobFinding(Candidate candidate, Placement ended, bool otherPaidActive)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(ended);
        return ended.IsPaid && !otherPaidActive && candidate.Stage >= WorkStage && candidate.DischargedOn is null;
    }
}
