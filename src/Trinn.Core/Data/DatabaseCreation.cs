using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Trinn.Core.Data;

/// <summary>
/// Prepares an empty PostgreSQL server for the first migration. EF Core copes on its own inside <c>Migrate</c>,
/// but on the way it logs two errors a newcomer reads as a failed start: its attempt to open the missing database
/// ("An error occurred using the connection to database …"), and its query of the migrations history table before
/// that table exists (npgsql/efcore.pg#3407: the provider queries and catches "relation does not exist" instead of
/// checking). Both are done quietly here first. SQLite needs neither: opening the file creates it, and its
/// provider checks for the history table before reading it.
/// </summary>
public static class DatabaseCreation
{
    /// <summary>PostgreSQL's invalid_catalog_name: the database in the connection string does not exist.</summary>
    private const string MissingDatabase = "3D000";

    /// <summary>duplicate_database: another process created it between our check and our create.</summary>
    private const string DuplicateDatabase = "42P04";

    /// <summary>
    /// Creates the PostgreSQL database (see <see cref="CreatePostgresDatabaseIfMissingAsync"/>) and EF's migrations
    /// history table if either is missing, so that <c>Migrate</c> logs no error on an empty server. Returns the
    /// name of the database when it had to be created, else null.
    /// </summary>
    public static async Task<string?> PreparePostgresForMigrationAsync(this TrinnDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        var created = await db.CreatePostgresDatabaseIfMissingAsync(ct);
        // EF's own script for its own table (CREATE TABLE IF NOT EXISTS …): a no-op when it exists.
        var history = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        await db.Database.ExecuteSqlRawAsync(history, ct);
        return created;
    }

    /// <summary>
    /// Creates the PostgreSQL database named in the context's connection string when it does not exist, through
    /// the server's <c>postgres</c> maintenance database. Returns the name of the database it created, or null
    /// when there was nothing to do (it exists, or the provider is SQLite).
    /// </summary>
    public static async Task<string?> CreatePostgresDatabaseIfMissingAsync(this TrinnDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(ct);
            return null;
        }
        catch (PostgresException ex) when (ex.SqlState == MissingDatabase)
        {
            // Create it below.
        }

        var name = target.Database ?? throw new InvalidOperationException("Database:ConnectionString names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE DATABASE \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == DuplicateDatabase)
        {
            return null;
        }

        return name;
    }
}
