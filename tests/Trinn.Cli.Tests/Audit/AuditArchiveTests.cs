using System.CommandLine;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Trinn.Cli.Audit;
using Trinn.Cli.Db;
using Trinn.Cli.Tests.Backup;
using Trinn.Core.Audit;
using Trinn.Core.Data;

namespace Trinn.Cli.Tests.Audit;

/// <summary>
/// <c>trinn audit archive</c> and the verification of archived chains, on both providers: old months move to a file,
/// the database keeps a checkpoint that the chain confirms, and <c>trinn audit verify</c> (with and without the files)
/// still proves the whole chain, and finds a changed checkpoint or a changed archive file. On PostgreSQL the audit table
/// is partitioned by month and archived months go as whole partitions.
/// </summary>
public abstract class AuditArchiveTests(ScratchDatabases databases) : IAsyncLifetime
{
    private static readonly DateTime ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("trinn-archive-").FullName;
    private string _connection = "";

    [Fact]
    public async Task Archive_OldMonths_MovesThemToAFileAndTheWholeChainStillVerifies()
    {
        var (exit, output) = await RunAsync("audit", "archive", "--before", ThisMonth.AddMonths(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--output", _folder);

        Assert.True(exit == 0, output);
        Assert.Contains("ok: archived entries #1–#6 (6)", output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(6, ReadLines(file).Count);
        await using (var db = databases.Open(_connection))
        {
            var left = await db.Set<AuditEntry>().OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
            Assert.Equal([7, 8, 9, 10], left);
            var checkpoint = await db.Set<AuditCheckpoint>().SingleAsync();
            Assert.Equal((1, 6, Path.GetFileName(file)), (checkpoint.FromSequence, checkpoint.ThroughSequence, checkpoint.FileName));
            Assert.Equal(AuditAction.Archive, (await db.Set<AuditEntry>().SingleAsync(e => e.Sequence == 10)).Action);
            await AssertPartitionsAsync(db);
        }

        var (verifyExit, verify) = await RunAsync("audit", "verify");
        Assert.True(verifyExit == 0, verify);
        Assert.Contains("ok: 4 audit entries, chain intact, continuing the archive checkpoint at #6", verify, StringComparison.Ordinal);
        var (withFilesExit, withFiles) = await RunAsync("audit", "verify", "--archive", file);
        Assert.True(withFilesExit == 0, withFiles);
        Assert.Contains("ok: 6 archived audit entries in 1 file(s)", withFiles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_TwiceOverTime_SecondFileContinuesTheFirst()
    {
        var before = ThisMonth.AddMonths(-1);
        Assert.Equal(0, (await RunAsync("audit", "archive", "--before", Day(ThisMonth.AddMonths(-2)), "--output", _folder)).Exit);
        var (exit, output) = await RunAsync("audit", "archive", "--before", Day(before), "--output", _folder);

        Assert.True(exit == 0, output);
        Assert.Contains("ok: archived entries #4–#6", output, StringComparison.Ordinal);
        var files = Directory.GetFiles(_folder).Order().ToArray();
        Assert.Equal(2, files.Length);
        var (verifyExit, verify) = await RunAsync(["audit", "verify", "--archive", .. files]);
        Assert.True(verifyExit == 0, verify);
        Assert.Contains("ok: 6 archived audit entries in 2 file(s)", verify, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointChangedInTheDatabase_ReportsIt()
    {
        Assert.Equal(0, (await RunAsync("audit", "archive", "--before", Day(ThisMonth.AddMonths(-1)), "--output", _folder)).Exit);
        await using (var db = databases.Open(_connection))
        {
            await db.Set<AuditCheckpoint>().ExecuteUpdateAsync(s => s.SetProperty(c => c.ThroughHash, new string('a', 64)));
        }

        var (exit, output) = await RunAsync("audit", "verify");

        Assert.Equal(AuditCommand.Broken, exit);
        Assert.Contains("does not link to the archive checkpoint at #6", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyArchive_FileChanged_ReportsThatItIsNotTheArchivedFile()
    {
        Assert.Equal(0, (await RunAsync("audit", "archive", "--before", Day(ThisMonth.AddMonths(-1)), "--output", _folder)).Exit);
        var file = Directory.GetFiles(_folder).Single();
        var lines = ReadLines(file);
        lines[2] = lines[2].Replace("DetailsPage", "JournalPage", StringComparison.Ordinal);
        await using (var stream = File.Create(file))
        await using (var zip = new GZipStream(stream, CompressionLevel.Optimal))
        await using (var writer = new StreamWriter(zip))
        {
            foreach (var line in lines)
            {
                await writer.WriteLineAsync(line);
            }
        }

        var (exit, output) = await RunAsync("audit", "verify", "--archive", file);

        Assert.Equal(AuditCommand.Broken, exit);
        Assert.Contains("is not the file that was archived", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_BrokenChain_ArchivesNothing()
    {
        await using (var db = databases.Open(_connection))
        {
            await db.Set<AuditEntry>().Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.EntityType, "Endret"));
        }

        var (exit, output) = await RunAsync("audit", "archive", "--before", Day(ThisMonth.AddMonths(-1)), "--output", _folder);

        Assert.Equal(AuditCommand.Broken, exit);
        Assert.Contains("first broken entry #2", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
        await using var check = databases.Open(_connection);
        Assert.Equal(9, await check.Set<AuditEntry>().CountAsync());
        Assert.False(await check.Set<AuditCheckpoint>().AnyAsync());
    }

    /// <summary>Nine reads, three in each of the three months before this one, through <c>trinn db migrate</c> and the chain's own append.</summary>
    public async Task InitializeAsync()
    {
        _connection = await databases.CreateAsync();
        Assert.Equal(0, (await RunAsync("db", "migrate")).Exit);
        await using var db = databases.Open(_connection);
        await AuditStorage.PrepareAsync(db, DateTime.UtcNow, fromUtc: ThisMonth.AddMonths(-4));
        for (var month = 3; month >= 1; month--)
        {
            for (var i = 0; i < 3; i++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await AuditChain.AppendAsync(db, [new AuditEvent(AuditAction.Read, "DetailsPage", "1", 1, null)], null, ThisMonth.AddMonths(-month).AddDays(i + 2));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }
    }

    public async Task DisposeAsync()
    {
        await databases.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>On PostgreSQL: the archived month's partition is gone, the months still in use and ahead are there.</summary>
    protected abstract Task AssertPartitionsAsync(TrinnDbContext db);

    protected static string Partition(DateTime month) => $"AuditEntries_y{month:yyyy}m{month:MM}";

    private static string Day(DateTime t) => t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> ReadLines(string file)
    {
        using var stream = File.OpenRead(file);
        using var zip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(zip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        InProcessCli.RunAsync([AuditCommand.Create(), DbCommand.Create()], databases.Provider, _connection, args);
}

public sealed class AuditArchiveSqliteTests() : AuditArchiveTests(new SqliteScratchDatabases())
{
    protected override async Task AssertPartitionsAsync(TrinnDbContext db) => Assert.False(await AuditStorage.IsPartitionedAsync(db));
}

public sealed class AuditArchivePostgresTests() : AuditArchiveTests(new PostgresScratchDatabases())
{
    private static readonly DateTime ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override async Task AssertPartitionsAsync(TrinnDbContext db)
    {
        var partitions = await AuditStorage.PartitionsAsync(db);
        Assert.DoesNotContain(Partition(ThisMonth.AddMonths(-3)), partitions);
        Assert.DoesNotContain(Partition(ThisMonth.AddMonths(-2)), partitions);
        Assert.Contains(Partition(ThisMonth.AddMonths(-1)), partitions);
        Assert.Contains(Partition(ThisMonth.AddMonths(AuditStorage.DefaultMonthsAhead)), partitions);
        Assert.Contains("AuditEntries_default", partitions);
    }

    [Fact]
    public async Task Migrate_UnpartitionedTableWithEntries_BecomesPartitionedByMonthWithEveryEntryAndAnIntactChain()
    {
        var databases = new PostgresScratchDatabases();
        await using var _ = databases;
        var connection = await databases.CreateAsync();
        await using (var db = databases.Open(connection))
        {
            await db.Database.MigrateAsync();
            Assert.False(await AuditStorage.IsPartitionedAsync(db));
            for (var month = 5; month >= 0; month--)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await AuditChain.AppendAsync(db, [new AuditEvent(AuditAction.Read, "DetailsPage", "1", 1, null)], null, ThisMonth.AddMonths(-month).AddDays(3));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }

        await using (var db = databases.Open(connection))
        {
            await AuditStorage.PrepareAsync(db, DateTime.UtcNow);
            await AuditStorage.PrepareAsync(db, DateTime.UtcNow);

            Assert.True(await AuditStorage.IsPartitionedAsync(db));
            var partitions = await AuditStorage.PartitionsAsync(db);
            Assert.Contains(Partition(ThisMonth.AddMonths(-5)), partitions);
            Assert.Contains(Partition(ThisMonth), partitions);
            Assert.Equal(6, await db.Set<AuditEntry>().CountAsync());
            var oldest = $"SELECT count(*)::int AS \"Value\" FROM \"{Partition(ThisMonth.AddMonths(-5))}\"";
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>(oldest).SingleAsync());
            Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);

            // The app goes on appending to the partitioned table.
            await db.AuditAsync([new AuditEvent(AuditAction.Read, "DetailsPage", "2", 2, null)]);
            Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
            Assert.Equal(7, await db.Set<AuditEntry>().CountAsync());
        }
    }
}
