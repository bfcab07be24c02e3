using System.CommandLine;
using Trinn.Cli.Db;
using Trinn.Core.Data;

namespace Trinn.Cli.Backup;

/// <summary>
/// <c>trinn backup --output FILE</c> and <c>trinn restore --input FILE [--force]</c> for the configured database.
/// SQLite: an online backup (a consistent snapshot while the app keeps writing). PostgreSQL: pg_dump/pg_restore in the
/// custom format. Exit codes: 0 done, 1 the backup or restore failed, 2 the command cannot be carried out as given
/// (bad option, missing file, non-empty target without <c>--force</c>); nothing is changed when the exit code is not 0.
/// </summary>
internal static class BackupCommand
{
    public const int Failed = 1;
    public const int Usage = 2;

    public static readonly Option<string?> OutputOption = new("--output") { Description = "The backup file to write" };
    public static readonly Option<string?> InputOption = new("--input") { Description = "The backup file to restore" };
    public static readonly Option<bool> ForceOption = new("--force") { Description = "Overwrite an existing backup file / restore into a database that already has tables" };
    public static readonly Option<string?> PgBinOption = new("--pg-bin") { Description = "Folder with pg_dump and pg_restore (default: found on PATH)" };

    public static Command CreateBackup()
    {
        var command = new Command("backup", "Write a consistent backup of the database to a file (safe while Trinn runs)")
        {
            OutputOption, ForceOption, PgBinOption, DbCommand.ProviderOption, DbCommand.ConnectionOption,
        };
        command.SetAction((r, ct) => RunAsync(r, "backup", OutputOption, async (options, connection, file, force, pgBin) =>
            options.Provider == DatabaseProvider.Sqlite
                ? await SqliteBackup.BackupAsync(connection, file, force, ct)
                : await PostgresBackup.BackupAsync(connection, file, force, pgBin, ct)));
        return command;
    }

    public static Command CreateRestore()
    {
        var command = new Command("restore", "Restore a backup file into a new, empty database (stop Trinn first)")
        {
            InputOption, ForceOption, PgBinOption, DbCommand.ProviderOption, DbCommand.ConnectionOption,
        };
        command.SetAction((r, ct) => RunAsync(r, "restore", InputOption, async (options, connection, file, force, pgBin) =>
            options.Provider == DatabaseProvider.Sqlite
                ? await SqliteBackup.RestoreAsync(connection, file, force, ct)
                : await PostgresBackup.RestoreAsync(connection, file, force, pgBin, ct)));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult r, string verb, Option<string?> fileOption, Func<DatabaseOptions, string, string, bool, string?, Task<string>> work)
    {
        var output = r.InvocationConfiguration.Output;
        var error = r.InvocationConfiguration.Error;
        try
        {
            var file = r.GetValue(fileOption);
            if (string.IsNullOrWhiteSpace(file))
            {
                throw new CliException($"{fileOption.Name} FILE is required.");
            }

            var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
            var connection = options.ResolveConnectionString(Directory.GetCurrentDirectory());
            var message = await work(options, connection, Path.GetFullPath(file), r.GetValue(ForceOption), r.GetValue(PgBinOption));
            await output.WriteLineAsync(message);
            return 0;
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync($"trinn {verb}: {ex.Message}");
            return Usage;
        }
        catch (BackupFailedException ex)
        {
            await error.WriteLineAsync($"trinn {verb}: {ex.Message}");
            return Failed;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync($"trinn {verb}: failed, nothing was changed: {ex.Message}");
            return Failed;
        }
    }

    /// <summary>A file beside <paramref name="path"/>, so the final move is a rename within one file system.</summary>
    internal static string TempBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    internal static void CheckOutput(string output, bool force)
    {
        var folder = Path.GetDirectoryName(output)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException($"The folder {folder} does not exist.");
        }

        if (File.Exists(output) && !force)
        {
            throw new CliException($"{output} already exists; choose another file or pass --force to overwrite it.");
        }
    }

    internal static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A temporary file left behind is harmless; the real target was not touched.
        }
    }
}

/// <summary>The backup or restore itself failed (exit code 1); the target was left as it was.</summary>
internal sealed class BackupFailedException : Exception
{
    public BackupFailedException(string message)
        : base(message)
    {
    }

    public BackupFailedException()
    {
    }

    public BackupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
