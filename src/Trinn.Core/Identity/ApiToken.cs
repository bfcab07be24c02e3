using System.Security.Cryptography;
using System.Text;

namespace Trinn.Core.Identity;

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored; the secret is shown once when created.
/// </summary>
public class ApiToken
{
    public const string SecretPrefix = "trinn_";

    public int Id { get; set; }

    public required string UserId { get; set; }

    public TrinnUser? User { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The first characters of the secret, so the owner can tell tokens apart.</summary>
    public required string Hint { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public static (ApiToken Token, string Secret) Create(string userId, string name, DateTime nowUtc)
    {
        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(secret),
            Hint = secret[..10],
            CreatedAtUtc = nowUtc,
        };
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
