using System.Security.Claims;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Surveys;

internal static class SurveysAccess
{
    /// <summary>The survey waves of the candidates the user may see (the check is in the query).</summary>
    public static IQueryable<SurveyWave> VisibleWaves(this TrinnDbContext db, ClaimsPrincipal user)
    {
        var visible = db.Candidates.VisibleTo(user);
        return db.Set<SurveyWave>().Where(w => visible.Any(c => c.Id == w.CandidateId));
    }

    /// <summary>The studies a candidate of the team may take part in: the whole organisation's and the team's own.</summary>
    public static IQueryable<Study> StudiesOfTeam(this TrinnDbContext db, int teamId) =>
        db.Set<Study>().Where(x => x.WholeOrganisation || x.Teams.Any(tm => tm.TeamId == teamId));
}
