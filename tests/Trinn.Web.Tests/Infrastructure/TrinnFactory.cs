using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Trinn.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file that the app's own migrations create at start-up (environment "Testing",
/// no demo data, synthetic national IDs allowed). One instance per test class (IClassFixture).
/// </summary>
public class TrinnFactory : WebApplicationFactory<Program>
{
    private readonly string sqlitePath = Path.Combine(Path.GetTempPath(), $"trinn-webtests-{Guid.NewGuid():N}.db");
    private TestData? data;

    /// <summary>Every log entry the app writes, for assertions about what is (and is not) logged.</summary>
    public TestLogSink Logs { get; } = new();

    /// <summary>Set by fixtures that want to control "now"; null means the app's system clock.</summary>
    public FakeTimeProvider? FakeTime { get; init; }

    public TestData Data => data ??= new TestData(this);

    /// <summary>The clock the app uses.</summary>
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    protected virtual string EnvironmentName => "Testing";

    /// <summary>Configuration the app reads at start-up; subclasses add or override keys.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={sqlitePath}",
        ["Database:MigrateOnStartup"] = "true",
        ["Demo:Enabled"] = "false",
        ["NationalIds:AllowSynthetic"] = "true",
        // The suites sign in hundreds of times a minute from one address; SecurityTests checks the real limit.
        ["Security:SensitiveRequestsPerMinute"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        // UseSetting (not ConfigureAppConfiguration) so that Program.cs sees the values when it reads them eagerly.
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.UseFastPasswordHashing();
            if (FakeTime is { } fake)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(fake);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // A temp file left behind is harmless.
                }
            }
        }
    }
}

/// <summary>
/// The same app on a real PostgreSQL server: a unique database on the server named by <c>TRINN_TEST_POSTGRES</c>
/// (test.sh starts a throwaway cluster and sets it), migrated by the app, dropped on dispose.
/// </summary>
public class PostgresTrinnFactory : TrinnFactory
{
    public const string EnvironmentVariable = TestPostgresDatabase.EnvironmentVariable;

    private readonly TestPostgresDatabase database;

    /// <summary>The name of this factory's database on the server.</summary>
    public string DatabaseName => database.Name;

    /// <summary>A connection string to this factory's database.</summary>
    public string DatabaseConnectionString => database.ConnectionString;

    public PostgresTrinnFactory()
        : this(createDatabase: true)
    {
    }

    /// <param name="createDatabase">False leaves the database to the app, as on a first start against an empty server.</param>
    protected PostgresTrinnFactory(bool createDatabase)
    {
        database = new TestPostgresDatabase("trinn_test_", createDatabase);
    }

    protected override Dictionary<string, string?> Settings() => database.UseIn(base.Settings());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }
}

/// <summary>
/// A unique database on the server named by <c>TRINN_TEST_POSTGRES</c> (test.sh starts a throwaway cluster and sets
/// it), for a fixture to run the app on; dropped on dispose. Fixtures that cannot derive from
/// <see cref="PostgresTrinnFactory"/> (their SQLite twin already derives from another fixture) use it directly.
/// </summary>
public sealed class TestPostgresDatabase : IDisposable
{
    public const string EnvironmentVariable = "TRINN_TEST_POSTGRES";

    private readonly string serverConnectionString;

    public TestPostgresDatabase(string prefix = "trinn_test_", bool create = true)
    {
        Name = prefix + Guid.NewGuid().ToString("N");
        serverConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL tests cannot run. Run ./test.sh, which starts a "
                + "throwaway PostgreSQL cluster and sets it (an Npgsql connection string to the 'postgres' database).");
        if (!create)
        {
            return;
        }

        using var connection = new NpgsqlConnection(serverConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{Name}\"";
        command.ExecuteNonQuery();
    }

    public string Name { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name }.ConnectionString;

    /// <summary>The fixture's settings with the app pointed at this database.</summary>
    public Dictionary<string, string?> UseIn(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = ConnectionString;
        return settings;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(serverConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>A production-like setting: synthetic national IDs are refused.</summary>
public sealed class NoSyntheticIdsFactory : TrinnFactory
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["NationalIds:AllowSynthetic"] = "false";
        return settings;
    }
}

/// <summary>The app with a clock the test controls, starting at the real current time.</summary>
public class FakeClockTrinnFactory : TrinnFactory
{
    public FakeClockTrinnFactory()
    {
        FakeTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }
}

public sealed class FakeClockPostgresTrinnFactory : PostgresTrinnFactory
{
    public FakeClockPostgresTrinnFactory()
    {
        FakeTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }
}

/// <summary>
/// The app with the sign-in rate limit at 3 attempts per minute per client address. A request may name its client
/// address in <see cref="ClientAddressHeader"/> (the test server has none), so tests can use separate allowances.
/// </summary>
public sealed class StrictRateLimitFactory : TrinnFactory
{
    public const int Limit = 3;

    public const string ClientAddressHeader = ClientAddressFromHeader.Header;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>());
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Security:SensitiveRequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}

/// <summary>The app as in production: generic errors, https-only cookies, HSTS.</summary>
public sealed class ProductionFactory : TrinnFactory
{
    protected override string EnvironmentName => "Production";

    protected override Dictionary<string, string?> Settings() => WithProductionKeys(base.Settings());

    /// <summary>
    /// Production refuses to start without national-ID keys and a public base URL. Tests pass the development keys'
    /// values, because the protector is process-wide and every factory in this test run must read what the others
    /// wrote, and https://trinn.example as the public address: the only host the app then answers for.
    /// </summary>
    public static Dictionary<string, string?> WithProductionKeys(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["NationalIds:EncryptionKey"] = Trinn.Core.NationalIds.NationalIdProtector.DevelopmentEncryptionKey;
        settings["NationalIds:LookupKey"] = Trinn.Core.NationalIds.NationalIdProtector.DevelopmentLookupKey;
        settings["App:PublicBaseUrl"] = "https://trinn.example";
        return settings;
    }
}

/// <summary>
/// Sets the connection's remote address from <see cref="Header"/> (the test server has none), so a test can act as
/// several clients, or as a reverse proxy in front of them. Runs before the app's own middleware.
/// </summary>
public sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            await nextMiddleware();
        });
        next(app);
    };
}
