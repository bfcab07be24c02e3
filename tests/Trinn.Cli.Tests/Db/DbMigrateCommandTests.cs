using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trinn.Cli.Db;
using Trinn.Core.Data;

namespace Trinn.Cli.Tests.Db;

public class DbMigrateCommandTests
{
    private static Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { DbCommand.Create() };
        return root.Parse(args).InvokeAsync();
    }

    [Fact]
    public async Task Migrate_FreshSqliteFile_AppliesEveryMigration()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trinn-cli-{Guid.NewGuid():N}.db");
        try
        {
            var exit = await RunAsync("db", "migrate", "--provider", "Sqlite", "--connection", $"Data Source={path}");

            Assert.Equal(0, exit);
            await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, $"Data Source={path}");
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await db.Candidates.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Migrate_Postgres_AppliesEveryMigration()
    {
        var server = Environment.GetEnvironmentVariable("TRINN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("TRINN_TEST_POSTGRES is not set: run ./test.sh, which starts a PostgreSQL server for the tests.");
        var name = $"trinn_cli_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var exit = await RunAsync("db", "migrate", "--provider", "Postgres", "--connection", builder.ConnectionString);

            Assert.Equal(0, exit);
            await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, builder.ConnectionString);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Teams.CountAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Migrate_UnknownProvider_ExitsWithTwo()
    {
        Assert.Equal(2, await RunAsync("db", "migrate", "--provider", "Oracle", "--connection", "x"));
    }
}
