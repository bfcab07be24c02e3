using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trinn.Cli.Audit;
using Trinn.Cli.Check;
using Trinn.Cli.Tests.Backup;
using Trinn.Cli.Tests.Retention;
using Trinn.Core.Audit;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Core.Placements;

namespace Trinn.Cli.Tests.Check;

/// <summary>
/// <c>trinn fix measures-past-job-end</c>: before ending a job ended its support measures, an ended job kept its measures
/// running. The fix applies today's rule to those rows (audited, the chain intact) and leaves every other measure alone.
/// </summary>
public abstract class FixMeasuresCommandTests(ScratchDatabases databases) : IAsyncLifetime
{
    private static readonly DateOnly JobStart = new(2026, 3, 2);
    private static readonly DateOnly JobEnd = new(2026, 9, 30);
    private readonly Dictionary<string, int> ids = [];

    private string connection = "";

    public async Task InitializeAsync()
    {
        connection = await databases.CreateAsync();
        await using var db = Open();
        await db.Database.MigrateAsync();
        var (team, user, study) = await RetentionSeed.BasicsAsync(db);
        var candidate = await RetentionSeed.CandidateAsync(db, team, user, study, new DateOnly(2025, 10, 1), null);
        var employer = await db.Set<Employer>().FirstAsync();
        var now = DateTime.UtcNow;

        // The old bug's shape: the job was ended, its measures were not.
        var ended = Placement.Register(candidate.Id, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 60, JobStart, null, user, now);
        ended.End(JobEnd, PlacementEnding.Dismissed, new DateOnly(2026, 10, 1));
        var open = SupportMeasure.Lonnstilskudd(40, JobStart, null, JobStart.AddMonths(3), now);
        var mentor = SupportMeasure.Mentortilskudd("Kollega", 8, JobStart, JobEnd.AddMonths(6), now);
        mentor.DescribeMentor("Fast veiledning", null, JobEnd.AddDays(-10), JobEnd.AddMonths(1));
        var endedEarlier = SupportMeasure.Lonnstilskudd(40, JobStart, JobEnd.AddDays(-1), JobStart.AddMonths(3), now);
        var notStarted = SupportMeasure.Tilretteleggingsplan("Plan", JobEnd.AddDays(1), now);
        var inclusion = SupportMeasure.Inkluderingstilskudd(5000, "Hev/senk-pult", now);
        ended.Measures.AddRange([open, mentor, endedEarlier, notStarted, inclusion]); // as stored before Placement.End ended them

        var running = Placement.Register(candidate.Id, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 60, JobStart, JobEnd, user, now);
        var onRunningJob = SupportMeasure.Lonnstilskudd(40, JobStart, null, JobStart.AddMonths(3), now);
        running.AddMeasure(onRunningJob);
        db.AddRange(ended, running);
        await db.SaveChangesAsync();
        foreach (var (name, m) in new[] { ("open", open), ("mentor", mentor), ("endedEarlier", endedEarlier), ("notStarted", notStarted), ("inclusion", inclusion), ("onRunningJob", onRunningJob) })
        {
            ids[name] = m.Id;
        }
    }

    public async Task DisposeAsync() => await databases.DisposeAsync();

    [Fact]
    public async Task FixMeasures_MeasuresRunningPastTheirEndedJob_EndWithTheJobAuditedOthersUnchanged()
    {
        var (exit, output) = await RunAsync(FixCommand.Create(), "fix", "measures-past-job-end");

        Assert.True(exit == 0, output);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"2 support measure(s) now end with their job (audited): {ids["open"]}, {ids["mentor"]}"), output, StringComparison.Ordinal);
        await using (var db = Open())
        {
            var rows = await db.Set<SupportMeasure>().AsNoTracking().ToDictionaryAsync(m => m.Id);
            Assert.Equal(JobEnd, rows[ids["open"]].ToDate);
            Assert.Equal((JobEnd, JobEnd.AddDays(-10), JobEnd), (rows[ids["mentor"]].ToDate, rows[ids["mentor"]].JointFrom, rows[ids["mentor"]].JointTo));
            Assert.Equal(JobEnd.AddDays(-1), rows[ids["endedEarlier"]].ToDate);
            Assert.Null(rows[ids["notStarted"]].ToDate);
            Assert.Null(rows[ids["inclusion"]].ToDate);
            Assert.Null(rows[ids["onRunningJob"]].ToDate);
            var audited = await db.Set<AuditEntry>().AsNoTracking()
                .Where(a => a.EntityType == nameof(SupportMeasure) && a.Action == AuditAction.Update).Select(a => a.EntityId).ToListAsync();
            Assert.Equal(new[] { ids["mentor"], ids["open"] }.Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), audited.Order());
        }

        var (again, second) = await RunAsync(FixCommand.Create(), "fix", "measures-past-job-end");
        Assert.Equal(0, again);
        Assert.Contains("nothing was changed", second, StringComparison.Ordinal);
        var (verifyExit, verify) = await RunAsync(AuditCommand.Create(), "audit", "verify");
        Assert.True(verifyExit == 0, verify);
    }

    private TrinnDbContext Open() => databases.Open(connection);

    private Task<(int Exit, string Output)> RunAsync(Command command, params string[] args) =>
        InProcessCli.RunAsync([command], databases.Provider, connection, args);
}

public sealed class FixMeasuresCommandSqliteTests() : FixMeasuresCommandTests(new SqliteScratchDatabases());

public sealed class FixMeasuresCommandPostgresTests() : FixMeasuresCommandTests(new PostgresScratchDatabases());
