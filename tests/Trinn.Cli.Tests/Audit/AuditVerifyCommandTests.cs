using Microsoft.EntityFrameworkCore;
using Trinn.Cli.Audit;
using Trinn.Core.Audit;
using Trinn.Core.Data;
using Trinn.Core.Teams;

namespace Trinn.Cli.Tests.Audit;

public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"trinn-audit-{Guid.NewGuid():N}.db");

    private string Connection => $"Data Source={_path}";

    [Fact]
    public async Task Verify_IntactChain_ExitsZero()
    {
        await SeedAsync(teams: 4);

        var (exit, output) = await RunAsync();

        Assert.Equal(0, exit);
        Assert.Contains("4 audit entries", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_OneRowEditedDirectly_ReportsExactlyThatRow()
    {
        await SeedAsync(teams: 6);
        await using (var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, Connection))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Changes = REPLACE(Changes, 'Team 3', 'Team X') WHERE Sequence = 3");
        }

        var (exit, output) = await RunAsync();

        Assert.Equal(AuditCommand.Broken, exit);
        Assert.Contains("first broken entry #3:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowDeleted_ReportsTheGap()
    {
        await SeedAsync(teams: 5);
        await using (var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, Connection))
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 2");
        }

        var (exit, output) = await RunAsync();

        Assert.Equal(AuditCommand.Broken, exit);
        Assert.Contains("#2", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private async Task SeedAsync(int teams)
    {
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, Connection);
        await db.Database.MigrateAsync();
        for (var i = 1; i <= teams; i++)
        {
            db.Teams.Add(new Team { Name = $"Team {i}" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(teams, await db.Set<AuditEntry>().CountAsync());
    }

    private Task<(int Exit, string Output)> RunAsync() =>
        InProcessCli.RunAsync([AuditCommand.Create()], DatabaseProvider.Sqlite, Connection, "audit", "verify");
}
