using Trinn.Core.Duration;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Duration;

/// <summary>The current end date of follow-up on the candidate page, with a link to extend it.</summary>
public sealed class DurationSummaryViewComponent(TrinnDbContext db, TimeProvider time) : ViewComponent
{
    // On the candidate page, so compiled once per model (see PerModel); the team condition is CandidateAccess.VisibleTo's.
    private static readonly PerModel<Func<TrinnDbContext, int, int, Task<FollowUpPeriod?>>> PeriodQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, int candidateId) => db.Set<FollowUpPeriod>().AsNoTracking()
            .Where(p => p.CandidateId == candidateId && db.Candidates.Any(c => c.Id == candidateId && c.TeamId == teamId))
            .SingleOrDefault()));

    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        var period = UserClaimsPrincipal.VisibleTeamId() is { } teamId ? await PeriodQuery.For(db)(db, teamId, candidateId) : null;
        return View("/Features/Duration/_DurationSummary.cshtml", new DurationSummary(candidateId, period, NorwegianTime.Today(time)));
    }
}

public sealed record DurationSummary(int CandidateId, FollowUpPeriod? Period, DateOnly Today);
