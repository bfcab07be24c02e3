using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trinn.Core.Data;
using Npgsql;

namespace Trinn.Web.Tests;

/// <summary>
/// What a newcomer sees on the console on the very first start: the database does not exist yet, and the app
/// creates and migrates it without an error-level log line (at most one line saying it created the database).
/// </summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task FirstStart_EmptyPostgresServer_CreatesDatabaseWithOneInfoLineAndNoError()
    {
        using var app = new EmptyServerPostgresFactory();
        Assert.False(await DatabaseExistsAsync(app.DatabaseName));

        using var client = BrowserClient.Anonymous(app);
        using var health = await client.GetAsync("/health");
        using var login = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(await DatabaseExistsAsync(app.DatabaseName));
        var errors = app.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, "Error-level log on first start:\n" + string.Join("\n", errors));
        var created = Assert.Single(app.Logs.Entries, e => e.Category == "Trinn.Database");
        Assert.Equal(LogLevel.Information, created.Level);
        Assert.Contains(app.DatabaseName, created.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStart_ExistingPostgresDatabase_LogsNothingAboutCreating()
    {
        using var app = new PostgresTrinnFactory();

        using var client = BrowserClient.Anonymous(app);
        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Category == "Trinn.Database");
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task FirstStart_NewSqliteFile_LogsNoError()
    {
        using var app = new TrinnFactory();

        using var client = BrowserClient.Anonymous(app);
        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ProductionEnvironment_Configuration_LeavesMigrationsToTheCli()
    {
        using var app = new ProductionDefaultsFactory();
        // As in production: `trinn db migrate` first, then the app.
        await using (var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, app.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        Assert.False(options.MigrateOnStartup);
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresTrinnFactory.EnvironmentVariable));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    /// <summary>The app on a PostgreSQL server where its database does not exist yet (dropped again on dispose).</summary>
    private sealed class EmptyServerPostgresFactory() : PostgresTrinnFactory(createDatabase: false);

    /// <summary>Production, with Database:MigrateOnStartup as the app's own configuration files set it.</summary>
    private sealed class ProductionDefaultsFactory : TrinnFactory
    {
        public string ConnectionString => Settings()["Database:ConnectionString"]!;

        protected override string EnvironmentName => "Production";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = ProductionFactory.WithProductionKeys(base.Settings());
            settings.Remove("Database:MigrateOnStartup");
            return settings;
        }
    }
}
