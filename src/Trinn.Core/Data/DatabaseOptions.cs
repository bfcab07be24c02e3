namespace Trinn.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section, shared by the web app and the CLI.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string DefaultSqliteFile = "data/trinn.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means a SQLite file at <see cref="DefaultSqliteFile"/> under the content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations at start-up. On for the embedded default; production runs <c>trinn db migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite only: the most the database file may grow to, in megabytes (empty: as far as the disk allows). At the limit
    /// SQLite refuses to grow exactly as on a full disk, so a quota keeps Trinn from filling a disk it shares.
    /// </summary>
    public double? SqliteMaxSizeMegabytes { get; set; }

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
        }

        var path = Path.Combine(contentRoot, DefaultSqliteFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"Data Source={path}";
    }
}
