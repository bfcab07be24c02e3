using System.Security.Claims;
using Trinn.Core.Activities;

namespace Trinn.Web.Features.Activities;

/// <summary>Marker for the group activity pages' texts (Resources/Features/Activities/ActivitiesResource.resx).</summary>
public sealed class ActivitiesResource;

internal static class ActivitiesSetup
{
    public static WebApplicationBuilder AddTrinnActivities(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Activities", Policies.TeamMember));
        return builder;
    }
}

internal static class ActivityAccess
{
    /// <summary>The activities of the user's own team; none for anyone else. The check sits in the query.</summary>
    public static IQueryable<GroupActivity> VisibleTo(this IQueryable<GroupActivity> activities, ClaimsPrincipal user)
    {
        var teamId = user.IsTeamMember() ? user.TeamId() : null;
        return teamId is null ? activities.Where(_ => false) : activities.Where(a => a.TeamId == teamId);
    }
}
