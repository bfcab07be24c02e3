using System.Net.Sockets;
using Npgsql;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// Which database errors answer 503 "Databasen svarer ikke" (try again) rather than 500: PostgreSQL's own error codes
/// (https://www.postgresql.org/docs/current/errcodes-appendix.html), wrapped as EF Core and Npgsql's execution strategy
/// wrap them.
/// </summary>
public sealed class DatabaseFailureClassificationTests
{
    [Theory]
    [InlineData("57P01")] // admin_shutdown: the fast stop
    [InlineData("57P03")] // cannot_connect_now: the server is starting
    [InlineData("08006")] // connection_failure
    [InlineData("53300")] // too_many_connections: every pool reconnecting after the restart
    [InlineData("53200")] // out_of_memory
    [InlineData("58030")] // io_error
    [InlineData("40001")] // serialization_failure
    [InlineData("40P01")] // deadlock_detected
    public void Classify_TransientPostgresErrorInsideTheStrategysWrapping_IsUnavailable(string sqlState)
    {
        var wrapped = new InvalidOperationException(
            "An exception has been raised that is likely due to a transient failure.",
            new DbUpdateException("An error occurred while saving the entity changes.", Postgres(sqlState)));

        Assert.Equal(DatabaseFailure.Unavailable, DatabaseFailures.Classify(wrapped));
    }

    [Fact]
    public void Classify_DiskFull_IsFull() =>
        Assert.Equal(DatabaseFailure.Full, DatabaseFailures.Classify(new DbUpdateException("save", Postgres("53100"))));

    [Fact]
    public void Classify_RefusedConnection_IsUnavailable() =>
        Assert.Equal(DatabaseFailure.Unavailable, DatabaseFailures.Classify(
            new InvalidOperationException("transient", new NpgsqlException("Failed to connect", new SocketException(111)))));

    [Theory]
    [InlineData("23505")] // unique_violation: a rule of the data, not an outage
    [InlineData("42P01")] // undefined_table: a bug
    [InlineData("22001")] // string_data_right_truncation
    public void Classify_ErrorsOfTheRequestItself_AreNotDatabaseFailures(string sqlState) =>
        Assert.Null(DatabaseFailures.Classify(new DbUpdateException("save", Postgres(sqlState))));

    [Fact]
    public void Classify_AnExceptionWithoutADatabaseCause_IsNotADatabaseFailure() =>
        Assert.Null(DatabaseFailures.Classify(new InvalidOperationException("something else", new ArgumentException("x"))));

    private static PostgresException Postgres(string sqlState) => new("test", "ERROR", "ERROR", sqlState);
}
