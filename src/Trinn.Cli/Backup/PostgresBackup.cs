using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Trinn.Cli.Db;

namespace Trinn.Cli.Backup;

/// <summary>
/// PostgreSQL through pg_dump (custom format, a consistent snapshot in one transaction) and pg_restore (one
/// transaction: all or nothing). Connection settings go to the tools as PG* environment variables, so the password
/// never appears on a command line.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<string> BackupAsync(string connectionString, string output, bool force, string? pgBin, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        BackupCommand.CheckOutput(output, force);
        var pgDump = Tool(pgBin, "pg_dump");
        var temp = BackupCommand.TempBeside(output);
        try
        {
            await RunAsync(pgDump, ["--format=custom", "--no-password", "--file", temp], settings, ct);
            File.Move(temp, output, overwrite: force);
            return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL backup of database {settings.Database} written to {output} ({new FileInfo(output).Length / 1024.0:0.#} KiB).");
        }
        finally
        {
            BackupCommand.DeleteQuietly(temp);
        }
    }

    public static async Task<string> RestoreAsync(string connectionString, string input, bool force, string? pgBin, CancellationToken ct)
    {
        if (!File.Exists(input))
        {
            throw new CliException($"The backup file {input} does not exist.");
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(settings.Database))
        {
            throw new CliException("The PostgreSQL connection string names no database (Database=…).");
        }

        var pgRestore = Tool(pgBin, "pg_restore");
        var tables = await TableCountAsync(settings, ct);
        if (tables > 0 && !force)
        {
            throw new CliException(
                $"The database {settings.Database} already has {tables} table(s); restore into a new, empty database (createdb), or pass --force to replace its contents (stop Trinn first).");
        }

        List<string> arguments = ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--no-password", "--dbname", settings.Database];
        if (tables > 0)
        {
            arguments.AddRange(["--clean", "--if-exists"]);
        }

        arguments.Add(input);
        await RunAsync(pgRestore, arguments, settings, ct);
        return $"PostgreSQL database {settings.Database} restored from {input}.";
    }

    private static async Task<long> TableCountAsync(NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new CliException($"The database {settings.Database} does not exist; create it first (createdb {settings.Database}).");
        }
    }

    private static async Task RunAsync(string tool, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment(settings))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new BackupFailedException($"{tool} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await stdout;
        var errors = (await stderr).Trim();
        if (process.ExitCode != 0)
        {
            throw new BackupFailedException($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}), nothing was changed: {errors}");
        }
    }

    /// <summary>The libpq environment for the tools: everything the connection string says, the password included.</summary>
    private static IEnumerable<(string Name, string? Value)> Environment(NpgsqlConnectionStringBuilder s)
    {
        yield return ("PGHOST", s.Host);
        yield return ("PGPORT", s.Port.ToString(CultureInfo.InvariantCulture));
        yield return ("PGDATABASE", s.Database);
        if (!string.IsNullOrEmpty(s.Username))
        {
            yield return ("PGUSER", s.Username);
        }

        if (!string.IsNullOrEmpty(s.Password))
        {
            yield return ("PGPASSWORD", s.Password);
        }

        if (!string.IsNullOrEmpty(s.Passfile))
        {
            yield return ("PGPASSFILE", s.Passfile);
        }

        yield return ("PGSSLMODE", s.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            SslMode.Prefer or _ => "prefer",
        });
        yield return ("PGCONNECT_TIMEOUT", s.Timeout.ToString(CultureInfo.InvariantCulture));
        yield return ("PGAPPNAME", "trinn");
    }

    /// <summary>The tool in <c>--pg-bin</c>, or the first one on PATH.</summary>
    private static string Tool(string? pgBin, string name)
    {
        if (!string.IsNullOrEmpty(pgBin))
        {
            var path = Path.Combine(pgBin, name);
            return File.Exists(path) ? path : throw new CliException($"{name} was not found in {pgBin} (--pg-bin).");
        }

        var found = (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        return found ?? throw new BackupFailedException(
            $"{name} was not found on PATH; install the PostgreSQL client tools (the server's major version or newer) or pass --pg-bin DIR.");
    }
}
