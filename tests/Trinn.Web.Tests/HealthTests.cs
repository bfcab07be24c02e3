using System.Net.Http.Json;
using System.Text.Json;

namespace Trinn.Web.Tests;

public sealed class HealthTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    [Fact]
    public async Task Health_DatabaseReachable_Returns200()
    {
        using var client = BrowserClient.Anonymous(app);

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Factory_Started_UsesItsOwnTempSqliteFileMigratedByTheApp()
    {
        var (connection, pending, applied) = await app.Data.WithDbAsync(async db => (
            db.Database.GetConnectionString() ?? "",
            (await db.Database.GetPendingMigrationsAsync()).ToList(),
            (await db.Database.GetAppliedMigrationsAsync()).ToList()));

        Assert.Contains(Path.GetTempPath(), connection, StringComparison.Ordinal);
        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }
}
