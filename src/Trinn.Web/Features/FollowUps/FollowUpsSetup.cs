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
    public static async Task<FollowUp?> MarkVisitAsync(TrinnDbContext db, int candidateId, DateOnly visitDate, FollowUpDoneBy by)
    {
        ArgumentNullException.ThrowIfNull(db);
        var limit = visitDate.AddDays(7);
        var open = await db.Set<FollowUp>()
            .Where(f => f.CandidateId == candidateId && f.DoneOn == null && f.PlannedDate <= limit)
            .ToListAsync();
        var match = FollowUp.MatchVisit(open, visitDate);
        match?.MarkDone(visitDate, by);
        return match;
    }
}
