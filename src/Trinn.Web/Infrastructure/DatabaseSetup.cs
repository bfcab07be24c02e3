using Microsoft.Extensions.Options;
using Trinn.Core.Demo;

namespace Trinn.Web.Infrastructure;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }
}

internal static partial class DatabaseSetup
{
    public static WebApplicationBuilder AddTrinnDatabase(this WebApplicationBuilder builder)
    {
        // The same data registration as the CLI: settings bound and validated at start, the protector, the context.
        builder.Services.AddTrinnData(
            builder.Configuration,
            builder.Environment.ContentRootPath,
            developmentKeysAllowed: SecuritySetup.AllowsPlainHttp(builder.Environment));
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Trinn.Core.Audit.IAuditActor, HttpAuditActor>();
        builder.Services.AddSingleton(sp => new Trinn.Core.Audit.AuditWriter(
            () => sp.GetRequiredService<IDbContextFactory<TrinnDbContext>>().CreateDbContext(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Trinn.Core.Audit.AuditWriter>>()));
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }

    /// <summary>Applies migrations (embedded default) and, on first start outside production, creates demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // Settings first (ValidateOnStart): a missing key or connection string stops here with its message, before any
        // database work; the host's own start would check them only after the migrations.
        app.Services.ValidateTrinnSettings();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrinnDbContext>();
        var dbOptions = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (dbOptions.MigrateOnStartup)
        {
            // Quietly first: EF would log its own tries on a missing database and history table as errors.
            var databaseLogger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Trinn.Database");
            if (await db.PreparePostgresForMigrationAsync() is { } createdDatabase)
            {
                LogDatabaseCreated(databaseLogger, createdDatabase);
            }

            await db.Database.MigrateAsync();
            await Trinn.Core.Audit.AuditStorage.PrepareAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            if (db.Database.IsSqlite())
            {
                // WAL: readers never block the writer, and a crash loses no committed transaction.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        EnsureKeyRing(services);

        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Enabled)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Trinn.Demo");
        if (app.Environment.IsProduction())
        {
            LogDemoRefused(logger);
            return;
        }

        var password = Environment.GetEnvironmentVariable("TRINN_DEMO_PASSWORD") is { Length: > 0 } p ? p : DemoSeeder.DefaultPassword;
        var created = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(password);
        if (created)
        {
            LogDemoCreated(logger);
        }

        if (await db.Users.AnyAsync(u => u.UserName == "admin"))
        {
            PrintDemoLogins(app, password);
        }
    }

    /// <summary>
    /// Creates the shared Data Protection key ring now, before the first request, so instances started one after another
    /// all find the same key (a key created under load by two instances at once would need a key-ring refresh to meet).
    /// </summary>
    private static void EnsureKeyRing(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
                .CreateProtector("Trinn.KeyRing").Protect([1]);
        }
        catch (System.Data.Common.DbException ex)
        {
            // Not migrated yet (production migrates with trinn db migrate): the key is created at first use instead.
            LogKeyRingLater(services.GetRequiredService<ILoggerFactory>().CreateLogger("Trinn.DataProtection"), ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection key ring not prepared at start-up ({Error}); it is created at first use")]
    private static partial void LogKeyRingLater(ILogger logger, string error);

    private static void PrintDemoLogins(WebApplication app, string password)
    {
        var url = app.Configuration["Urls"]?.Split(';')[0] ?? "http://localhost:5080";
        var shown = password == DemoSeeder.DefaultPassword ? password : "(fra TRINN_DEMO_PASSWORD)";
        Console.WriteLine();
        Console.WriteLine($"Trinn kjører på {url}");
        Console.WriteLine($"Demobrukere (passord {shown}):");
        foreach (var login in DemoSeeder.Logins)
        {
            Console.WriteLine($"  {login.UserName,-16} {login.Role,-15} {login.Team}");
        }

        Console.WriteLine();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL database {Database} did not exist and was created; migrations follow")]
    private static partial void LogDatabaseCreated(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data created")]
    private static partial void LogDemoCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo:Enabled is ignored in the Production environment")]
    private static partial void LogDemoRefused(ILogger logger);
}

internal static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (TrinnDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct)
                    ? Results.Ok(new { status = "ok" })
                    : Results.Json(new { status = "database unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
