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

    private static AuditEvent Read(int candidateId) =>
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
