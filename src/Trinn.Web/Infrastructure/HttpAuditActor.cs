using System.Security.Claims;
using Trinn.Core.Identity;

namespace Trinn.Web.Infrastructure;

/// <summary>The signed-in user of the current request, as recorded in the audit trail.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? Role => accessor.HttpContext?.User is { } user ? Roles.All.FirstOrDefault(user.IsInRole) : null;
}
