using System.Security.Cryptography;
using System.Text;
using Trinn.Core.Common;

namespace Trinn.Core.Identity;

/// <summary>What a personal API token may do. Read-only is the default (and what an unknown value means).</summary>
public enum ApiTokenScope
{
    /// <summary>GET requests to <c>/api</c> only.</summary>
    Read = 0,

    /// <summary>Every <c>/api</c> route the owner's role allows, writes included.</summary>
    ReadWrite = 1,
}

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored; the secret is shown once when created. A token
/// answers on <c>/api</c> only, until it expires (chosen at creation, at most a year) or is revoked.
/// </summary>
public class ApiToken
{
    public const string SecretPrefix = "trinn_";

    public const int DefaultLifetimeDays = 90;

    public const int MaxLifetimeDays = 365;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public TrinnUser? User { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The first characters of the secret, so the owner can tell tokens apart.</summary>
    public required string Hint { get; set; }

    public ApiTokenScope Scope { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The token stops answering at this instant.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    /// <summary>Written by the authentication handler (at most once a minute), shown on the profile page.</summary>
    public DateTime? LastUsedAtUtc { get; private set; }

    /// <summary>True while the token may authenticate: not revoked and not expired.</summary>
    public bool IsActive(DateTime nowUtc) => RevokedAtUtc is null && nowUtc < ExpiresAtUtc;

    /// <summary>The token stops answering now; revoking it again keeps the first time.</summary>
    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;

    /// <summary>
    /// A new token and its secret. <paramref name="expiresAtUtc"/> must lie after <paramref name="nowUtc"/> and at most
    /// <see cref="MaxLifetimeDays"/> days (plus the rest of that day) ahead; otherwise a <see cref="DomainException"/> on <c>ExpiresOn</c>.
    /// </summary>
    public static (ApiToken Token, string Secret) Create(string userId, string name, ApiTokenScope scope, DateTime expiresAtUtc, DateTime nowUtc)
    {
        if (!Enum.IsDefined(scope))
        {
            throw new DomainException("Scope", "Error_TokenScope");
        }

        if (expiresAtUtc <= nowUtc)
        {
            throw new DomainException("ExpiresOn", "Error_TokenExpiryPast");
        }

        // A day of slack: the page asks for a date, and "one year from today" ends at that day's midnight.
        if (expiresAtUtc > nowUtc.AddDays(MaxLifetimeDays + 1))
        {
            throw new DomainException("ExpiresOn", "Error_TokenExpiryTooLate");
        }

        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(secret),
            Hint = secret[..10],
            Scope = scope,
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = expiresAtUtc,
        };
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
