using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trinn.Cli.Audit;
using Trinn.Cli.Seed;
using Trinn.Cli.Tests.Backup;
using Trinn.Core.Audit;
using Trinn.Core.Demo;
using Trinn.Core.Employers;
using Trinn.Core.Fidelity;
using Trinn.Core.Identity;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;

namespace Trinn.Cli.Tests.Seed;

/// <summary>
/// <c>trinn seed --scale team</c> on a real database (the national scale is the same code with larger numbers and runs
/// in the benchmark, not here): every area filled to the preset's numbers, the demo users able to sign in and placed in
/// the generated team, a valid audit chain, intact references, and the same data again from the same seed.
/// </summary>
public abstract class SeedCommandTests(ScratchDatabases databases) : IAsyncLifetime
{
    private const string Today = "2026-06-01";

    [Fact]
    public async Task SeedTeam_EmptyDatabase_FillsEveryAreaToThePresetWithDemoUsersAndAValidChain()
    {
        var connection = await databases.CreateAsync();

        var (exit, output) = await RunAsync(connection, "seed", "--scale", "team", "--seed", "7", "--today", Today);

        Assert.True(exit == 0, output);
        Assert.Contains("ok: scale team, seed 7", output, StringComparison.Ordinal);
        var scale = SeedScale.Team;
        await using (var db = databases.Open(connection))
        {
            Assert.Equal(scale.Teams, await db.Teams.CountAsync());
            Assert.Equal(scale.ActiveCandidates, await db.Candidates.CountAsync(c => c.DischargedOn == null));
            Assert.Equal(scale.DischargedCandidates, await db.Candidates.CountAsync(c => c.DischargedOn != null));
            Assert.Equal(scale.ActiveCandidates + scale.DischargedCandidates, await db.Referrals.CountAsync());
            Assert.Equal(scale.Employers, await db.Set<Employer>().CountAsync());
            Assert.Equal(scale.EmployerContacts, await db.Set<EmployerContact>().CountAsync());
            Assert.InRange(await db.JournalNotes.CountAsync(), scale.JournalNotes * 98 / 100, scale.JournalNotes);
            Assert.Equal(scale.TimeBlocks, await db.Set<TimeBlock>().CountAsync());
            Assert.Equal(scale.AuditEntries, await db.Set<AuditEntry>().CountAsync());
            Assert.InRange(await db.Set<Placement>().CountAsync(), scale.Placements / 2, scale.Placements);
            Assert.True(await db.Set<SupportMeasure>().AnyAsync());
            // Every dated measure starts inside its job (Placement.AddMeasure), and one on an ended job ends with it.
            Assert.Equal(0, await db.Set<SupportMeasure>().CountAsync(m => m.FromDate != null
                && (m.FromDate < m.Placement!.StartDate || m.FromDate > m.Placement.EndDate
                    || (m.Placement.Ending != null && (m.ToDate == null || m.ToDate > m.Placement.EndDate)))));
            Assert.True(await db.Set<SupportMeasure>().AnyAsync(m => m.FromDate != null && m.Placement!.Ending != null));
            Assert.True(await db.Set<FidelityResponse>().AnyAsync());

            // Stage histories: moves forward and back, every candidate's current stage is where its last move went.
            Assert.True(await db.StageChanges.AnyAsync(s => s.FromStage > s.ToStage));
            var wrong = await db.Candidates.CountAsync(c => c.StageChanges.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).First().ToStage != c.Stage);
            Assert.Equal(0, wrong);
            Assert.Equal(scale.Specialists, await UsersInRoleAsync(db, Roles.Jobbspesialist));

            var hasher = new PasswordHasher<TrinnUser>();
            foreach (var login in DemoSeeder.Logins)
            {
                var user = await db.Users.SingleAsync(u => u.UserName == login.UserName);
                Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoSeeder.DefaultPassword));
                Assert.Equal(login.Team is not null, user.TeamId is not null);
            }

            var specialist = await db.Users.SingleAsync(u => u.UserName == DemoSeeder.Logins[0].UserName);
            Assert.InRange(await db.Candidates.CountAsync(c => c.PrimarySpecialistId == specialist.Id && c.DischargedOn == null && c.TeamId == specialist.TeamId), 3, 60);
            Assert.Equal("", await databases.IntegrityProblemsAsync(connection));
        }

        var (verifyExit, verify) = await RunAsync(connection, "audit", "verify");
        Assert.True(verifyExit == 0, verify);
        Assert.Contains($"ok: {scale.AuditEntries} audit entries, chain intact", verify, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedTeam_DatabaseWithData_RefusesAndAddsNothing()
    {
        var connection = await databases.CreateAsync();
        Assert.Equal(0, (await RunAsync(connection, "seed", "--scale", "team", "--today", Today)).Exit);
        int candidates;
        await using (var db = databases.Open(connection))
        {
            candidates = await db.Candidates.CountAsync();
        }

        var (exit, output) = await RunAsync(connection, "seed", "--scale", "team", "--today", Today);

        Assert.Equal(2, exit);
        Assert.Contains("already has data", output, StringComparison.Ordinal);
        await using var after = databases.Open(connection);
        Assert.Equal(candidates, await after.Candidates.CountAsync());
    }

    [Fact]
    public async Task Seed_UnknownScale_ExitsTwoAndNamesTheScales()
    {
        var connection = await databases.CreateAsync();

        var (exit, output) = await RunAsync(connection, "seed", "--scale", "country");

        Assert.Equal(2, exit);
        Assert.Contains("national, region, team", output, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await databases.DisposeAsync();

    protected async Task<(int Exit, string Output)> RunAsync(string connection, params string[] args)
    {
        using var output = new StringWriter();
        var root = new RootCommand { SeedCommand.Create(), AuditCommand.Create() };
        var exit = await root.Parse([.. args, "--provider", databases.Provider.ToString(), "--connection", connection])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    private static Task<int> UsersInRoleAsync(Core.Data.TrinnDbContext db, string role) =>
        db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role));
}

public sealed class SeedCommandSqliteTests() : SeedCommandTests(new SqliteScratchDatabases())
{
    [Fact]
    public async Task SeedTeam_SameSeedAndDayTwice_WritesTheSameData()
    {
        var first = await SeedAndFingerprintAsync();
        var second = await SeedAndFingerprintAsync();

        Assert.Equal(first, second);
    }

    /// <summary>Every table except the two values drawn fresh on purpose: the national ID's nonce and the password's salt.</summary>
    private static async Task<SortedDictionary<string, string>> SeedAndFingerprintAsync()
    {
        var databases = new SqliteScratchDatabases();
        await using var _ = databases;
        var connection = await databases.CreateAsync();
        var (exit, output) = await RunSeedAsync(databases, connection);
        Assert.True(exit == 0, output);
        await using var db = databases.Open(connection);
        return await DatabaseFingerprint.ComputeAsync(db, "Candidates.NationalId", "AspNetUsers.PasswordHash");
    }

    private static async Task<(int Exit, string Output)> RunSeedAsync(ScratchDatabases databases, string connection)
    {
        using var output = new StringWriter();
        var exit = await new RootCommand { SeedCommand.Create() }
            .Parse(["seed", "--scale", "team", "--seed", "11", "--today", "2026-03-15", "--provider", "Sqlite", "--connection", connection])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }
}

public sealed class SeedCommandPostgresTests() : SeedCommandTests(new PostgresScratchDatabases());
