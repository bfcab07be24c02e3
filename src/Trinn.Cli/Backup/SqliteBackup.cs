using System.Globalization;
using Microsoft.Data.Sqlite;
using Trinn.Cli.Db;

namespace Trinn.Cli.Backup;

/// <summary>
/// SQLite through its online backup API: one backup step copies every page under a read transaction, so the copy is
/// a consistent snapshot even while the app keeps writing (WAL lets writers go on meanwhile). Both directions write
/// a temporary file beside the target, check it, and only then move it into place.
/// </summary>
internal static class SqliteBackup
{
    public static async Task<string> BackupAsync(string connectionString, string output, bool force, CancellationToken ct)
    {
        var source = DatabasePath(connectionString);
        if (!File.Exists(source))
        {
            throw new CliException($"The database file {source} does not exist.");
        }

        BackupCommand.CheckOutput(output, force);
        var temp = BackupCommand.TempBeside(output);
        try
        {
            // ReadWrite, not ReadWriteCreate: a wrong path must never create an empty database to back up.
            await CopyAsync(Connection(connectionString, SqliteOpenMode.ReadWrite), temp, ct);
            File.Move(temp, output, overwrite: force);
            return $"SQLite backup written to {output} ({Size(output)}).";
        }
        finally
        {
            BackupCommand.DeleteQuietly(temp);
        }
    }

    public static async Task<string> RestoreAsync(string connectionString, string input, bool force, CancellationToken ct)
    {
        if (!File.Exists(input))
        {
            throw new CliException($"The backup file {input} does not exist.");
        }

        var target = DatabasePath(connectionString);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException($"The folder {folder} does not exist.");
        }

        if (!force && await TableCountAsync(target, ct) > 0)
        {
            throw new CliException($"{target} already holds a database; restore into a new file, or pass --force to replace it (stop Trinn first).");
        }

        var temp = BackupCommand.TempBeside(target);
        try
        {
            await CopyAsync(Connection($"Data Source={input}", SqliteOpenMode.ReadOnly), temp, ct);
            if (!await IsTrinnDatabaseAsync(temp, ct))
            {
                throw new BackupFailedException($"{input} is not a Trinn backup (it has no migration history).");
            }

            // A write-ahead log or shared-memory file beside the target belongs to the old database: it must not be
            // replayed into the restored one.
            File.Delete(target + "-wal");
            File.Delete(target + "-shm");
            File.Move(temp, target, overwrite: true);
            return $"SQLite database restored from {input} to {target} ({Size(target)}).";
        }
        catch (SqliteException ex)
        {
            throw new BackupFailedException($"{input} could not be read as a SQLite backup, nothing was changed: {ex.Message}", ex);
        }
        finally
        {
            BackupCommand.DeleteQuietly(temp);
        }
    }

    /// <summary>Copies <paramref name="from"/> into a new single-file database at <paramref name="path"/> and checks it.</summary>
    private static async Task CopyAsync(SqliteConnection from, string path, CancellationToken ct)
    {
        await using (from)
        await using (var to = Connection($"Data Source={path}", SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            // The copy inherits WAL mode from a running app's database; a backup file should stand alone.
            await ScalarAsync(to, "PRAGMA journal_mode=DELETE;", ct);
            var integrity = await ScalarAsync(to, "PRAGMA integrity_check;", ct);
            if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
            {
                throw new BackupFailedException($"The copy failed its integrity check: {integrity}");
            }
        }
    }

    private static async Task<long> TableCountAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return 0;
        }

        await using var connection = Connection($"Data Source={path}", SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(ct);
        return long.Parse(await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table';", ct), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> IsTrinnDatabaseAsync(string path, CancellationToken ct)
    {
        await using var connection = Connection($"Data Source={path}", SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(ct);
        return await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';", ct) == "1";
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Unpooled, so every file is closed when its connection is disposed and can be moved at once.</summary>
    private static SqliteConnection Connection(string connectionString, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false }.ConnectionString);

    private static string DatabasePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource.Contains(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException("The SQLite connection string names no database file.");
        }

        return Path.GetFullPath(dataSource);
    }

    private static string Size(string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(path).Length / 1024.0:0.#} KiB");
}
