namespace Trinn.Web.Features.Duration;

/// <summary>Marker for the duration pages' texts (Resources/Features/Duration/DurationResource.resx).</summary>
public sealed class DurationResource;

internal static class DurationSetup
{
    public static WebApplicationBuilder AddTrinnDuration(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Duration", Policies.TeamMember));
        return builder;
    }
}
