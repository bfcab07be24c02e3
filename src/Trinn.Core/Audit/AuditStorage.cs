using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;

namespace Trinn.Core.Audit;

/// <summary>
/// How the audit table is stored, behind one API for both providers (docs/adr/audit-volume.md). The EF model stays
/// provider-neutral; on PostgreSQL this step (run after the migrations, by <c>trinn db migrate</c> and by the app when it
/// migrates at start-up) turns <c>AuditEntries</c> into a table partitioned by month of <see cref="AuditEntry.AtUtc"/>,
/// once, and keeps partitions ready a year ahead, so old months can be archived by dropping a partition and queries by
/// time touch only their months. On SQLite it does nothing: one file, archived by deleting rows.
/// </summary>
public static class AuditStorage
{
    public const int DefaultMonthsAhead = 12;

    private const string Table = "AuditEntries";
    private const string DefaultPartition = Table + "_default";

    /// <summary>Partitions from the month of <paramref name="fromUtc"/> (default: the oldest entry, or now) to <paramref name="monthsAhead"/> months after now.</summary>
    public static async Task PrepareAsync(TrinnDbContext db, DateTime nowUtc, DateTime? fromUtc = null, int monthsAhead = DefaultMonthsAhead, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Two instances starting at once take turns here.
        await ExecuteAsync(db, "SELECT pg_advisory_xact_lock(7160216)", ct);
        if (!await IsPartitionedAsync(db, ct))
        {
            await ConvertAsync(db, ct);
        }

        var oldest = await ScalarAsync<DateTime?>(db, $"SELECT min(\"AtUtc\") AS \"Value\" FROM \"{Table}\"", ct);
        var first = Month(Earliest(fromUtc, oldest) ?? nowUtc);
        var last = Month(nowUtc).AddMonths(monthsAhead);
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            await EnsureMonthAsync(db, month, ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>True when the audit table is partitioned (PostgreSQL after <see cref="PrepareAsync"/>).</summary>
    public static async Task<bool> IsPartitionedAsync(TrinnDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() && await ScalarAsync<bool>(db,
            $"SELECT EXISTS (SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = '{Table}' AND c.relnamespace = current_schema()::regnamespace) AS \"Value\"",
            ct);
    }

    /// <summary>The partitions' names in order (empty when the table is not partitioned).</summary>
    public static async Task<IReadOnlyList<string>> PartitionsAsync(TrinnDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await IsPartitionedAsync(db, ct))
        {
            return [];
        }

        return await db.Database.SqlQueryRaw<string>(
            $"SELECT c.relname::text AS \"Value\" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = '{Table}' ORDER BY c.relname")
            .ToListAsync(ct);
    }

    /// <summary>
    /// Removes the entries up to and including <paramref name="throughSequence"/> (already archived), inside the caller's
    /// transaction: a monthly partition holding only such entries is dropped whole, the rest are deleted.
    /// </summary>
    public static async Task<long> RemoveThroughAsync(TrinnDbContext db, long throughSequence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        long removed = 0;
        foreach (var partition in await PartitionsAsync(db, ct))
        {
            var count = await ScalarAsync<long>(db, $"SELECT count(*) AS \"Value\" FROM \"{partition}\" WHERE \"Sequence\" <= {throughSequence}", ct);
            if (count > 0 && partition != DefaultPartition
                && await ScalarAsync<long>(db, $"SELECT count(*) AS \"Value\" FROM \"{partition}\"", ct) == count)
            {
                await ExecuteAsync(db, $"DROP TABLE \"{partition}\"", ct);
                removed += count;
            }
            else if (count > 0)
            {
                removed += await ExecuteAsync(db, $"DELETE FROM \"{partition}\" WHERE \"Sequence\" <= {throughSequence}", ct);
            }
        }

        removed += await db.Set<AuditEntry>().Where(e => e.Sequence <= throughSequence).ExecuteDeleteAsync(ct);
        return removed;
    }

    /// <summary>Replaces the migrated table by a partitioned one with the same columns, keys and indexes, and moves the rows over.</summary>
    private static async Task ConvertAsync(TrinnDbContext db, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
        var old = Table + "_unpartitioned";
        var sequence = Table + "_Id_seq";
        var sql = new List<string>
        {
            $"LOCK TABLE \"{Table}\" IN ACCESS EXCLUSIVE MODE",
            $"ALTER TABLE \"{Table}\" RENAME TO \"{old}\"",
            $"ALTER TABLE \"{old}\" RENAME CONSTRAINT \"PK_{Table}\" TO \"PK_{old}\"",

            // Its identity sequence goes with the old table (the new one gets a sequence of the same name below).
            $"ALTER TABLE \"{old}\" ALTER COLUMN \"Id\" DROP IDENTITY IF EXISTS",
        };
        foreach (var index in entity.GetIndexes())
        {
            sql.Add($"ALTER INDEX \"{index.GetDatabaseName()}\" RENAME TO \"{index.GetDatabaseName()}_old\"");
        }

        // Identity columns cannot be partitioned before PostgreSQL 17: the id comes from a sequence of its own instead.
        sql.Add($"CREATE TABLE \"{Table}\" (LIKE \"{old}\" INCLUDING DEFAULTS) PARTITION BY RANGE (\"AtUtc\")");
        sql.Add($"CREATE SEQUENCE \"{sequence}\" OWNED BY \"{Table}\".\"Id\"");
        sql.Add($"ALTER TABLE \"{Table}\" ALTER COLUMN \"Id\" SET DEFAULT nextval('\"{sequence}\"')");
        sql.Add($"SELECT setval('\"{sequence}\"', COALESCE((SELECT max(\"Id\") FROM \"{old}\"), 0) + 1, false)");

        // A key or unique index of a partitioned table must contain the partition column; the chain's head lock is what
        // keeps sequences unique (AuditChain.AppendAsync), and verify checks it.
        sql.Add($"ALTER TABLE \"{Table}\" ADD CONSTRAINT \"PK_{Table}\" PRIMARY KEY (\"Id\", \"AtUtc\")");
        foreach (var index in entity.GetIndexes())
        {
            var columns = string.Join(", ", index.Properties.Select(p => "\"" + p.GetColumnName() + "\""));
            sql.Add($"CREATE INDEX \"{index.GetDatabaseName()}\" ON \"{Table}\" ({columns})");
        }

        sql.Add($"CREATE TABLE \"{DefaultPartition}\" PARTITION OF \"{Table}\" DEFAULT");
        foreach (var statement in sql)
        {
            await ExecuteAsync(db, statement, ct);
        }

        var oldest = await ScalarAsync<DateTime?>(db, $"SELECT min(\"AtUtc\") AS \"Value\" FROM \"{old}\"", ct);
        var newest = await ScalarAsync<DateTime?>(db, $"SELECT max(\"AtUtc\") AS \"Value\" FROM \"{old}\"", ct);
        if (oldest is { } from && newest is { } to)
        {
            for (var month = Month(from); month <= Month(to); month = month.AddMonths(1))
            {
                await EnsureMonthAsync(db, month, ct);
            }
        }

        await ExecuteAsync(db, $"INSERT INTO \"{Table}\" SELECT * FROM \"{old}\"", ct);
        await ExecuteAsync(db, $"DROP TABLE \"{old}\"", ct);
    }

    /// <summary>
    /// The partition for one month. Rows of that month that fell into the default partition (written before it existed)
    /// move into it first, because PostgreSQL refuses a partition whose rows the default partition still holds.
    /// </summary>
    private static async Task EnsureMonthAsync(TrinnDbContext db, DateTime month, CancellationToken ct)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{Table}_y{month:yyyy}m{month:MM}");
        if (await ScalarAsync<bool>(db, $"SELECT to_regclass('\"{name}\"') IS NOT NULL AS \"Value\"", ct))
        {
            return;
        }

        var from = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = month.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var range = $"\"AtUtc\" >= '{from} 00:00:00+00' AND \"AtUtc\" < '{to} 00:00:00+00'";
        await ExecuteAsync(db, $"CREATE TABLE \"{name}\" (LIKE \"{Table}\" INCLUDING DEFAULTS)", ct);
        await ExecuteAsync(db,
            $"WITH moved AS (DELETE FROM \"{DefaultPartition}\" WHERE {range} RETURNING *) INSERT INTO \"{name}\" SELECT * FROM moved", ct);
        await ExecuteAsync(db, $"ALTER TABLE \"{name}\" ADD CONSTRAINT \"{name}_range\" CHECK ({range})", ct);
        await ExecuteAsync(db,
            $"ALTER TABLE \"{Table}\" ATTACH PARTITION \"{name}\" FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00')", ct);
        await ExecuteAsync(db, $"ALTER TABLE \"{name}\" DROP CONSTRAINT \"{name}_range\"", ct);
    }

    private static DateTime Month(DateTime t) => new(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>DDL and maintenance statements built from the model's names and numbers this class computes, never from input.</summary>
    private static Task<int> ExecuteAsync(TrinnDbContext db, string sql, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(sql, ct);

    private static async Task<T> ScalarAsync<T>(TrinnDbContext db, string sql, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<T>(sql).ToListAsync(ct)).Single();
}
