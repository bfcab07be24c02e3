using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Trinn.Core.NationalIds;

namespace Trinn.Core.Data;

/// <summary>
/// The one registration of Trinn's data for every host (the web app and the <c>trinn</c> CLI): the <c>Database</c> and
/// <c>NationalIds</c> sections bound and validated at start (<c>ValidateOnStart</c>), the national-ID protector, and
/// <see cref="TrinnDbContext"/> on the configured provider.
/// </summary>
public static class DatabaseRegistration
{
    public const string SqliteMigrationsAssembly = "Trinn.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Trinn.Migrations.Postgres";

    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (the sections are read from it).</param>
    /// <param name="contentRoot">Where the default SQLite file (<see cref="DatabaseOptions.DefaultSqliteFile"/>) lives.</param>
    /// <param name="developmentKeysAllowed">
    /// True where missing national-ID keys fall back to the public development keys (development, demo, tests, the CLI);
    /// false makes missing keys a start-up error.
    /// </param>
    public static IServiceCollection AddTrinnData(
        this IServiceCollection services, IConfiguration configuration, string contentRoot, bool developmentKeysAllowed)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.AddOptions<NationalIdOptions>()
            .Bind(configuration.GetSection(NationalIdOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NationalIdOptions>>(
            new NationalIdOptionsValidator(developmentKeysAllowed)));

        // EF value converters are built once per model, so the protector is process-wide and set here, before the first
        // context. Keys that fail validation leave it alone: the host refuses to start on them (ValidateOnStart).
        var ids = configuration.GetSection(NationalIdOptions.SectionName).Get<NationalIdOptions>() ?? new NationalIdOptions();
        if (ids.HasNoKeys && developmentKeysAllowed)
        {
            NationalIdProtector.Current = NationalIdProtector.Development;
        }
        else if (NationalIdOptionsValidator.KeyError(ids.EncryptionKey, "NationalIds:EncryptionKey") is null
                 && NationalIdOptionsValidator.KeyError(ids.LookupKey, "NationalIds:LookupKey") is null)
        {
            NationalIdProtector.Current = new NationalIdProtector(ids.EncryptionKey!, ids.LookupKey!);
        }

        // Pooled: building a context (its services, its sets) cost more CPU per request than the queries of most API routes.
        // The pool hands out a reset context; the request's actor, clock and audit writer are set on each lease, and
        // disposing the scope returns it. The options are a singleton: the audit writer (a singleton) opens contexts of its
        // own with them.
        services.TryAddSingleton<CandidateChangeFeed>();
        services.AddPooledDbContextFactory<TrinnDbContext>(
            (sp, builder) =>
            {
                var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                Configure(builder, options.Provider, options.ResolveConnectionString(contentRoot));
                builder.AddInterceptors(sp.GetRequiredService<CandidateChangeFeed>().Interceptor);
                if (options.Provider == DatabaseProvider.Sqlite && options.SqliteMaxSizeMegabytes is { } megabytes)
                {
                    builder.AddInterceptors(new SqliteSizeLimit((long)(megabytes * 1024 * 1024)));
                }
            });
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TrinnDbContext>>().CreateDbContext();
            db.Lease(sp.GetService<Audit.IAuditActor>(), sp.GetService<TimeProvider>(), sp.GetService<Audit.AuditWriter>());
            return db;
        });
        return services;
    }

    /// <summary>
    /// Runs every <c>ValidateOnStart</c> check now (a generic host does so when it starts; the web app runs it before it
    /// migrates, the CLI before it opens the database). Throws <see cref="OptionsValidationException"/> with every failure.
    /// </summary>
    public static void ValidateTrinnSettings(this IServiceProvider services) =>
        services.GetRequiredService<IStartupValidator>().Validate();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(
                connectionString,
                o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(
                WithPostgresDefaults(connectionString),
                o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    /// <summary>Statements Npgsql keeps prepared per pooled connection unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 200;

    /// <summary>
    /// Npgsql settings Trinn measured and chose, each added only when the connection string does not set it itself:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=200; Auto Prepare Min Usages=2</c>: a statement run twice on a connection is prepared
    /// there, so PostgreSQL parses and plans it once. On the national benchmark data it nearly doubled the candidate page's
    /// throughput. Set <c>Max Auto Prepare=0</c> behind a pooler that cannot carry prepared statements (PgBouncer in
    /// transaction mode before 1.21).</item>
    /// <item><c>No Reset On Close=true</c>: a connection going back to the pool is not reset. Npgsql otherwise sends seven
    /// statements with its next command (<c>SET SESSION AUTHORIZATION DEFAULT</c>, <c>RESET ALL</c>, <c>CLOSE ALL</c>,
    /// <c>UNLISTEN *</c>, <c>pg_advisory_unlock_all()</c>, <c>DISCARD SEQUENCES</c>, <c>DISCARD TEMP</c>), which PostgreSQL
    /// runs on every use of a pooled connection.
    /// Trinn keeps no session state on a pooled connection (no session <c>SET</c>, temporary tables, <c>LISTEN</c> or session
    /// advisory locks; transaction-scoped ones end with the transaction; the web app's one <c>LISTEN</c> has a connection
    /// of its own outside the pool), and Npgsql still rolls back a transaction left
    /// open when the connection is closed. About 15 % more candidate API requests per second (docs/benchmarks.md).</item>
    /// </list>
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var defaults = new NpgsqlConnectionStringBuilder(connectionString);
        var changed = false;
        if (!given.Contains("MaxAutoPrepare"))
        {
            defaults.MaxAutoPrepare = DefaultMaxAutoPrepare;
            defaults.AutoPrepareMinUsages = 2;
            changed = true;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            defaults.NoResetOnClose = true;
            changed = true;
        }

        return changed ? defaults.ConnectionString : connectionString;
    }

    public static TrinnDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<TrinnDbContext>();
        Configure(builder, provider, connectionString);
        return new TrinnDbContext(builder.Options);
    }

    internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            var failures = new List<string>();
            if (!Enum.IsDefined(options.Provider))
            {
                failures.Add("Database:Provider must be Sqlite or Postgres.");
            }
            else if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add("Database:ConnectionString is required for PostgreSQL.");
            }

            if (options.SqliteMaxSizeMegabytes is { } megabytes && !(megabytes > 0))
            {
                failures.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Database:SqliteMaxSizeMegabytes must be more than 0 (it is {megabytes}); leave it empty for no limit."));
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }

    internal sealed class NationalIdOptionsValidator(bool developmentKeysAllowed) : IValidateOptions<NationalIdOptions>
    {
        public ValidateOptionsResult Validate(string? name, NationalIdOptions options)
        {
            if (options.HasNoKeys)
            {
                return developmentKeysAllowed
                    ? ValidateOptionsResult.Success
                    : ValidateOptionsResult.Fail(
                        "NationalIds:EncryptionKey and NationalIds:LookupKey must be set (32 bytes each, base64) outside development, demo and tests.");
            }

            var failures = new[]
            {
                KeyError(options.EncryptionKey, "NationalIds:EncryptionKey"),
                KeyError(options.LookupKey, "NationalIds:LookupKey"),
            }.OfType<string>().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        /// <summary>Why the key cannot be used, or null when it is 32 bytes in base64. Never shows the key.</summary>
        internal static string? KeyError(string? base64, string setting)
        {
            if (string.IsNullOrEmpty(base64))
            {
                return $"{setting} must be set (32 bytes, base64) when the other national-ID key is.";
            }

            var buffer = new byte[base64.Length];
            return Convert.TryFromBase64String(base64, buffer, out var length) && length == 32
                ? null
                : $"{setting} must be 32 bytes in base64 (for example the output of: openssl rand -base64 32).";
        }
    }
}
