using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Account;

/// <summary>
/// Progressive delays per (user name, source address) for password sign-in, stored in the database so every instance
/// counts the same (<see cref="SignInThrottle"/>, docs/adr/sign-in-and-sessions.md). Rows are written with plain SQL,
/// not through the change tracker: failed sign-ins are not personal-data events, and a flood of them must not queue
/// behind the audit chain's lock.
/// </summary>
public sealed class SignInThrottling(TrinnDbContext db, ILookupNormalizer normalizer, TimeProvider time)
{
    /// <summary>The source a failure is counted against: the IPv4 address, or the IPv6 /64 network (one household or host).</summary>
    public static string SourceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    /// <summary>True while this user name may not try again from this address.</summary>
    public async Task<bool> IsBlockedAsync(string userName, IPAddress? address)
    {
        var key = Key(userName, address);
        var until = await db.Set<SignInThrottle>().AsNoTracking().Where(t => t.Key == key).Select(t => t.BlockedUntilUtc).SingleOrDefaultAsync();
        return until is { } u && u > time.GetUtcNow().UtcDateTime;
    }

    /// <summary>Counts one failed attempt and sets the wait that follows from the new count.</summary>
    public async Task RecordFailureAsync(string userName, IPAddress? address)
    {
        var key = Key(userName, address);
        var userKey = SignInThrottle.UserKeyOf(Normalize(userName));
        var now = time.GetUtcNow().UtcDateTime;
        var forgotten = now - SignInThrottle.ForgetAfter;
        await db.Set<SignInThrottle>().Where(t => t.LastFailureAtUtc < forgotten).ExecuteDeleteAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var row = await db.Set<SignInThrottle>().AsNoTracking().Where(t => t.Key == key)
                .Select(t => new { t.Failures, t.LastFailureAtUtc }).SingleOrDefaultAsync();
            if (row is null)
            {
                try
                {
                    await db.Database.ExecuteSqlAsync(
                        $"INSERT INTO \"SignInThrottles\" (\"Key\", \"UserKey\", \"Failures\", \"LastFailureAtUtc\") VALUES ({key}, {userKey}, {1}, {now})");
                    return;
                }
                catch (DbException)
                {
                    // Another request inserted the pair first: count on its row.
                    continue;
                }
            }

            var failures = SignInThrottle.NextFailures(row.Failures, row.LastFailureAtUtc, now);
            var blockedUntil = SignInThrottle.BlockedUntil(failures, now);
            var updated = await db.Set<SignInThrottle>().Where(t => t.Key == key && t.Failures == row.Failures)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, failures).SetProperty(t => t.LastFailureAtUtc, now).SetProperty(t => t.BlockedUntilUtc, blockedUntil));
            if (updated == 1)
            {
                return;
            }
        }
    }

    /// <summary>A successful sign-in from this address starts the pair from zero.</summary>
    public Task ClearAsync(string userName, IPAddress? address)
    {
        var key = Key(userName, address);
        return db.Set<SignInThrottle>().Where(t => t.Key == key).ExecuteDeleteAsync();
    }

    /// <summary>A new password (admin-issued reset) clears the user's counts at every address.</summary>
    public Task ForgetUserAsync(TrinnUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userKey = SignInThrottle.UserKeyOf(Normalize(user.UserName ?? ""));
        return db.Set<SignInThrottle>().Where(t => t.UserKey == userKey).ExecuteDeleteAsync();
    }

    private string Normalize(string userName) => normalizer.NormalizeName(userName.Trim()) ?? "";

    private string Key(string userName, IPAddress? address) => SignInThrottle.KeyOf(Normalize(userName), SourceOf(address));
}
