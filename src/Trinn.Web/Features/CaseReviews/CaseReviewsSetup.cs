using System.Security.Claims;
using Trinn.Core.CaseReviews;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.CaseReviews;

/// <summary>Marker for the case review pages' texts (Resources/Features/CaseReviews/CaseReviewsResource.resx).</summary>
public sealed class CaseReviewsResource;

public static class CaseReviewPolicies
{
    /// <summary>Schedule a case review: the team's metodeveileder.</summary>
    public const string Schedule = "CaseReviewSchedule";
}

internal static class CaseReviewsSetup
{
    public static WebApplicationBuilder AddTrinnCaseReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CaseReviewPolicies.Schedule, p => p.RequireRole(Roles.Metodeveileder).RequireClaim(TrinnClaims.TeamId));
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            // Only the team sees its reviews; only the metodeveileder schedules them.
            o.Conventions.AuthorizeFolder("/CaseReviews", Policies.TeamMember);
            o.Conventions.AuthorizePage("/CaseReviews/New", CaseReviewPolicies.Schedule);
        });
        return builder;
    }
}

internal static class CaseReviewAccess
{
    /// <summary>The reviews of the user's own team; none for anyone else. The check sits in the query.</summary>
    public static IQueryable<CaseReview> VisibleTo(this IQueryable<CaseReview> reviews, ClaimsPrincipal user)
    {
        var teamId = user.IsTeamMember() ? user.TeamId() : null;
        return teamId is null ? reviews.Where(_ => false) : reviews.Where(r => r.TeamId == teamId);
    }
}
