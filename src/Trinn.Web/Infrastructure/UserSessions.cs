using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Trinn.Core.Identity;

namespace Trinn.Web.Infrastructure;

/// <summary>
/// Server-side sign-in sessions (docs/adr/sign-in-and-sessions.md). The cookie carries a random session id in the
/// <see cref="TrinnClaims.SessionId"/> claim; the database row decides on every request whether it still counts. Each
/// instance remembers a positive answer for at most <see cref="SessionCache.CheckEvery"/>, so a revocation made on another
/// instance takes effect within that time, and at once on the instance that made it.
/// </summary>
public sealed class UserSessions(TrinnDbContext db, SessionCache cache, TimeProvider time)
{
    /// <summary>How often the last-seen time (and with it the idle expiry) is written: not on every request.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>Ended sessions are kept this long (who signed in when), then deleted.</summary>
    public static readonly TimeSpan KeepEnded = TimeSpan.FromDays(90);

    /// <summary>Stores a new session for the user and returns the id that goes into the cookie.</summary>
    public async Task<string> StartAsync(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (session, id) = UserSession.Start(userId, now);
        db.Add(session);
        await db.SaveChangesAsync();
        var stale = now - KeepEnded;
        await db.Set<UserSession>().Where(s => s.ExpiresAtUtc < stale).ExecuteDeleteAsync();
        return id;
    }

    /// <summary>True when the session exists, is neither revoked nor expired, and its user may still sign in.</summary>
    public async Task<bool> IsActiveAsync(string sessionId)
    {
        var hash = UserSession.Hash(sessionId);
        var now = time.GetUtcNow();
        if (cache.IsFresh(hash, now))
        {
            return true;
        }

        var row = await db.Set<UserSession>().AsNoTracking().Where(s => s.TokenHash == hash)
            .Select(s => new { s.Id, s.UserId, s.CreatedAtUtc, s.LastSeenAtUtc, s.ExpiresAtUtc, s.RevokedAtUtc, s.User!.DeactivatedAtUtc, s.User.LockoutEnd })
            .SingleOrDefaultAsync();
        var nowUtc = now.UtcDateTime;
        if (row is null || row.RevokedAtUtc is not null || nowUtc >= row.ExpiresAtUtc)
        {
            return false;
        }

        if (TrinnUser.IsBlocked(row.DeactivatedAtUtc, row.LockoutEnd, now))
        {
            // A lockout ends the session for good, even after the lockout itself has run out.
            await RevokeAllAsync(row.UserId, row.DeactivatedAtUtc is null ? SessionEndReason.LockedOut : SessionEndReason.Deactivated);
            return false;
        }

        if (nowUtc - row.LastSeenAtUtc >= TouchEvery)
        {
            var expires = UserSession.NextExpiry(row.CreatedAtUtc, nowUtc);
            await db.Set<UserSession>().Where(s => s.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, nowUtc).SetProperty(x => x.ExpiresAtUtc, expires));
        }

        cache.Remember(hash, row.UserId, now);
        return true;
    }

    /// <summary>Ends one session (sign-out).</summary>
    public async Task EndAsync(string sessionId, SessionEndReason reason)
    {
        var hash = UserSession.Hash(sessionId);
        cache.Forget(hash);
        var session = await db.Set<UserSession>().SingleOrDefaultAsync(s => s.TokenHash == hash);
        if (session is not null && session.RevokedAtUtc is null)
        {
            session.Revoke(reason, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Ends every session of the user (password reset, role change, lockout, deactivation). Audited, one row per session.</summary>
    public async Task<int> RevokeAllAsync(string userId, SessionEndReason reason)
    {
        cache.ForgetUser(userId);
        var now = time.GetUtcNow().UtcDateTime;
        var sessions = await db.Set<UserSession>().Where(s => s.UserId == userId && s.RevokedAtUtc == null && s.ExpiresAtUtc > now).ToListAsync();
        foreach (var session in sessions)
        {
            session.Revoke(reason, now);
        }

        await db.SaveChangesAsync();
        return sessions.Count;
    }

    /// <summary>Sessions of the user that are still active, for the admin's user page.</summary>
    public Task<int> CountActiveAsync(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Set<UserSession>().CountAsync(s => s.UserId == userId && s.RevokedAtUtc == null && s.ExpiresAtUtc > now);
    }
}

/// <summary>Per-instance memory of sessions found active a moment ago (never of revoked ones).</summary>
public sealed class SessionCache
{
    /// <summary>The longest a revocation made on another instance goes unnoticed here.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string UserId, DateTimeOffset CheckedAt)> entries = new(StringComparer.Ordinal);

    public bool IsFresh(string hash, DateTimeOffset now) =>
        entries.TryGetValue(hash, out var entry) && now - entry.CheckedAt < CheckEvery;

    public void Remember(string hash, string userId, DateTimeOffset now)
    {
        entries[hash] = (userId, now);
        if (entries.Count > 10_000)
        {
            foreach (var stale in entries.Where(e => now - e.Value.CheckedAt >= CheckEvery).Select(e => e.Key).ToList())
            {
                entries.TryRemove(stale, out _);
            }
        }
    }

    public void Forget(string hash) => entries.TryRemove(hash, out _);

    public void ForgetUser(string userId)
    {
        foreach (var key in entries.Where(e => e.Value.UserId == userId).Select(e => e.Key).ToList())
        {
            entries.TryRemove(key, out _);
        }
    }
}

/// <summary>The application cookie's events: a session row per sign-in, checked on each request, revoked at sign-out.</summary>
internal static class SessionCookieEvents
{
    public static void Configure(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = SigningInAsync;
        events.OnValidatePrincipal = ValidatePrincipalAsync;
        events.OnSigningOut = SigningOutAsync;
    }

    private static async Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }

        foreach (var old in identity.FindAll(TrinnClaims.SessionId).ToList())
        {
            identity.RemoveClaim(old);
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        identity.AddClaim(new Claim(TrinnClaims.SessionId, await sessions.StartAsync(userId)));
    }

    // Replaces Identity's security-stamp check (every 30 minutes) with the session row, checked on every request.
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.FindFirstValue(TrinnClaims.SessionId);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (sessionId is null || !await sessions.IsActiveAsync(sessionId))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static async Task SigningOutAsync(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirstValue(TrinnClaims.SessionId) is { } sessionId)
        {
            await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().EndAsync(sessionId, SessionEndReason.SignedOut);
        }
    }
}
