using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Trinn.Core.Audit;
using Trinn.Core.Data;

namespace Trinn.Web.Tests.Audit;

/// <summary>
/// The group-commit audit writer on a real database: requests that arrive while a transaction is in progress are
/// committed together in the next one, nobody is released before the commit, a failed commit fails exactly the requests
/// in it, and the chain stays intact throughout. The chain's head is held by "another writer" (a second connection) to
/// make the timing deterministic.
/// </summary>
public abstract class AuditWriterTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    protected string ConnectionString { get; set; } = "";

    /// <summary>A connection string on which a statement waiting for a lock gives up after about a second.</summary>
    protected abstract string ImpatientConnectionString { get; }

    [Fact]
    public async Task HeadHeldByAnotherWriter_AppendsArrivingMeanwhile_CommitTogetherAndNoneReturnsBeforeItsCommit()
    {
        await using var writer = Writer(ConnectionString);
        var first = writer.AppendAsync([Read(1)], "user-1", "Jobbspesialist");
        await using (var other = await HoldHeadAsync())
        {
            var rest = Enumerable.Range(2, 30).Select(i => writer.AppendAsync([Read(i)], $"user-{i}", "Jobbspesialist")).ToList();
            await Task.Delay(TimeSpan.FromMilliseconds(400));

            Assert.DoesNotContain(rest, t => t.IsCompleted);
            await other.DisposeAsync();
            await Task.WhenAll(rest);
        }

        await first;
        var (batches, events) = writer.Committed;
        Assert.Equal(31, events);

        // Not one transaction per request: the thirty that waited together were committed together.
        Assert.InRange(batches, 1, 3);
        await using var db = Open();
        var entries = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 31).Select(i => $"user-{i}").Order(), entries.Select(e => e.UserId!).Order());
        Assert.All(entries, e => Assert.Equal(e.UserId, "user-" + e.CandidateId));
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
    }

    [Fact]
    public async Task CommitFails_WaitingAppendsFailAndNothingOfThemIsStored_NextAppendSucceeds()
    {
        await using var writer = Writer(ImpatientConnectionString);
        await writer.AppendAsync([Read(1)], "before", "Jobbspesialist");
        Task failing;
        await using (var other = await HoldHeadAsync())
        {
            failing = writer.AppendAsync([Read(2), Read(3)], "refused", "Jobbspesialist");
            var error = await Assert.ThrowsAnyAsync<Exception>(() => failing);
            Assert.Contains(Chain(error), e => e is DbException);
        }

        await writer.AppendAsync([Read(4)], "after", "Jobbspesialist");

        await using var db = Open();
        var users = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.UserId).ToListAsync();
        Assert.Equal(["before", "after"], users);
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
    }

    /// <summary>Whether batches after the writer's first one are appended in one statement (PostgreSQL).</summary>
    protected abstract bool AppendsInOneStatement { get; }

    [Fact]
    public async Task BatchesOneAfterAnother_AfterTheFirstEachTakesOneStatementWherePossible_AndTheChainIsIntact()
    {
        await using var writer = Writer(ConnectionString);
        for (var i = 1; i <= 4; i++)
        {
            await writer.AppendAsync([Read(i), Read(i + 100)], $"user-{i}", "Jobbspesialist");
        }

        // The first batch learns where the chain ends under the head's lock; the three after it know, and need no lock.
        Assert.Equal(AppendsInOneStatement ? 3 : 0, writer.OneStatementBatches);
        await using var db = Open();
        var entries = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal([1, 101, 2, 102, 3, 103, 4, 104], entries.Select(e => e.CandidateId!.Value));
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync();
        Assert.Equal((8L, entries[^1].Hash), (head.LastSequence, head.LastHash));
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
    }

    [Fact]
    public async Task ChainMovedByAnotherWriterBetweenBatches_NextBatchLinksToTheRealEnd()
    {
        await using var writer = Writer(ConnectionString);
        await writer.AppendAsync([Read(1)], "writer", "Jobbspesialist");
        await writer.AppendAsync([Read(2)], "writer", "Jobbspesialist");
        var before = writer.OneStatementBatches;

        // Another instance (or a change saved in this one) appends under the head's lock.
        await using (var other = Open())
        {
            await using var transaction = await other.Database.BeginTransactionAsync();
            await AuditChain.AppendAsync(other, [new AuditRecord(Read(3), "other", "Jobbspesialist")], DateTime.UtcNow);
            await transaction.CommitAsync();
        }

        await writer.AppendAsync([Read(4)], "writer", "Jobbspesialist");
        await writer.AppendAsync([Read(5)], "writer", "Jobbspesialist");

        // The batch after the other writer found the chain moved and took the lock; the one after it knew the end again.
        Assert.Equal(AppendsInOneStatement ? before + 1 : 0, writer.OneStatementBatches);
        await using var db = Open();
        var entries = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1, 2, 3, 4, 5], entries.Select(e => e.CandidateId!.Value));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
    }

    [Fact]
    public async Task AppendWithNoEvents_ReturnsAtOnceAndWritesNothing()
    {
        await using var writer = Writer(ConnectionString);

        await writer.AppendAsync([], "nobody", null);

        Assert.Equal((0, 0), writer.Committed);
    }

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>Another writer holds the chain's head (the SQLite write lock, the PostgreSQL head row) until disposed.</summary>
    protected abstract Task<IAsyncDisposable> HoldHeadAsync();

    protected TrinnDbContext Open() => DatabaseRegistration.CreateContext(Provider, ConnectionString);

    protected async Task MigrateAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    protected static AuditEvent Read(int candidateId) =>
        new(AuditAction.Read, "DetailsPage", candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), candidateId, null);

    private AuditWriter Writer(string connectionString) =>
        new(() => DatabaseRegistration.CreateContext(Provider, connectionString), TimeProvider.System, NullLogger<AuditWriter>.Instance);

    /// <summary>Commits (releasing the lock) when disposed.</summary>
    protected sealed class Held(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        private bool _done;

        public async ValueTask DisposeAsync()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

public sealed class AuditWriterSqliteTests : AuditWriterTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"trinn-writer-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override bool AppendsInOneStatement => false;

    protected override string ImpatientConnectionString => ConnectionString + ";Default Timeout=1";

    public override async Task InitializeAsync()
    {
        ConnectionString = $"Data Source={_path}";
        await MigrateAsync();
        await using var db = Open();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    protected override async Task<IAsyncDisposable> HoldHeadAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var transaction = (DbTransaction)connection.BeginTransaction(deferred: false);
        await using var touch = connection.CreateCommand();
        touch.Transaction = (SqliteTransaction)transaction;
        touch.CommandText = "UPDATE AuditHead SET LastSequence = LastSequence";
        await touch.ExecuteNonQueryAsync();
        return new Held(connection, transaction);
    }
}

