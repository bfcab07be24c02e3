using System.Security.Cryptography;
using System.Text;

namespace Trinn.Core.FollowUps;

/// <summary>
/// A specialist's private calendar feed address. Only a SHA-256 hash of the secret is stored; the secret is shown
/// once. Calendar programs cannot send headers, so the secret is in the URL — which is why the feed carries no names.
/// </summary>
public class CalendarFeedToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public static (CalendarFeedToken Token, string Secret) Create(string userId, DateTime nowUtc)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new CalendarFeedToken { UserId = userId, TokenHash = Hash(secret), CreatedAtUtc = nowUtc }, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
