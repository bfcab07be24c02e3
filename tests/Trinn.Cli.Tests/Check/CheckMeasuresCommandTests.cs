using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trinn.Cli.Check;
using Trinn.Cli.Tests.Retention;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Core.Placements;

namespace Trinn.Cli.Tests.Check;

/// <summary>
/// <c>trinn check measures</c>: "Existing invalid rows are reported by a check, not silently changed." A wage subsidy stored on
/// an arbeidstrening ("jobb uten lønn") before the rule is listed by id; the database is the same before and after.
/// </summary>
public abstract class CheckMeasuresCommandTests : IAsyncLifetime
{
    private int teamId;
    private int invalidId;
    private int validId;

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string Connection { get; }

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        var (team, user, study) = await RetentionSeed.BasicsAsync(db);
        teamId = team;
        var candidate = await RetentionSeed.CandidateAsync(db, team, user, study, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6), null);
        var employer = await db.Set<Employer>().FirstAsync();
        var training = Placement.Register(candidate.Id, employer.Id, PlacementKind.Arbeidstrening, LabourMarket.Regular, null,
            DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2), null, user, DateTime.UtcNow);
        var invalid = SupportMeasure.Lonnstilskudd(40, training.StartDate, null, training.StartDate.AddMonths(3), DateTime.UtcNow);
        training.Measures.Add(invalid); // as stored before Placement.AddMeasure enforced the rule
        db.Add(training);
        await db.SaveChangesAsync();
        invalidId = invalid.Id;
        validId = await db.Set<SupportMeasure>().Where(m => m.Kind == SupportMeasureKind.Lonnstilskudd && m.Id != invalidId).Select(m => m.Id).FirstAsync();
    }

    public Task DisposeAsync() => DropDatabaseAsync();

    [Fact]
    public async Task CheckMeasures_WageSubsidyOnArbeidstrening_ListedByIdWithExitOne_NothingChanged()
    {
        var before = await SnapshotAsync();

        var (exit, output) = await RunAsync("check", "measures");

        Assert.Equal(1, exit);
        Assert.Contains($"measure {invalidId} Lonnstilskudd on placement", output, StringComparison.Ordinal);
        Assert.Contains("Arbeidstrening", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"measure {validId} ", output, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", output, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task CheckMeasures_AnotherTeam_NoneAndExitZero()
    {
        var (exit, output) = await RunAsync("check", "measures", "--team", (teamId + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, exit);
        Assert.Contains("no support measures break the rules", output, StringComparison.Ordinal);
    }

    protected abstract Task DropDatabaseAsync();

    private TrinnDbContext Open() => DatabaseRegistration.CreateContext(Provider, Connection);

    private async Task<string> SnapshotAsync()
    {
        await using var db = Open();
        var values = await RetentionSeed.AllTextAsync(db);
        values.Sort(StringComparer.Ordinal);
        return string.Join('\n', values);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        InProcessCli.RunAsync([CheckCommand.Create()], Provider, Connection, args);
}

public sealed class CheckMeasuresCommandSqliteTests : CheckMeasuresCommandTests
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"trinn-check-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string Connection => $"Data Source={path}";

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

public sealed class CheckMeasuresCommandPostgresTests : CheckMeasuresCommandTests
{
    private readonly string connection;

    public CheckMeasuresCommandPostgresTests()
    {
        var server = Environment.GetEnvironmentVariable("TRINN_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("TRINN_TEST_POSTGRES is not set: run ./test.sh, or start PostgreSQL and set it.");
        connection = new NpgsqlConnectionStringBuilder(server) { Database = $"trinn_check_{Guid.NewGuid():N}", Pooling = false }.ConnectionString;
    }

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string Connection => connection;

    protected override async Task DropDatabaseAsync()
    {
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, connection);
        await db.Database.EnsureDeletedAsync();
    }
}
