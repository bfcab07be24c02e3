namespace Trinn.Web.Features.Portfolio;

internal static class PortfolioSetup
{
    /// <summary>The own team's portfolio, for job specialists and metodeveiledere.</summary>
    public static WebApplicationBuilder AddTrinnPortfolio(this WebApplicationBuilder builder) => builder.AuthorizeFolder("/Portfolio", Policies.TeamMember);
}
