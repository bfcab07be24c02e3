using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.Identity;

/// <summary>
/// Failed sign-ins for one user name from one source address (docs/adr/sign-in-and-sessions.md). After
/// <see cref="FreeAttempts"/> failures the pair waits <see cref="FirstBlock"/>, and each further failure doubles the wait
/// up to <see cref="MaxBlock"/>. Other addresses are not affected, so a stranger cannot lock a colleague out; the
/// account-wide lock (ASP.NET Core Identity's) comes only at a much higher count. Unknown user names are throttled the
/// same way, so the answers never tell whether a user exists. Only hashes are stored: a mistyped password in the user
/// name field never reaches the database.
/// </summary>
public class SignInThrottle
{
    public const int FreeAttempts = 5;

    public static readonly TimeSpan FirstBlock = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxBlock = TimeSpan.FromHours(1);

    /// <summary>A pair with no failure for this long starts from zero again.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    /// <summary>SHA-256 of the normalised user name and the source, the primary key.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the normalised user name, so a password reset can clear every source's count.</summary>
    public required string UserKey { get; set; }

    public int Failures { get; set; }

    public DateTime LastFailureAtUtc { get; set; }

    public DateTime? BlockedUntilUtc { get; set; }

    public static string UserKeyOf(string normalizedUserName) => Sha256(normalizedUserName);

    public static string KeyOf(string normalizedUserName, string source) => Sha256(normalizedUserName + "\n" + source);

    /// <summary>The failure count after one more failure at <paramref name="nowUtc"/> (a forgotten pair starts again at one).</summary>
    public static int NextFailures(int failures, DateTime lastFailureAtUtc, DateTime nowUtc) =>
        nowUtc - lastFailureAtUtc > ForgetAfter ? 1 : failures + 1;

    /// <summary>Until when a pair with <paramref name="failures"/> failures, the last at <paramref name="nowUtc"/>, must wait; null when it need not.</summary>
    public static DateTime? BlockedUntil(int failures, DateTime nowUtc)
    {
        if (failures < FreeAttempts)
        {
            return null;
        }

        var doublings = Math.Min(failures - FreeAttempts, 10);
        var wait = FirstBlock * (1 << doublings);
        return nowUtc + (wait < MaxBlock ? wait : MaxBlock);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("SignInThrottles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.UserKey).HasMaxLength(64);
        builder.HasIndex(t => t.UserKey);
        builder.HasIndex(t => t.LastFailureAtUtc);
    }
}
