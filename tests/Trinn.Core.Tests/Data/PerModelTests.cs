using Trinn.Core.Data;

namespace Trinn.Core.Tests.Data;

/// <summary>
/// A compiled query binds to the model of the first context it runs on; SQLite and PostgreSQL have different models and
/// the app's tests run both in one process. So each model gets its own, and contexts of one model share it.
/// </summary>
public class PerModelTests
{
    [Fact]
    public void For_ContextsOfOneModelShareOne_AnotherProviderGetsItsOwn()
    {
        var compiled = 0;
        var perModel = new PerModel<object>(_ =>
        {
            compiled++;
            return new object();
        });
        using var sqliteA = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var sqliteB = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused");

        var first = perModel.For(sqliteA);
        Assert.Same(first, perModel.For(sqliteB));
        Assert.NotSame(first, perModel.For(postgres));
        Assert.Same(perModel.For(postgres), perModel.For(postgres));
        Assert.Equal(2, compiled);
    }
}
