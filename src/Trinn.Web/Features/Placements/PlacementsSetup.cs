using System.Security.Claims;
using Trinn.Core.Placements;

namespace Trinn.Web.Features.Placements;

/// <summary>Marker for the placement pages' texts (Resources/Features/Placements/PlacementsResource.resx).</summary>
public sealed class PlacementsResource;

internal static class PlacementsSetup
{
    public static WebApplicationBuilder AddTrinnPlacements(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Placements", Policies.TeamMember));
        return builder;
    }
}

internal static class PlacementAccess
{
    /// <summary>Placements of the candidates the user may see (the team's); the check is in the query.</summary>
    public static IQueryable<Placement> VisibleTo(this IQueryable<Placement> placements, ClaimsPrincipal user)
    {
        var teamId = user.IsTeamMember() ? user.TeamId() : null;
        return teamId is null ? placements.Where(_ => false) : placements.Where(p => p.Candidate!.TeamId == teamId);
    }

    /// <summary>
    /// A placement of the team's candidates, tracked with its candidate, follow-up plan and support measures (ending the
    /// job closes the plan and ends the measures with it).
    /// </summary>
    public static Task<Placement?> FindPlacementForEditAsync(this TrinnDbContext db, int id, ClaimsPrincipal user) =>
        db.Set<Placement>().VisibleTo(user).Include(p => p.Candidate).Include(p => p.FollowUps).Include(p => p.Measures)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id);

    /// <summary>The heading of a placement's forms: its kind and its employer ("Betalt arbeid – Fjordbakeriet AS").</summary>
    public static async Task<string> PlacementTitleAsync(this TrinnDbContext db, Placement placement, IStringLocalizer<PlacementsResource> p)
    {
        var employer = await db.Set<Trinn.Core.Employers.Employer>().Where(e => e.Id == placement.EmployerId).Select(e => e.Name).SingleAsync();
        return EnumText.Name(p, placement.Kind) + " – " + employer;
    }

    /// <summary>A wage subsidy on a placement of the team's candidates, tracked with its placement; the check is in the query.</summary>
    public static Task<SupportMeasure?> FindWageSubsidyForEditAsync(this TrinnDbContext db, int id, ClaimsPrincipal user)
    {
        var teamId = user.IsTeamMember() ? user.TeamId() : null;
        return db.Set<SupportMeasure>().Include(m => m.Placement).ThenInclude(p => p!.Employer)
            .Where(m => teamId != null && m.Placement!.Candidate!.TeamId == teamId && m.Kind == SupportMeasureKind.Lonnstilskudd)
            .SingleOrDefaultAsync(m => m.Id == id);
    }
}
