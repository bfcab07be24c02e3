using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trinn.Core.Data;

namespace Trinn.Core.Tests.Data;

/// <summary>
/// Npgsql's automatic preparation is on, and the reset of a pooled connection off, for PostgreSQL unless the connection
/// string sets them (that a transaction left open still ends with the connection: PooledConnectionTests in the web tests).
/// </summary>
public sealed class PostgresDefaultsTests
{
    [Fact]
    public void PostgresConnectionString_WithoutTheSettings_GetsThem()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPostgresDefaults("Host=db;Port=5432;Username=trinn;Password=hemmelig;Database=trinn"));

        Assert.Equal(DatabaseRegistration.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.True(result.NoResetOnClose);
        Assert.Equal("db", result.Host);
        Assert.Equal("hemmelig", result.Password);
        Assert.Equal("trinn", result.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=trinn;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;Database=trinn;MaxAutoPrepare=5;NoResetOnClose=true", 5, true)]
    [InlineData("Host=db;Database=trinn;max auto prepare=7;no reset on close=False", 7, false)]
    public void PostgresConnectionString_WithBothSettings_IsLeftAsGiven(string given, int maxAutoPrepare, bool noReset)
    {
        var result = DatabaseRegistration.WithPostgresDefaults(given);

        Assert.Equal(given, result);
        Assert.Equal(maxAutoPrepare, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
        Assert.Equal(noReset, new NpgsqlConnectionStringBuilder(result).NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;Database=trinn;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;Database=trinn;No Reset On Close=false", DatabaseRegistration.DefaultMaxAutoPrepare, false)]
    public void PostgresConnectionString_WithOneSetting_KeepsItAndGetsTheOther(string given, int maxAutoPrepare, bool noReset)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPostgresDefaults(given));

        Assert.Equal(maxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal(noReset, result.NoResetOnClose);
    }

    [Fact]
    public void PostgresContext_UsesTheDefaults()
    {
        var options = new DbContextOptionsBuilder<TrinnDbContext>();
        DatabaseRegistration.Configure(options, DatabaseProvider.Postgres, "Host=db;Database=trinn");
        using var db = new TrinnDbContext(options.Options);
        var used = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        Assert.Equal(DatabaseRegistration.DefaultMaxAutoPrepare, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
    }
}
