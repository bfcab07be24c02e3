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
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Cli.Tests.Check;

/// <summary>
/// <c>trinn fix followups-without-job</c>: before 8d255b4 a follow-up added by hand belonged to no job, so ending the job
/// left it open and overdue for ever. The fix ties each to the paid job running on its planned date, closes it if that job
/// has ended (audited, the chain intact), and leaves the rest for a person.
/// </summary>
public abstract class FixFollowUpsCommandTests(ScratchDatabases databases) : IAsyncLifetime
{
    private static readonly DateOnly EndedStart = new(2026, 3, 2);
    private static readonly DateOnly EndedEnd = new(2026, 9, 30);
    private static readonly DateOnly RunningStart = new(2026, 11, 2);
    private readonly Dictionary<string, int> ids = [];

    private string connection = "";

    public async Task InitializeAsync()
    {
        connection = await databases.CreateAsync();
        await using var db = Open();
        await db.Database.MigrateAsync();
        var (team, user, study) = await RetentionSeed.BasicsAsync(db);
        var candidate = await RetentionSeed.CandidateAsync(db, team, user, study, new DateOnly(2025, 10, 1), null);
        var twoJobs = await RetentionSeed.CandidateAsync(db, team, user, study, new DateOnly(2025, 10, 1), null);
        var employer = await db.Set<Employer>().FirstAsync();
        var now = DateTime.UtcNow;

        // The seed's paid job (from 20 November 2025) ended before the dates below; its planned slot has no job.
        var seeded = await db.Set<Placement>().Include(p => p.FollowUps).Include(p => p.Measures).SingleAsync(p => p.CandidateId == candidate.Id);
        seeded.End(new DateOnly(2025, 12, 31), PlacementEnding.Dismissed, new DateOnly(2026, 1, 1));
        var ended = Placement.Register(candidate.Id, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 60, EndedStart, null, user, now);
        ended.End(EndedEnd, PlacementEnding.Dismissed, EndedEnd.AddDays(1));
        var unpaid = Placement.Register(candidate.Id, employer.Id, PlacementKind.Arbeidstrening, LabourMarket.Regular, null, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 20), user, now);
        var running = Placement.Register(candidate.Id, employer.Id, PlacementKind.Temporary, LabourMarket.Regular, 50, RunningStart, null, user, now);
        var overlapping = Placement.Register(twoJobs.Id, employer.Id, PlacementKind.OnCall, LabourMarket.Regular, 20, new DateOnly(2026, 2, 1), null, user, now);
        db.AddRange(ended, unpaid, running, overlapping);

        // Added by hand before they were tied to the running job: no PlacementId (dates were in the future then).
        FollowUp ByHand(int candidateId, DateOnly date) => FollowUp.ByHand(candidateId, date, null, null, null, date);
        var duringEnded = ByHand(candidate.Id, new DateOnly(2026, 6, 15));
        var duringRunning = ByHand(candidate.Id, RunningStart.AddDays(18));
        var noPaidJob = ByHand(candidate.Id, new DateOnly(2026, 10, 10)); // only the arbeidstrening ran that day
        var done = ByHand(candidate.Id, new DateOnly(2026, 6, 22));
        done.MarkDone(new DateOnly(2026, 6, 22), FollowUpDoneBy.JournalNote);
        var plannedSlot = FollowUp.Planned(candidate.Id, FollowUpKind.Weekly, new DateOnly(2026, 6, 29));
        var twoPaidJobs = ByHand(twoJobs.Id, new DateOnly(2026, 4, 1)); // the seed's job and the on-call job both ran
        db.AddRange(duringEnded, duringRunning, noPaidJob, done, plannedSlot, twoPaidJobs);
        await db.SaveChangesAsync();
        foreach (var (name, f) in new[] { ("duringEnded", duringEnded), ("duringRunning", duringRunning), ("noPaidJob", noPaidJob), ("done", done), ("plannedSlot", plannedSlot), ("twoPaidJobs", twoPaidJobs) })
        {
            ids[name] = f.Id;
        }

        ids["ended"] = ended.Id;
        ids["running"] = running.Id;
    }

    public async Task DisposeAsync() => await databases.DisposeAsync();

    [Fact]
    public async Task FixFollowUps_AddedByHandWithoutJob_TiedToTheJobOnTheirDateClosedIfEndedAuditedOthersUnchanged()
    {
        var (exit, output) = await RunAsync(FixCommand.Create(), "fix", "followups-without-job");

        Assert.True(exit == 0, output);
        Assert.Contains(Ids($"2 follow-up(s) now belong to their job (audited): {ids["duringEnded"]}, {ids["duringRunning"]}"), output, StringComparison.Ordinal);
        Assert.Contains(Ids($"1 of them closed as their job has ended: {ids["duringEnded"]}"), output, StringComparison.Ordinal);
        Assert.Contains(Ids($"2 follow-up(s) left for a person (no paid job, or more than one, on the planned date): {Math.Min(ids["noPaidJob"], ids["twoPaidJobs"])}, {Math.Max(ids["noPaidJob"], ids["twoPaidJobs"])}"), output, StringComparison.Ordinal);
        await using (var db = Open())
        {
            var rows = await db.Set<FollowUp>().AsNoTracking().ToDictionaryAsync(f => f.Id);
            Assert.Equal(ids["ended"], rows[ids["duringEnded"]].PlacementId);
            Assert.Equal(EndedEnd, rows[ids["duringEnded"]].ClosedOn);
            Assert.Equal(FollowUpClosedReason.JobEnded, rows[ids["duringEnded"]].ClosedReason);
            Assert.Equal(ids["running"], rows[ids["duringRunning"]].PlacementId);
            Assert.True(rows[ids["duringRunning"]].IsOpen);
            foreach (var name in new[] { "noPaidJob", "done", "plannedSlot", "twoPaidJobs" })
            {
                Assert.Null(rows[ids[name]].PlacementId);
                Assert.Null(rows[ids[name]].ClosedOn);
            }

            var audited = await db.Set<AuditEntry>().AsNoTracking()
                .Where(a => a.EntityType == nameof(FollowUp) && a.Action == AuditAction.Update).Select(a => a.EntityId).ToListAsync();
            Assert.Equal(new[] { ids["duringEnded"], ids["duringRunning"] }.Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), audited.Order());
        }

        var (again, second) = await RunAsync(FixCommand.Create(), "fix", "followups-without-job");
        Assert.Equal(0, again);
        Assert.Contains("nothing was changed", second, StringComparison.Ordinal);
        await using (var db = Open())
        {
            Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(FollowUp) && a.Action == AuditAction.Update));
        }

        var (verifyExit, verify) = await RunAsync(AuditCommand.Create(), "audit", "verify");
        Assert.True(verifyExit == 0, verify);
    }

    private static string Ids(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private TrinnDbContext Open() => databases.Open(connection);

    private Task<(int Exit, string Output)> RunAsync(Command command, params string[] args) =>
        InProcessCli.RunAsync([command], databases.Provider, connection, args);
}

public sealed class FixFollowUpsCommandSqliteTests() : FixFollowUpsCommandTests(new SqliteScratchDatabases());

public sealed class FixFollowUpsCommandPostgresTests() : FixFollowUpsCommandTests(new PostgresScratchDatabases());
