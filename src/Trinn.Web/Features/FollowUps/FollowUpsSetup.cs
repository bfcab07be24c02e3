using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.FollowUps;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Features.FollowUps;

/// <summary>Marker for the follow-up pages' texts (Resources/Features/FollowUps/FollowUpsResource.resx).</summary>
public sealed class FollowUpsResource;

internal static class FollowUpsSetup
{
    public static WebApplicationBuilder AddTrinnFollowUps(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/FollowUps", Policies.TeamMember);
            // Calendar programs cannot sign in: the feed is reached with its secret token only.
            o.Conventions.AllowAnonymousToPage("/FollowUps/Feed");
        });
        return builder;
    }
}

/// <summary>Marks planned follow-ups done when a workplace visit is recorded, so nobody records it twice.</summary>
public static class FollowUpCompletion
{
    /// <summary>Marks the follow-up the visit fulfils (see <see cref="FollowUp.MatchVisit"/>); the caller saves.</summary>
    public static async Task<FollowUp?> MarkVisitAsync(
        TrinnDbContext db, int candidateId, DateOnly visitDate, FollowUpDoneBy by, Trinn.Core.Employers.EmployerContact? contact = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var limit = visitDate.AddDays(7);
        var open = await db.Set<FollowUp>()
            .Where(f => f.CandidateId == candidateId && f.DoneOn == null && f.PlannedDate <= limit)
            .ToListAsync();
        var match = FollowUp.MatchVisit(open, visitDate);
        match?.MarkDone(visitDate, by, contact);
        return match;
    }

    /// <summary>
    /// Keeps follow-ups in step with an edited or deleted employer contact: the ones it marked done go back to planned,
    /// and, when it is (still) a workplace follow-up and not being deleted, its date marks the matching ones done again.
    /// The caller saves.
    /// </summary>
    public static async Task ReconcileContactAsync(TrinnDbContext db, Trinn.Core.Employers.EmployerContact contact, bool deleting)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contact);
        var id = contact.Id;
        var remark = !deleting && contact.Kind == Trinn.Core.Employers.EmployerContactKind.WorkplaceFollowUp;
        var candidateIds = remark ? contact.Candidates.Select(l => l.CandidateId).ToList() : [];
        var limit = contact.Date.AddDays(7);
        var rows = await db.Set<FollowUp>()
            .Where(f => f.DoneByContactId == id || (candidateIds.Contains(f.CandidateId) && f.DoneOn == null && f.PlannedDate <= limit))
            .ToListAsync();
        foreach (var f in rows.Where(f => f.DoneByContactId == id))
        {
            f.Reopen();
        }

        foreach (var candidateId in candidateIds)
        {
            FollowUp.MatchVisit(rows.Where(f => f.CandidateId == candidateId), contact.Date)?.MarkDone(contact.Date, FollowUpDoneBy.EmployerContact, contact);
        }
    }
}
