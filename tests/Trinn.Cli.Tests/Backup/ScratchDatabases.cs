using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trinn.Core.Data;

namespace Trinn.Cli.Tests.Backup;

/// <summary>Fresh, empty databases of one provider for one test, all removed on dispose.</summary>
public abstract class ScratchDatabases : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>A connection string to a new database that has nothing in it (for SQLite: a file that does not exist yet).</summary>
    public abstract Task<string> CreateAsync();

    /// <summary>Empty when the database is internally consistent, otherwise what is wrong.</summary>
    public abstract Task<string> IntegrityProblemsAsync(string connectionString);

    public TrinnDbContext Open(string connectionString) => DatabaseRegistration.CreateContext(Provider, connectionString);

    public abstract ValueTask DisposeAsync();

    protected static async Task<List<string>> StringsAsync(TrinnDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}

public sealed class SqliteScratchDatabases : ScratchDatabases
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trinn-backup-").FullName;
    private int _count;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<string> CreateAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_dir, $"db{Interlocked.Increment(ref _count)}.db")}");

    public override async Task<string> IntegrityProblemsAsync(string connectionString)
    {
        await using var db = Open(connectionString);
        var integrity = await StringsAsync(db, "PRAGMA integrity_check;");
        var orphans = await StringsAsync(db, "PRAGMA foreign_key_check;");
        var problems = integrity.Where(r => r != "ok").Concat(orphans.Select(o => "foreign key: " + o)).ToList();
        return string.Join("; ", problems);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresScratchDatabases : ScratchDatabases
{
    private readonly string _server = Environment.GetEnvironmentVariable("TRINN_TEST_POSTGRES") is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException("TRINN_TEST_POSTGRES is not set: run ./test.sh, which starts a PostgreSQL server for the tests.");

    private readonly List<string> _names = [];

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async Task<string> CreateAsync()
    {
        var name = $"trinn_backup_{Guid.NewGuid():N}";
        _names.Add(name);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }

    /// <summary>pg_restore validates every constraint it adds; what remains to check is that none is left unvalidated.</summary>
    public override async Task<string> IntegrityProblemsAsync(string connectionString)
    {
        await using var db = Open(connectionString);
        var unvalidated = await StringsAsync(db, "SELECT conname FROM pg_constraint WHERE contype IN ('f', 'c') AND NOT convalidated");
        return string.Join("; ", unvalidated.Select(c => "constraint not validated: " + c));
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _names)
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
