namespace Trinn.Web.Features.FollowUps;

/// <summary>Marker for the follow-up pages' texts (Resources/Features/FollowUps/FollowUpsResource.resx).</summary>
public sealed class FollowUpsResource;

internal static class FollowUpsSetup
{
    public static WebApplicationBuilder AddTrinnFollowUps(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/FollowUps", Policies.TeamMember);
            // Calendar programs cannot sign in: the feed is reached with its secret token only.
            o.Conventions.AllowAnonymousToPage("/FollowUps/Feed");
        });
        return builder;
    }
}
