using Microsoft.AspNetCore.Identity;
using Trinn.Core.Teams;

namespace Trinn.Core.Identity;

public class TrinnUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The team a jobbspesialist or metodeveileder belongs to; empty for other roles.</summary>
    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>Full-time equivalent (stillingsprosent / 100), for caseload and target figures.</summary>
    public decimal? Fte { get; set; }

    /// <summary>Set by an admin: the account can no longer sign in, and its sessions, tokens and feeds stop answering.</summary>
    public DateTime? DeactivatedAtUtc { get; set; }

    /// <summary>True when the account may not be used now: deactivated, or locked out (failed sign-ins or an admin's lock).</summary>
    public static bool IsBlocked(DateTime? deactivatedAtUtc, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        deactivatedAtUtc is not null || (lockoutEnd is { } end && end > now);

    public bool IsBlocked(DateTimeOffset now) => IsBlocked(DeactivatedAtUtc, LockoutEnd, now);
}
