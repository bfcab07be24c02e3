using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Data;

namespace Trinn.Core.Background;

/// <summary>
/// A lease that lets exactly one app instance run a named background job at a time (e.g. the survey mail sender),
/// however many instances run behind a load balancer on the same database. One row per job name holds the current
/// holder and when its lease runs out. See <see cref="JobLeases"/> for how it is taken and kept.
/// </summary>
public class JobLease
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 200;

    public required string Name { get; set; }

    /// <summary>Who holds the lease: a random id per process (<see cref="JobLeases.NewHolderId"/>), empty when released.</summary>
    public required string HolderId { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}

/// <summary>
/// Taking, renewing and releasing <see cref="JobLease"/>s. The rule: a holder may take the lease when it already holds it
/// or when the lease has run out. That is one conditional UPDATE (<c>WHERE Name = @n AND (HolderId = @me OR
/// ExpiresAtUtc &lt; @now)</c>); the database runs it atomically on SQLite and PostgreSQL alike, so of two
/// instances that try at the same moment exactly one sees "1 row updated". A job name without a row yet is created
/// by INSERT; a duplicate-key failure there means another instance won the race.
/// <para>Usage, per tick of a background loop: <c>if (await JobLeases.TryAcquireAsync(db, "name", holder, ttl, now))
/// { do the work }</c>. Keep the work of one tick well below the lease duration, and choose the duration so that a
/// crashed holder's lease runs out soon enough for another instance to take over (e.g. 2 minutes for a loop that
/// ticks every 30 seconds). Work done under a lease must still be safe to repeat after a crash (the lease is not a
/// transaction): mark each unit of work done in the same transaction that does it.</para>
/// </summary>
public static class JobLeases
{
    /// <summary>A holder id for this process: machine name plus a random part, so two processes on one host differ.</summary>
    public static string NewHolderId()
    {
        var id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return id.Length <= JobLease.HolderMaxLength ? id : id[^JobLease.HolderMaxLength..];
    }

    /// <summary>
    /// Takes or renews the lease <paramref name="name"/> for <paramref name="duration"/> from <paramref name="nowUtc"/>.
    /// True when <paramref name="holderId"/> holds it afterwards.
    /// </summary>
    public static async Task<bool> TryAcquireAsync(TrinnDbContext db, string name, string holderId, TimeSpan duration, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holderId);
        var expires = nowUtc + duration;
        var updated = await db.Set<JobLease>()
            .Where(l => l.Name == name && (l.HolderId == holderId || l.ExpiresAtUtc < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.HolderId, holderId).SetProperty(l => l.ExpiresAtUtc, expires), ct);
        if (updated == 1)
        {
            return true;
        }

        if (await db.Set<JobLease>().AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        var row = new JobLease { Name = name, HolderId = holderId, ExpiresAtUtc = expires };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row first: it holds the lease.
            return false;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Gives the lease up at once (on shutdown), so another instance need not wait for it to run out.</summary>
    public static Task<int> ReleaseAsync(TrinnDbContext db, string name, string holderId, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<JobLease>()
            .Where(l => l.Name == name && l.HolderId == holderId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.HolderId, string.Empty).SetProperty(l => l.ExpiresAtUtc, nowUtc), ct);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("JobLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(JobLease.NameMaxLength);
        builder.Property(l => l.HolderId).HasMaxLength(JobLease.HolderMaxLength);
    }
}
