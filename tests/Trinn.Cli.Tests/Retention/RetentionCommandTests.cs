using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Trinn.Cli.Audit;
using Trinn.Cli.Retention;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Research;

namespace Trinn.Cli.Tests.Retention;

/// <summary>
/// <c>trinn retention apply</c> on a real database: three candidates — discharged six years ago (due), discharged a
/// year ago (kept) and active (kept) — each with every kind of personal value Trinn stores.
/// </summary>
public abstract class RetentionCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private SeededCandidate expired = default!;
    private SeededCandidate recent = default!;
    private SeededCandidate active = default!;

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string Connection { get; }

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        await using var db = Open();
        await db.Database.MigrateAsync();
        var (team, user, study) = await RetentionSeed.BasicsAsync(db);
        expired = await RetentionSeed.CandidateAsync(db, team, user, study, Today.AddYears(-7), Today.AddYears(-6));
        recent = await RetentionSeed.CandidateAsync(db, team, user, study, Today.AddYears(-2), Today.AddYears(-1));
        active = await RetentionSeed.CandidateAsync(db, team, user, study, Today.AddMonths(-3), null);
    }

    public async Task DisposeAsync() => await DropDatabaseAsync();

    [Fact]
    public async Task DryRun_DueCandidate_ListsItsIdAndCountsAndChangesNothing()
    {
        var before = await SnapshotAsync();

        var (exit, output) = await RunAsync("retention", "apply", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("dry run: 1 candidate(s)", output, StringComparison.Ordinal);
        Assert.Contains($"candidate {expired.Id} (discharged", output, StringComparison.Ordinal);
        Assert.Contains("JournalNotes 1", output, StringComparison.Ordinal);
        Assert.Contains("SupportMeasures 3", output, StringComparison.Ordinal);
        Assert.Contains("JobOpportunities 1", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"candidate {recent.Id} ", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"candidate {active.Id} ", output, StringComparison.Ordinal);
        foreach (var value in expired.PersonalValues)
        {
            Assert.DoesNotContain(value, output, StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Apply_DueCandidate_RemovesEveryPersonalValueFromEveryTable()
    {
        var (exit, output) = await RunAsync("retention", "apply");

        Assert.Equal(0, exit);
        Assert.Contains("anonymised 1 candidate(s)", output, StringComparison.Ordinal);
        await using var db = Open();
        var text = await RetentionSeed.AllTextAsync(db);
        var left = expired.PersonalValues.Append(expired.LookupHash).Where(v => RetentionSeed.Contains(text, v)).ToList();
        Assert.True(left.Count == 0, "still in the database: " + RetentionSeed.Describe(left));
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == expired.Id);
        Assert.Equal("", candidate.NationalId);
        Assert.Equal("", candidate.NationalIdHash);
        Assert.NotNull(candidate.AnonymisedAtUtc);
    }

    [Fact]
    public async Task Apply_DueCandidate_KeepsResearchIdStagesPlacementsAndOutcome()
    {
        int stagesBefore;
        await using (var db = Open())
        {
            stagesBefore = await db.StageChanges.CountAsync(s => s.CandidateId == expired.Id);
        }

        await RunAsync("retention", "apply");

        await using var after = Open();
        var participant = await after.Set<StudyParticipant>().AsNoTracking().SingleAsync(p => p.CandidateId == expired.Id);
        Assert.Equal(expired.ResearchId, participant.ResearchId);
        var stages = await after.StageChanges.AsNoTracking().Where(s => s.CandidateId == expired.Id).OrderBy(s => s.Date).ToListAsync();
        Assert.Equal(stagesBefore, stages.Count);
        Assert.Equal([1, 2, 3, 4], stages.Select(s => s.ToStage));
        var candidate = await after.Candidates.AsNoTracking().Include(c => c.Referral).SingleAsync(c => c.Id == expired.Id);
        Assert.Equal(DischargeOutcome.OrdinaryWork, candidate.DischargeOutcome);
        Assert.Equal(Today.AddYears(-6), candidate.DischargedOn);
        Assert.Equal(Today.AddYears(-7), candidate.Referral!.ReferredOn);
        var placement = await after.Set<Placement>().AsNoTracking().Include(p => p.Measures).SingleAsync(p => p.CandidateId == expired.Id);
        Assert.Equal(PlacementKind.Permanent, placement.Kind);
        Assert.Equal(60, placement.PositionPercent);
        Assert.Equal(3, placement.Measures.Count);
        var carved = await after.Set<JobOpportunity>().AsNoTracking().SingleAsync(o => o.EmployerId == placement.EmployerId);
        Assert.Null(carved.CarvedForCandidateId);
        Assert.Equal(Trinn.Core.Privacy.Retention.AnonymousOpportunityTitle, carved.Title);
        Assert.Equal(15, carved.HoursPerWeek);
        Assert.Equal(OpportunityStatus.Filled, carved.Status);
    }

    [Fact]
    public async Task Apply_RecentAndActiveCandidates_LeftUntouched()
    {
        await RunAsync("retention", "apply");

        await using var db = Open();
        var text = await RetentionSeed.AllTextAsync(db);
        foreach (var kept in new[] { recent, active })
        {
            var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == kept.Id);
            Assert.Equal(kept.FirstName, candidate.FirstName);
            Assert.Equal(kept.NationalId, candidate.NationalId);
            Assert.Null(candidate.AnonymisedAtUtc);
            var missing = kept.PersonalValues.Where(v => v != kept.NationalId && !RetentionSeed.Contains(text, v)).ToList();
            Assert.True(missing.Count == 0, "lost: " + RetentionSeed.Describe(missing));
        }
    }

    [Fact]
    public async Task Apply_Twice_SecondRunChangesNothing()
    {
        await RunAsync("retention", "apply");
        var afterFirst = await SnapshotAsync();

        var (exit, output) = await RunAsync("retention", "apply");

        Assert.Equal(0, exit);
        Assert.Contains("anonymised 0 candidate(s)", output, StringComparison.Ordinal);
        Assert.Equal(afterFirst, await SnapshotAsync());
    }

    [Fact]
    public async Task Apply_AuditsTheRunAndVerifyStillPasses()
    {
        await RunAsync("retention", "apply");

        await using (var db = Open())
        {
            var entry = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == AuditAction.Anonymise);
            Assert.Equal(expired.Id, entry.CandidateId);
            Assert.Contains("JournalNotes", entry.Changes, StringComparison.Ordinal);
            Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.CandidateId == expired.Id && e.Changes == null && e.ChangesDigest != ""));
            Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.CandidateId == recent.Id && e.Changes != null));
        }

        var (exit, output) = await RunAsync("audit", "verify");
        Assert.Equal(0, exit);
        Assert.Contains("chain intact", output, StringComparison.Ordinal);
        Assert.Contains("payloads redacted by retention", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RedactedEntryDigestTampered_ReportsThatEntry()
    {
        await RunAsync("retention", "apply");
        long sequence;
        await using (var db = Open())
        {
            sequence = await db.Set<AuditEntry>().Where(e => e.CandidateId == expired.Id && e.Changes == null && e.ChangesDigest != "")
                .OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync();
            await db.Set<AuditEntry>().Where(e => e.Sequence == sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ChangesDigest, new string('a', 64)));
        }

        var (exit, output) = await RunAsync("audit", "verify");

        Assert.Equal(AuditCommand.Broken, exit);
        Assert.Contains($"first broken entry #{sequence}:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PayloadRemovedByHandWithoutRetention_ReportsThatEntry()
    {
        long sequence;
        await using (var db = Open())
        {
            sequence = await db.Set<AuditEntry>().Where(e => e.CandidateId == recent.Id && e.Changes != null)
                .OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync();
            await db.Set<AuditEntry>().Where(e => e.Sequence == sequence).ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, (string?)null));
        }

        var (exit, output) = await RunAsync("audit", "verify");

        Assert.Equal(AuditCommand.Broken, exit);
        Assert.Contains($"first broken entry #{sequence}:", output, StringComparison.Ordinal);
    }

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    private TrinnDbContext Open() => DatabaseRegistration.CreateContext(Provider, Connection);

    /// <summary>Every value in the database, in a stable order, to compare before and after.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = Open();
        var values = await RetentionSeed.AllTextAsync(db);
        values.Sort(StringComparer.Ordinal);
        return string.Join('\n', values);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        InProcessCli.RunAsync([AuditCommand.Create(), RetentionCommand.Create(new FakeTimeProvider(Now))], Provider, Connection, args);
}

public sealed class RetentionCommandSqliteTests : RetentionCommandTests
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"trinn-retention-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string Connection => $"Data Source={path}";

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A fresh database on the cluster in TRINN_TEST_POSTGRES (./test.sh starts one); dropped afterwards.</summary>
public sealed class RetentionCommandPostgresTests : RetentionCommandTests
{
    private readonly string connection;

    public RetentionCommandPostgresTests()
    {
        var server = Environment.GetEnvironmentVariable("TRINN_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("TRINN_TEST_POSTGRES is not set: run ./test.sh, or start PostgreSQL and set it.");
        connection = new NpgsqlConnectionStringBuilder(server) { Database = $"trinn_retention_{Guid.NewGuid():N}", Pooling = false }.ConnectionString;
    }

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string Connection => connection;

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override async Task DropDatabaseAsync()
    {
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, connection);
        await db.Database.EnsureDeletedAsync();
    }
}
