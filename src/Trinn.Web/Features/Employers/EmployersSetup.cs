namespace Trinn.Web.Features.Employers;

/// <summary>Marker for the employer pages' texts (Resources/Features/Employers/EmployersResource.resx).</summary>
public sealed class EmployersResource;

internal static class EmployersSetup
{
    /// <summary>The employer register is the team's: job specialists and the method supervisor of a team.</summary>
    public static WebApplicationBuilder AddTrinnEmployers(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Employers", Policies.TeamMember));
        return builder;
    }
}
