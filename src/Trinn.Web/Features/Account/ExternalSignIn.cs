using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Account;

/// <summary>The outcome of an external sign-in: signed in, or refused with the resource key of a Norwegian message.</summary>
public sealed record ExternalSignInResult(bool Succeeded, string? MessageKey)
{
    public static readonly ExternalSignInResult Success = new(true, null);

    public static ExternalSignInResult Refused(string messageKey) => new(false, messageKey);
}

/// <summary>
/// Finishes an OpenID Connect sign-in: finds the Trinn user by the provider's subject (AspNetUserLogins), links or
/// creates one if the configuration allows, re-syncs roles (and team) from the claims, and signs in with the
/// application cookie. Someone whose claims map to no Trinn role is refused.
/// </summary>
public sealed partial class ExternalSignIn(
    SignInManager<TrinnUser> signIn,
    UserManager<TrinnUser> users,
    RoleManager<IdentityRole> roleManager,
    TrinnDbContext db,
    UserSessions sessions,
    IOptions<OpenIdConnectSignInOptions> options,
    ILogger<ExternalSignIn> log)
{
    private static readonly string[] TeamRoles = [Roles.Jobbspesialist, Roles.Metodeveileder];

    public async Task<ExternalSignInResult> SignInAsync()
    {
        var settings = options.Value;
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return ExternalSignInResult.Refused("External_Failed");
        }

        try
        {
            var roles = settings.MapRoles(info.Principal);
            if (roles.Count == 0)
            {
                LogNoRole(log, info.LoginProvider);
                return ExternalSignInResult.Refused("External_NoRole");
            }

            int? teamId = null;
            if (settings.MapTeamName(info.Principal) is { } teamName)
            {
                teamId = await db.Teams.Where(t => t.Name == teamName).Select(t => (int?)t.Id).FirstOrDefaultAsync();
            }

            await using var tx = await db.Database.BeginTransactionAsync();
            var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey)
                ?? await LinkExistingAsync(info)
                ?? await ProvisionAsync(info);
            if (user is null)
            {
                LogUnknownUser(log, info.LoginProvider);
                return ExternalSignInResult.Refused("External_UnknownUser");
            }

            if (user.DeactivatedAtUtc is not null || await users.IsLockedOutAsync(user))
            {
                return ExternalSignInResult.Refused("External_LockedOut");
            }

            var syncTeam = !string.IsNullOrWhiteSpace(settings.TeamClaimType);
            var needsTeam = roles.Overlaps(TeamRoles);
            var effectiveTeam = syncTeam ? (needsTeam ? teamId : null) : user.TeamId;
            if (needsTeam && effectiveTeam is null)
            {
                return ExternalSignInResult.Refused("External_NoTeam");
            }

            var synced = await SyncAsync(user, roles, syncTeam, effectiveTeam);
            if (synced is null)
            {
                return ExternalSignInResult.Refused("External_Failed");
            }

            if (synced == true)
            {
                // New roles or team: sessions signed in under the old ones end now.
                await sessions.RevokeAllAsync(user.Id, SessionEndReason.RoleChanged);
            }

            await tx.CommitAsync();
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: info.LoginProvider);
            LogSignedIn(log, user.Id, info.LoginProvider);
            return ExternalSignInResult.Success;
        }
        finally
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        }
    }

    /// <summary>Brings roles and team in line with the claims: true when something changed, false when nothing did, null on failure.</summary>
    private async Task<bool?> SyncAsync(TrinnUser user, IReadOnlySet<string> roles, bool syncTeam, int? teamId)
    {
        var current = await users.GetRolesAsync(user);
        var remove = current.Where(r => !roles.Contains(r)).ToList();
        var add = roles.Where(r => !current.Contains(r)).ToList();
        if (remove.Count > 0 && !(await users.RemoveFromRolesAsync(user, remove)).Succeeded)
        {
            return null;
        }

        foreach (var role in add)
        {
            await roleManager.EnsureExistsAsync(role);
        }

        if (add.Count > 0 && !(await users.AddToRolesAsync(user, add)).Succeeded)
        {
            return null;
        }

        if (syncTeam && user.TeamId != teamId)
        {
            user.TeamId = teamId;
            return (await users.UpdateAsync(user)).Succeeded ? true : null;
        }

        return remove.Count > 0 || add.Count > 0;
    }

    private async Task<TrinnUser?> LinkExistingAsync(ExternalLoginInfo info)
    {
        if (options.Value.LinkByUserNameClaim is not { Length: > 0 } claim
            || info.Principal.FindFirstValue(claim) is not { Length: > 0 } userName
            || await users.FindByNameAsync(userName) is not { } user)
        {
            return null;
        }

        // A user already linked to another subject at this provider is never taken over by a second one.
        if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == info.LoginProvider))
        {
            return null;
        }

        return (await users.AddLoginAsync(user, info)).Succeeded ? user : null;
    }

    private async Task<TrinnUser?> ProvisionAsync(ExternalLoginInfo info)
    {
        if (!options.Value.AutoProvision)
        {
            return null;
        }

        var preferred = info.Principal.FindFirstValue("preferred_username");
        var userName = preferred is { Length: <= 64 } && UserNameChars().IsMatch(preferred) && await users.FindByNameAsync(preferred) is null
            ? preferred
            : "oidc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(info.LoginProvider + "|" + info.ProviderKey)))[..16];
        var name = info.Principal.FindFirstValue(options.Value.NameClaimType)?.Trim();
        var user = new TrinnUser
        {
            UserName = userName,
            DisplayName = string.IsNullOrEmpty(name) ? userName : name[..Math.Min(name.Length, 100)],
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded || !(await users.AddLoginAsync(user, info)).Succeeded)
        {
            return null;
        }

        LogProvisioned(log, user.Id, info.LoginProvider);
        return user;
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]+$")]
    private static partial Regex UserNameChars();

    [LoggerMessage(Level = LogLevel.Information, Message = "External sign-in via {Provider} refused: no claim maps to a Trinn role")]
    private static partial void LogNoRole(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "External sign-in via {Provider} refused: no Trinn user for this subject")]
    private static partial void LogUnknownUser(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in via {Provider}")]
    private static partial void LogSignedIn(ILogger logger, string userId, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created on first sign-in via {Provider}")]
    private static partial void LogProvisioned(ILogger logger, string userId, string provider);
}
