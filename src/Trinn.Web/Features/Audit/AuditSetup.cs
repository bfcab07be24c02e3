namespace Trinn.Web.Features.Audit;

internal static class AuditSetup
{
    /// <summary>Who saw a candidate's data: metodeveileder (own team) and admin.</summary>
    public static WebApplicationBuilder AddTrinnAudit(this WebApplicationBuilder builder) => builder.AuthorizeFolder("/Audit", Policies.AuditReader);

    /// <summary>Everything Trinn holds about one candidate as one JSON document (GDPR art. 15).</summary>
    public static void MapTrinnAudit(this WebApplication app) => app.MapAuditExport();
}
