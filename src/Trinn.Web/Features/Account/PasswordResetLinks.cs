using Microsoft.AspNetCore.Identity;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Account;

/// <summary>
/// Admin-issued password reset: Trinn sends no mail, so an admin creates a one-time link and hands it over. The link
/// carries ASP.NET Core Identity's reset token, which expires after <see cref="Lifespan"/> and stops working once the
/// password changes (the token is bound to the user's security stamp, which a reset renews). Issuing a link means the
/// password is no longer trusted, so the user's sessions end at once.
/// </summary>
public static class PasswordResetLinks
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(24);

    public const string PagePath = "/Account/ResetPassword";

    /// <summary>A reset link for the user, built from the public base URL; audited without the token.</summary>
    public static async Task<string> CreateAsync(
        UserManager<TrinnUser> users, TrinnDbContext db, UserSessions sessions, PublicUrls urls, TrinnUser user, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await db.AuditAsync([new AuditEvent(AuditAction.Create, AuditEntities.PasswordResetLink, user.Id, null, null)]);
        await sessions.RevokeAllAsync(user.Id, SessionEndReason.ResetLinkIssued);
        return urls.For(request, $"{PagePath}?bruker={Uri.EscapeDataString(user.Id)}&kode={Uri.EscapeDataString(token)}");
    }
}
