using Trinn.Core.Duration;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Duration;

/// <summary>The current end date of follow-up on the candidate page, with a link to extend it.</summary>
public sealed class DurationSummaryViewComponent(TrinnDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        var visible = db.Candidates.AsNoTracking().VisibleTo(UserClaimsPrincipal).Where(c => c.Id == candidateId);
        var period = await db.Set<FollowUpPeriod>().AsNoTracking().Where(p => visible.Any(c => c.Id == p.CandidateId)).SingleOrDefaultAsync();
        return View("/Features/Duration/_DurationSummary.cshtml", new DurationSummary(candidateId, period, NorwegianTime.Today(time)));
    }
}

public sealed record DurationSummary(int CandidateId, FollowUpPeriod? Period, DateOnly Today);
