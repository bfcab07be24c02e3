using Trinn.Core.Activities;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Activities;

/// <summary>The group activities a candidate took part in, in their timeline on the candidate page.</summary>
public sealed class CandidateActivitiesViewComponent(TrinnDbContext db) : ViewComponent
{
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        var visible = db.Candidates.AsNoTracking().VisibleTo(UserClaimsPrincipal).Where(c => c.Id == candidateId);
        var rows = await db.Set<GroupActivityParticipant>().AsNoTracking()
            .Where(p => p.CandidateId == candidateId && visible.Any())
            .OrderByDescending(p => p.Activity!.Date).ThenByDescending(p => p.GroupActivityId).Take(Shown)
            .Select(p => new CandidateActivityLine(p.GroupActivityId, p.Activity!.Date, p.Activity.Kind, p.Activity.Title))
            .ToListAsync();
        return View("/Features/Activities/_CandidateActivities.cshtml", rows);
    }
}

public sealed record CandidateActivityLine(int Id, DateOnly Date, GroupActivityKind Kind, string Title);
