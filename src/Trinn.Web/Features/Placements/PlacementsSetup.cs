using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Placements;
using Trinn.Web.Infrastructure;

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

    public static Task<Placement?> FindPlacementForEditAsync(this TrinnDbContext db, int id, ClaimsPrincipal user) =>
        db.Set<Placement>().VisibleTo(user).Include(p => p.Candidate).SingleOrDefaultAsync(p => p.Id == id);
}
