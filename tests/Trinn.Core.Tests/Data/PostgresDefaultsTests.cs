using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trinn.Core.Data;

namespace Trinn.Core.Tests.Data;

/// <summary>Npgsql's automatic preparation is on for PostgreSQL unless the connection string sets it.</summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void PostgresConnectionString_WithoutTheSetting_GetsAutoPrepare()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithAutoPrepare("Host=db;Port=5432;Username=trinn;Password=hemmelig;Database=trinn"));

        Assert.Equal(DatabaseRegistration.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.Equal("db", result.Host);
        Assert.Equal("hemmelig", result.Password);
        Assert.Equal("trinn", result.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=trinn;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=trinn;MaxAutoPrepare=5", 5)]
    [InlineData("Host=db;Database=trinn;max auto prepare=7", 7)]
    public void PostgresConnectionString_WithTheSetting_IsLeftAsGiven(string given, int expected)
    {
        var result = DatabaseRegistration.WithAutoPrepare(given);

        Assert.Equal(given, result);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }

    [Fact]
    public void PostgresContext_UsesAutoPrepare()
    {
        var options = new DbContextOptionsBuilder<TrinnDbContext>();
        DatabaseRegistration.Configure(options, DatabaseProvider.Postgres, "Host=db;Database=trinn");
        using var db = new TrinnDbContext(options.Options);

        Assert.Equal(DatabaseRegistration.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxAutoPrepare);
    }
}
