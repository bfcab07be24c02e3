using Microsoft.AspNetCore.Mvc.RazorPages;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Features.Portfolio;

internal static class PortfolioSetup
{
    /// <summary>The own team's portfolio, for job specialists and metodeveiledere.</summary>
    public static WebApplicationBuilder AddTrinnPortfolio(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Portfolio", Policies.TeamMember));
        return builder;
    }
}
