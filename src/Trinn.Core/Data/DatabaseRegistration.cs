using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Trinn.Core.Data;

public static class DatabaseRegistration
{
    public const string SqliteMigrationsAssembly = "Trinn.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Trinn.Migrations.Postgres";

    public static IServiceCollection AddTrinnDatabase(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.ResolveConnectionString(contentRoot);
        // Options as a singleton: the audit writer (a singleton) opens contexts of its own with them.
        services.AddDbContext<TrinnDbContext>(
            builder =>
            {
                Configure(builder, options.Provider, connectionString);
                if (options.Provider == DatabaseProvider.Sqlite && options.SqliteMaxSizeMegabytes is { } megabytes)
                {
                    builder.AddInterceptors(new SqliteSizeLimit((long)(megabytes * 1024 * 1024)));
                }
            },
            optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(
                connectionString,
                o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(
                connectionString,
                o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    public static TrinnDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<TrinnDbContext>();
        Configure(builder, provider, connectionString);
        return new TrinnDbContext(builder.Options);
    }
}
