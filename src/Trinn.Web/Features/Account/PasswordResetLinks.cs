using Microsoft.AspNetCore.Identity;
using Trinn.Core.Audit;
using Trinn.Core.Data;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Account;

/// <summary>
/// Admin-issued password reset: Trinn sends no mail, so an admin creates a one-time link and hands it over. The link
/// carries ASP.NET Core Identity's reset token, which expires after <see cref="Lifespan"/> and stops working once the
/// password changes (the token is bound to the user's security stamp, which a reset renews).
/// </summary>
public static class PasswordResetLinks
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(24);

    public const string PagePath = "/Account/ResetPassword";

    /// <summary>A reset link for the user; audited without the token.</summary>
    public static async Task<string> CreateAsync(UserManager<TrinnUser> users, TrinnDbContext db, TrinnUser user, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await db.AuditAsync([new AuditEvent(AuditAction.Create, "PasswordResetLink", user.Id, null, null)]);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{PagePath}?bruker={Uri.EscapeDataString(user.Id)}&kode={Uri.EscapeDataString(token)}";
    }
}
