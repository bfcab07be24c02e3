using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Indicators;
using Trinn.Core.Teams;

namespace Trinn.Core.Demo;

/// <summary>
/// Creates the demo installation: two teams as in the report with more than two years of history, a third team in
/// its start-up year, one user per role, and fictional candidates with synthetic national IDs followed through all
/// five stages (<see cref="DemoCandidates"/>). Deterministic from a seed for a given day. Runs only on an empty
/// database and never in production (the caller checks).
/// </summary>
public sealed class DemoSeeder(
    TrinnDbContext db,
    UserManager<TrinnUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider time)
{
    public const string DefaultPassword = "Demo!2345";

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("jobbspesialist1", Roles.Jobbspesialist, "Team 1"),
        new("jobbspesialist2", Roles.Jobbspesialist, "Team 1"),
        new("jobbspesialist3", Roles.Jobbspesialist, "Team 1"),
        new("jobbspesialist4", Roles.Jobbspesialist, "Team 2"),
        new("jobbspesialist5", Roles.Jobbspesialist, "Team 2"),
        new("metodeveileder1", Roles.Metodeveileder, "Team 1"),
        new("metodeveileder2", Roles.Metodeveileder, "Team 2"),
        new("navveileder1", Roles.NavVeileder, null),
        new("leder1", Roles.Leder, null),
        new("forsker1", Roles.Forsker, null),
        new("admin", Roles.Admin, null),
        new("jobbspesialist6", Roles.Jobbspesialist, "Team 3"),
        new("jobbspesialist7", Roles.Jobbspesialist, "Team 3"),
        new("metodeveileder3", Roles.Metodeveileder, "Team 3"),
    ];

    private static readonly string[] DisplayNames =
    [
        "Kari Nordmann", "Ola Fjell", "Ingrid Berg", "Per Dahl", "Sofie Lund", "Marte Vik", "Jonas Strand",
        "Hanne Veileder", "Leif Leder", "Forsker Fjeld", "Administrator", "Amina Haugen", "Erik Sand", "Tone Myhre",
    ];

    private static readonly decimal?[] Ftes = [1.0m, 0.8m, 1.0m, 1.0m, 0.6m, 0.5m, 0.5m, null, null, null, null, 1.0m, 0.8m, 0.5m];

    /// <summary>How long ago Team 1 and Team 2 started, and Team 3 (in its start-up year).</summary>
    public const int EstablishedTeamMonths = 30;
    public const int NewTeamMonths = 7;

    public async Task<bool> SeedIfEmptyAsync(string password, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return false;
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var team1 = new Team { Name = "Team 1" };
        var team2 = new Team { Name = "Team 2" };
        var team3 = new Team { Name = "Team 3" };
        team1.SetStartedOn(today.AddMonths(-EstablishedTeamMonths), today);
        team2.SetStartedOn(today.AddMonths(-EstablishedTeamMonths), today);
        team3.SetStartedOn(today.AddMonths(-NewTeamMonths), today);
        db.Teams.AddRange(team1, team2, team3);
        await db.SaveChangesAsync(ct);

        var created = new Dictionary<string, TrinnUser>();
        var teams = new Dictionary<string, Team> { ["Team 1"] = team1, ["Team 2"] = team2, ["Team 3"] = team3 };
        // One hash for every demo user: they share the password, and hashing it fourteen times would take a second.
        var hash = users.PasswordHasher.HashPassword(new TrinnUser { DisplayName = "" }, password);
        for (var i = 0; i < Logins.Count; i++)
        {
            var login = Logins[i];
            var user = new TrinnUser
            {
                UserName = login.UserName,
                Email = login.UserName + "@trinn.example",
                EmailConfirmed = true,
                DisplayName = DisplayNames[i],
                Fte = Ftes[i],
                TeamId = login.Team is { } team ? teams[team].Id : null,
                PasswordHash = hash,
            };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    "Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
            }

            await users.AddToRoleAsync(user, login.Role);
            created[login.UserName] = user;
        }

        db.AddRange(Memberships(created, teams, today, now));
        db.Add(IndicatorTarget.Create(IndicatorKeys.Caseload, new DateOnly(today.Year, 1, 1), 12, 20,
            $"Oppdragsbrev {today.Year} fra Arbeids- og velferdsdirektoratet (demo)", created["admin"].Id, now));
        SeedCandidates(created, team1, team2, team3);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await DemoFidelitySeeder.SeedAsync(db, created, [team1, team2, team3], today, now, ct);
        await new EmployerDemoSeeder(db, time).SeedAsync(ct);
        await SeedStudyAsync(created["admin"].Id, created["forsker1"].Id, ct);
        await new SurveyDemoSeeder(db, time).SeedAsync(ct);
        await new WorkingPracticeDemoSeeder(db, time).SeedAsync(ct);
        return true;
    }

    /// <summary>
    /// Team and FTE history: jobbspesialist3 moved from Team 2 to Team 1 fifteen months ago, jobbspesialist5 went down
    /// from full time to 60 % eight months ago, and Team 3's people joined when it started.
    /// </summary>
    private static IEnumerable<TeamMembership> Memberships(Dictionary<string, TrinnUser> u, Dictionary<string, Team> teams, DateOnly today, DateTime now)
    {
        var start = today.AddMonths(-EstablishedTeamMonths);
        TeamMembership M(string user, string team, decimal fte, DateOnly from) => TeamMembership.Start(u[user].Id, teams[team].Id, fte, from, now);
        var moved = today.AddMonths(-15);
        var reduced = today.AddMonths(-8);
        var history = new List<TeamMembership>
        {
            M("jobbspesialist1", "Team 1", 1.0m, start),
            M("jobbspesialist2", "Team 1", 0.8m, start),
            M("metodeveileder1", "Team 1", 0.5m, start),
            M("jobbspesialist4", "Team 2", 1.0m, start),
            M("metodeveileder2", "Team 2", 0.5m, start),
            M("jobbspesialist6", "Team 3", 1.0m, today.AddMonths(-NewTeamMonths)),
            M("jobbspesialist7", "Team 3", 0.8m, today.AddMonths(-NewTeamMonths + 1)),
            M("metodeveileder3", "Team 3", 0.5m, today.AddMonths(-NewTeamMonths)),
        };
        var js3 = new List<TeamMembership> { M("jobbspesialist3", "Team 2", 1.0m, start) };
        TeamMembership.Change(u["jobbspesialist3"], js3, teams["Team 1"].Id, 1.0m, moved, today, now);
        var js5 = new List<TeamMembership> { M("jobbspesialist5", "Team 2", 1.0m, start) };
        TeamMembership.Change(u["jobbspesialist5"], js5, teams["Team 2"].Id, 0.6m, reduced, today, now);
        return history.Concat(js3).Concat(js5);
    }

    /// <summary>A study over all teams with every candidate who consented to research, granted to forsker1, so the forsker pages have data.</summary>
    private async Task SeedStudyAsync(string adminId, string forskerId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var study = Research.Study.Create("Følgeforskning Utvidet oppfølging", wholeOrganisation: true, [], adminId, now);
        db.Add(study);
        await db.SaveChangesAsync(ct);
        db.Add(new Research.StudyResearcher { StudyId = study.Id, UserId = forskerId, GrantedById = adminId, GrantedAtUtc = now });
        var consenting = await db.Candidates.Where(c => c.Agreement != null && c.Agreement.ConsentResearch).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in consenting)
        {
            await Research.StudyEnrolment.EnrolAsync(db, study, id, adminId, now, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private void SeedCandidates(Dictionary<string, TrinnUser> u, Team team1, Team team2, Team team3)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var generator = new DemoCandidates(new Random(2017), DateOnly.FromDateTime(now), now, u["navveileder1"].Id);
        var start = generator.Today.AddMonths(-EstablishedTeamMonths);
        var moved = generator.Today.AddMonths(-15);
        var reduced = generator.Today.AddMonths(-8);
        // Who took new referrals when: (team, specialist, FTE, from, to, who follows them up today).
        var spans = new List<DemoCandidates.Intake>
        {
            new(team1.Id, u["jobbspesialist1"], 1.0m, start, null, [u["jobbspesialist2"], u["jobbspesialist3"]]),
            new(team1.Id, u["jobbspesialist2"], 0.8m, start, null, [u["jobbspesialist1"], u["jobbspesialist3"]]),
            new(team1.Id, u["jobbspesialist3"], 1.0m, moved, null, [u["jobbspesialist1"], u["jobbspesialist2"]]),
            new(team2.Id, u["jobbspesialist3"], 1.0m, start, moved.AddDays(-1), [u["jobbspesialist4"], u["jobbspesialist5"]]),
            new(team2.Id, u["jobbspesialist4"], 1.0m, start, null, [u["jobbspesialist5"]]),
            new(team2.Id, u["jobbspesialist5"], 1.0m, start, reduced.AddDays(-1), [u["jobbspesialist4"]]),
            new(team2.Id, u["jobbspesialist5"], 0.6m, reduced, null, [u["jobbspesialist4"]]),
            new(team3.Id, u["jobbspesialist6"], 1.0m, generator.Today.AddMonths(-NewTeamMonths), null, [u["jobbspesialist7"]]),
            new(team3.Id, u["jobbspesialist7"], 0.8m, generator.Today.AddMonths(-NewTeamMonths + 1), null, [u["jobbspesialist6"]]),
        };
        var candidates = generator.Generate(spans);
        db.Candidates.AddRange(candidates);
    }
}

public sealed record DemoLogin(string UserName, string Role, string? Team);
