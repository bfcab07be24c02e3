using System.Globalization;
using Npgsql;
using Trinn.Core.Data;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// Trinn turns Npgsql's reset of a pooled connection off (<see cref="DatabaseRegistration.WithPostgresDefaults"/>), on
/// the ground that it keeps no session state and that what a transaction sets ends with it. This holds the second half:
/// a transaction left open when its connection closes is rolled back, so the next user of the same physical connection
/// sees neither its rows nor its settings.
/// It runs alone: test classes that finish clear every Npgsql pool of the process (<c>NpgsqlConnection.ClearAllPools</c>),
/// and a clear between the two opens gives the second one a new server process (it failed once in a parallel run, most
/// likely so).
/// </summary>
[Collection(nameof(PooledConnectionTests))]
public sealed class PooledConnectionTests : IDisposable
{
    private readonly TestPostgresDatabase _database = new("trinn_pooled_");

    [Fact]
    public async Task TransactionLeftOpen_IsRolledBack_BeforeThePooledConnectionIsUsedAgain()
    {
        // One connection in the pool, so the second open gets the same server process.
        var connectionString = DatabaseRegistration.WithPostgresDefaults(
            new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        Assert.True(new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose);
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await Execute(setup, "CREATE TABLE probe (x int)");
        }

        int firstProcess;
        await using (var abandoned = new NpgsqlConnection(connectionString))
        {
            await abandoned.OpenAsync();
            firstProcess = Convert.ToInt32(await Scalar(abandoned, "SELECT pg_backend_pid()"), CultureInfo.InvariantCulture);
#pragma warning disable CA2000 // Left undisposed on purpose: the connection is closed with the transaction still open.
            var transaction = await abandoned.BeginTransactionAsync();
#pragma warning restore CA2000
            await Execute(abandoned, "INSERT INTO probe VALUES (1)", transaction);
            await Execute(abandoned, "SET LOCAL statement_timeout = '4321ms'", transaction);
            Assert.Equal(1L, await Scalar(abandoned, "SELECT count(*) FROM probe", transaction));
        }

        await using var next = new NpgsqlConnection(connectionString);
        await next.OpenAsync();

        Assert.Equal(firstProcess, Convert.ToInt32(await Scalar(next, "SELECT pg_backend_pid()"), CultureInfo.InvariantCulture));
        Assert.Equal(0L, await Scalar(next, "SELECT count(*) FROM probe"));
        Assert.Equal("0", await Scalar(next, "SHOW statement_timeout"));
        Assert.Null(await Scalar(next, "SELECT txid_current_if_assigned()"));
    }

    public void Dispose() => _database.Dispose();

    private static async Task Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}

[CollectionDefinition(nameof(PooledConnectionTests), DisableParallelization = true)]
public sealed class PooledConnectionTestsAlone;
