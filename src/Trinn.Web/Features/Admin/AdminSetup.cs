namespace Trinn.Web.Features.Admin;

internal static class AdminSetup
{
    /// <summary>Users, roles, teams, memberships and targets: the admin only.</summary>
    public static WebApplicationBuilder AddTrinnAdmin(this WebApplicationBuilder builder) => builder.AuthorizeFolder("/Admin", Policies.Admin);
}
