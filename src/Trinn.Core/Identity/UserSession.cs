using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.Identity;

/// <summary>
/// A signed-in browser session, kept in the database so every instance behind a load balancer sees the same state.
/// The sign-in cookie carries a random session id; only its SHA-256 hash is stored. A session ends when it is revoked
/// (sign-out, password reset, role change, lockout, deactivation) or when it has been idle for
/// <see cref="IdleTimeout"/> or has lasted <see cref="AbsoluteLifetime"/>.
/// </summary>
public class UserSession
{
    /// <summary>Same as the cookie's sliding expiry.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>A working day and then some: after this, sign in again however active the session was.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    public int Id { get; set; }

    public required string UserId { get; set; }

    public TrinnUser? User { get; set; }

    /// <summary>SHA-256 of the session id in the cookie (the id itself is never stored).</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime LastSeenAtUtc { get; private set; }

    /// <summary>Idle expiry: moves forward as the session is used, never beyond <see cref="CreatedAtUtc"/> + <see cref="AbsoluteLifetime"/>.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    /// <summary>Why the session was revoked (a <see cref="SessionEndReason"/> name), for the audit trail.</summary>
    public string? RevokedReason { get; private set; }

    /// <summary>A new session and the id for the cookie.</summary>
    public static (UserSession Session, string Id) Start(string userId, DateTime nowUtc)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var session = new UserSession
        {
            UserId = userId,
            TokenHash = Hash(id),
            CreatedAtUtc = nowUtc,
            LastSeenAtUtc = nowUtc,
            ExpiresAtUtc = NextExpiry(nowUtc, nowUtc),
        };
        return (session, id);
    }

    public static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    /// <summary>The idle expiry after use at <paramref name="nowUtc"/>, capped by the absolute lifetime.</summary>
    public static DateTime NextExpiry(DateTime createdAtUtc, DateTime nowUtc)
    {
        var idle = nowUtc + IdleTimeout;
        var cap = createdAtUtc + AbsoluteLifetime;
        return idle < cap ? idle : cap;
    }

    public bool IsActive(DateTime nowUtc) => RevokedAtUtc is null && nowUtc < ExpiresAtUtc;

    public void Revoke(SessionEndReason reason, DateTime nowUtc)
    {
        if (RevokedAtUtc is null)
        {
            RevokedAtUtc = nowUtc;
            RevokedReason = reason.ToString();
        }
    }
}

/// <summary>Why a session ended before it expired.</summary>
public enum SessionEndReason
{
    SignedOut = 1,
    PasswordReset = 2,
    ResetLinkIssued = 3,
    RoleChanged = 4,
    LockedOut = 5,
    Deactivated = 6,
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.Property(s => s.RevokedReason).HasMaxLength(30);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => new { s.UserId, s.RevokedAtUtc });
        builder.HasIndex(s => s.ExpiresAtUtc);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
