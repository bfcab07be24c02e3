using Trinn.Core.Identity;
using Trinn.Core.Indicators;

namespace Trinn.Web.Features.Overview;

/// <summary>Marker for the dashboard's texts (Resources/Features/Overview/IndicatorsResource.resx).</summary>
public sealed class IndicatorsResource;

public static class IndicatorPolicies
{
    /// <summary>
    /// The team dashboard: a job specialist or metodeveileder for their own team (with their own or each specialist's
    /// figures), leder and forsker for any team at team level with small cells suppressed.
    /// </summary>
    public const string Dashboard = "IndicatorDashboard";
}

internal static class IndicatorsSetup
{
    public static WebApplicationBuilder AddTrinnIndicators(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IndicatorOptions>()
            .BindConfiguration(IndicatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IndicatorPolicies.Dashboard, p => p.RequireAssertion(ctx =>
                ctx.User.IsTeamMember() || ctx.User.IsInRole(Roles.Leder) || ctx.User.IsInRole(Roles.Forsker)));
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Overview", IndicatorPolicies.Dashboard);
            // The lists behind the numbers hold candidates' names: team members only.
            o.Conventions.AuthorizePage("/Overview/Rows", Policies.TeamMember);
        });
        builder.Services.AddSingleton<DashboardCache>();
        builder.Services.AddScoped<DashboardQuery>();
        return builder;
    }
}