public sealed class AuditWriterPostgresTests : AuditWriterTests
{
    private readonly string _server = Environment.GetEnvironmentVariable(PostgresTrinnFactory.EnvironmentVariable) is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException($"{PostgresTrinnFactory.EnvironmentVariable} is not set: run ./test.sh, which starts a PostgreSQL server for the tests.");

    private readonly string _name = $"trinn_writer_{Guid.NewGuid():N}";

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override bool AppendsInOneStatement => true;

    [Fact]
    public async Task AppendAfterAnEndTheChainHasPassed_StoresNothingAndLeavesTheHead()
    {
        await using var db = Open();
        AuditChainEnd first;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            first = await AuditChain.AppendAsync(db, [new AuditRecord(Read(1), "a", "Jobbspesialist")], DateTime.UtcNow);
            await AuditChain.AppendAsync(db, [new AuditRecord(Read(2), "b", "Jobbspesialist")], DateTime.UtcNow);
            await transaction.CommitAsync();
        }

        var stale = await AuditChain.TryAppendAfterAsync(db, [new AuditRecord(Read(3), "late", "Jobbspesialist")], first, DateTime.UtcNow);

        Assert.Null(stale);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync();
        Assert.Equal(2, head.LastSequence);
        Assert.Equal(["a", "b"], await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.UserId!).ToListAsync());

        // The same end with a hash that is not the chain's is refused too: the statement checks both.
        var current = new AuditChainEnd(head.LastSequence, head.LastHash);
        Assert.Null(await AuditChain.TryAppendAfterAsync(db, [new AuditRecord(Read(3), "forged", "Jobbspesialist")], current with { Hash = AuditChain.GenesisHash }, DateTime.UtcNow));
        var end = await AuditChain.TryAppendAfterAsync(db, [new AuditRecord(Read(3), "c", "Jobbspesialist"), new AuditRecord(Read(4), "c", "Jobbspesialist")], current, DateTime.UtcNow);

        Assert.Equal(4, end!.Value.Sequence);
        var entries = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["a", "b", "c", "c"], entries.Select(e => e.UserId!));
        Assert.Equal(entries[^1].Hash, end.Value.Hash);
        Assert.True((await AuditChain.VerifyAsync(db)).IsIntact);
    }

    [Fact]
    public async Task AppendInOneStatement_RefusesAChangeAndATransactionOfTheCaller()
    {
        await using var db = Open();
        var start = new AuditChainEnd(0, AuditChain.GenesisHash);
        var change = new AuditEvent(AuditAction.Update, "Candidate", "1", 1, "{}");

        await Assert.ThrowsAsync<ArgumentException>(() => AuditChain.TryAppendAfterAsync(db, [new AuditRecord(change, "a", "Jobbspesialist")], start, DateTime.UtcNow));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => AuditChain.TryAppendAfterAsync(db, [new AuditRecord(Read(1), "a", "Jobbspesialist")], start, DateTime.UtcNow));
        }

        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync());
    }

    protected override string ImpatientConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { CommandTimeout = 1 }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
        await MigrateAsync();
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    protected override async Task<IAsyncDisposable> HoldHeadAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var touch = new NpgsqlCommand("UPDATE \"AuditHead\" SET \"LastSequence\" = \"LastSequence\"", connection, transaction);
        await touch.ExecuteNonQueryAsync();
        return new Held(connection, transaction);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
