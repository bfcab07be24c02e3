namespace Trinn.Web.Features.Candidates;

internal static class CandidatesSetup
{
    /// <summary>
    /// The candidates of the own team, for job specialists and metodeveiledere; every page that reads candidate data
    /// is declared and checked by the read-audit filter.
    /// </summary>
    public static WebApplicationBuilder AddTrinnCandidates(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MvcOptions>(o => o.Filters.Add<CandidateReadAudit.PageFilter>());
        return builder.AuthorizeFolder("/Candidates", Policies.TeamMember);
    }
}
