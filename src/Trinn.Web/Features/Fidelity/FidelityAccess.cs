using System.Security.Claims;
using Trinn.Core.Fidelity;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Fidelity;

/// <summary>Who may see which rounds. The checks sit in the queries' WHERE, so a guessed id from another team finds nothing.</summary>
internal static class FidelityAccess
{
    /// <summary>Team members see their own team's rounds; leder and forsker see every team's (results only); others none.</summary>
    public static IQueryable<FidelityRound> VisibleTo(this IQueryable<FidelityRound> rounds, ClaimsPrincipal user)
    {
        if (SeesAllTeams(user))
        {
            return rounds;
        }

        var teamId = user.IsTeamMember() ? user.TeamId() : null;
        return teamId is null ? rounds.Where(_ => false) : rounds.Where(r => r.TeamId == teamId);
    }

    /// <summary>The rounds the user answers or supervises: the own team's, for jobbspesialist and metodeveileder only.</summary>
    public static IQueryable<FidelityRound> OfOwnTeam(this IQueryable<FidelityRound> rounds, ClaimsPrincipal user)
    {
        var teamId = user.IsTeamMember() ? user.TeamId() : null;
        return teamId is null ? rounds.Where(_ => false) : rounds.Where(r => r.TeamId == teamId);
    }

    public static bool SeesAllTeams(ClaimsPrincipal user) =>
        !user.IsTeamMember() && (user.IsInRole(Roles.Leder) || user.IsInRole(Roles.Forsker));

    public static bool IsSupervisor(ClaimsPrincipal user) => user.IsInRole(Roles.Metodeveileder) && user.TeamId() is not null;

    /// <summary>The team's respondents: its jobbspesialister and metodeveiledere, ordered by name.</summary>
    public static async Task<List<(string Id, string Name)>> RespondentsAsync(TrinnDbContext db, int teamId)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.Jobbspesialist || r.Name == Roles.Metodeveileder).Select(r => r.Id);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.TeamId == teamId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync();
        return people.Select(p => (p.Id, p.DisplayName)).ToList();
    }
}
