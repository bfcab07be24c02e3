using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Placements;

namespace Trinn.Core.FollowUps;

/// <summary>What <see cref="FollowUpCheck.TieByHandToJobsAsync"/> changed, and what it left for a person (ids only).</summary>
public sealed record FollowUpTieResult(IReadOnlyList<int> Tied, IReadOnlyList<int> Closed, IReadOnlyList<int> Left);

/// <summary>Bringing stored follow-ups in line with today's rules (<c>trinn fix</c>).</summary>
public static class FollowUpCheck
{
    /// <summary>
    /// Ties the open follow-ups added by hand without a job (stored before <see cref="FollowUp.ByHand"/> tied them to the
    /// running job) to the candidate's paid job that was running on the follow-up's planned date (started on or before it,
    /// no end or ending on or after it). One tied to an ended job closes as ending the job would have closed it
    /// (<see cref="FollowUp.BelongTo"/>). When no paid job or more than one ran that day, the follow-up is left unchanged
    /// for a person to judge. Saved through SaveChanges, so each change has its audit entry. Returns the ids tied (of which
    /// those closed) and those left; running it again changes nothing.
    /// </summary>
    public static async Task<FollowUpTieResult> TieByHandToJobsAsync(TrinnDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var followUps = await db.Set<FollowUp>()
            .Where(f => f.Kind == FollowUpKind.Extra && f.PlacementId == null && f.DoneOn == null && f.ClosedOn == null)
            .OrderBy(f => f.Id)
            .ToListAsync(ct);
        var candidateIds = followUps.Select(f => f.CandidateId).Distinct().ToList();
        var paid = Enum.GetValues<PlacementKind>().Where(Placement.IsPaidKind).ToList();
        var jobs = (await db.Set<Placement>()
                .Where(p => candidateIds.Contains(p.CandidateId) && paid.Contains(p.Kind))
                .ToListAsync(ct))
            .ToLookup(p => p.CandidateId);
        List<int> tied = [], closed = [], left = [];
        foreach (var followUp in followUps)
        {
            var running = jobs[followUp.CandidateId]
                .Where(p => p.StartDate <= followUp.PlannedDate && (p.EndDate is null || p.EndDate >= followUp.PlannedDate))
                .ToList();
            if (running.Count != 1)
            {
                left.Add(followUp.Id);
                continue;
            }

            followUp.BelongTo(running[0]);
            tied.Add(followUp.Id);
            if (!followUp.IsOpen)
            {
                closed.Add(followUp.Id);
            }
        }

        await db.SaveChangesAsync(ct);
        return new FollowUpTieResult(tied, closed, left);
    }
}
