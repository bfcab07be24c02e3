using Trinn.Core.Activities;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Activities;

/// <summary>The group activities a candidate took part in, in their timeline on the candidate page.</summary>
public sealed class CandidateActivitiesViewComponent(TrinnDbContext db) : ViewComponent
{
    public const int Shown = 20;

    // On the candidate page, so compiled once per model (see PerModel); the team condition is CandidateAccess.VisibleTo's.
    private static readonly PerModel<Func<TrinnDbContext, int, int, IAsyncEnumerable<CandidateActivityLine>>> RowsQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, int candidateId) => db.Set<GroupActivityParticipant>().AsNoTracking()
            .Where(p => p.CandidateId == candidateId && db.Candidates.Any(c => c.Id == candidateId && c.TeamId == teamId))
            .OrderByDescending(p => p.Activity!.Date).ThenByDescending(p => p.GroupActivityId).Take(Shown)
            .Select(p => new CandidateActivityLine(p.GroupActivityId, p.Activity!.Date, p.Activity.Kind, p.Activity.Title))));

    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        List<CandidateActivityLine> rows = UserClaimsPrincipal.VisibleTeamId() is { } teamId
            ? await RowsQuery.For(db)(db, teamId, candidateId).ToListAsync()
            : [];
        return View("/Features/Activities/_CandidateActivities.cshtml", rows);
    }
}

public sealed record CandidateActivityLine(int Id, DateOnly Date, GroupActivityKind Kind, string Title);
