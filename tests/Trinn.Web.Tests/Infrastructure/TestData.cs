using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.NationalIds;
using Trinn.Core.Teams;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Tests.Infrastructure;

/// <summary>
/// Small builders that put data straight into the app's database through its own DbContext and UserManager.
/// Every name is unique, so tests never see each other's data.
/// </summary>
public sealed class TestData(TrinnFactory factory)
{
    public const string Password = "Test!2345";

    private static readonly ConcurrentDictionary<string, byte> IssuedNationalIds = new();

    private readonly Lock rolesLock = new();
    private Task? roles;

    /// <summary>Today in Norwegian time by the app's clock.</summary>
    public DateOnly Today => NorwegianTime.Today(factory.Time);

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A valid synthetic (month + 80) number, never a real person's, and never the same twice in a test run.</summary>
    public static string SyntheticNationalId()
    {
        while (true)
        {
            var birth = new DateOnly(Random.Shared.Next(1950, 2005), Random.Shared.Next(1, 13), Random.Shared.Next(1, 29));
            var number = NationalIdNumber.CreateSynthetic(birth, Random.Shared);
            if (IssuedNationalIds.TryAdd(number, 0))
            {
                return number;
            }
        }
    }

    public async Task<T> WithDbAsync<T>(Func<TrinnDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TrinnDbContext>());
    }

    public async Task<Team> AddTeamAsync()
    {
        var team = new Team { Name = Unique("Team ") };
        return await WithDbAsync(async db =>
        {
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team;
        });
    }

    /// <summary>A new team with one jobbspesialist in it, and a NAV-veileder who refers to it.</summary>
    public async Task<Staff> AddTeamWithStaffAsync()
    {
        var team = await AddTeamAsync();
        return new Staff(team, await AddUserAsync(Roles.Jobbspesialist, team), await AddUserAsync(Roles.NavVeileder));
    }

    public Task<TrinnUser> AddUserAsync(string role, Team? team = null, string? userName = null)
    {
        var name = userName ?? Unique(role.ToLowerInvariant());
        return AddUserAsync(role, team?.Id, name, "Bruker " + name, Password);
    }

    /// <summary>A user with the name, display name and password a fixture's tests expect (a team member works full time).</summary>
    public async Task<TrinnUser> AddUserAsync(string role, int? teamId, string userName, string displayName, string password)
    {
        await EnsureRolesAsync();
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrinnUser>>();
        var user = new TrinnUser { UserName = userName, DisplayName = displayName, TeamId = teamId, Fte = teamId is null ? null : 1.0m };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>
    /// A candidate in <paramref name="team"/> referred <paramref name="referredDaysAgo"/> days ago, moved forward
    /// one stage per day from the referral date up to <paramref name="stage"/> (with <c>Candidate.Start</c> and
    /// <c>MoveToStage</c>, as the app does).
    /// </summary>
    public async Task<Candidate> AddCandidateAsync(
        Team team,
        TrinnUser referredBy,
        int stage = 1,
        TrinnUser? specialist = null,
        TrinnUser? backup = null,
        int referredDaysAgo = 60,
        DateOnly? lastContact = null,
        string? nextAction = null,
        DateOnly? stageSince = null,
        DateOnly? dischargedOn = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(referredBy);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var today = Today;
        var referredOn = today.AddDays(-referredDaysAgo);
        var candidate = new Candidate
        {
            TeamId = team.Id,
            FirstName = Unique("Fornavn"),
            LastName = Unique("Etternavn"),
            NationalId = SyntheticNationalId(),
            Phone = "40000000",
            PrimarySpecialistId = specialist?.Id,
            BackupSpecialistId = backup?.Id,
            NextAction = nextAction,
            NextActionDate = nextAction is null ? null : today.AddDays(3),
            CreatedAtUtc = now,
            Referral = new Referral
            {
                ReferredById = referredBy.Id,
                ReferredOn = referredOn,
                Innsatsgruppe = Innsatsgruppe.Situasjonsbestemt,
                Reason = "Trenger hjelp til å finne jobb.",
                RegisteredById = referredBy.Id,
                RegisteredAtUtc = now,
            },
        };
        candidate.Start(referredOn, referredBy.Id, now);
        var mover = specialist?.Id ?? referredBy.Id;
        for (var s = 2; s <= stage; s++)
        {
            var date = s == stage && stageSince is { } since ? since : referredOn.AddDays(s - 1);
            candidate.MoveToStage(s, date, "Klar for trinn " + s.ToString(CultureInfo.InvariantCulture), mover, today, now);
        }

        if (dischargedOn is { } discharged)
        {
            candidate.Discharge(discharged, DischargeOutcome.OrdinaryWork, null, referredOn, today);
        }

        if (lastContact is { } contact)
        {
            candidate.JournalNotes.Add(new JournalNote
            {
                AuthorId = mover,
                Date = contact,
                Kind = JournalKind.Meeting,
                Place = WorkPlace.OutOfOffice,
                DurationMinutes = 30,
                Text = "Samtale.",
                CreatedAtUtc = now,
            });
        }

        return await WithDbAsync(async db =>
        {
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            return candidate;
        });
    }

    /// <summary>
    /// The candidate's signed cooperation agreement (stage 1) with the consents given: what a test needs before it
    /// registers what a consent guards (an employer contact about the candidate, the stage shown to the NAV-veileder …).
    /// </summary>
    public Task<int> AddAgreementAsync(int candidateId, bool employerContact = false, bool navVeileder = false, bool healthAndNetwork = false, bool research = false) =>
        WithDbAsync(async db =>
        {
            db.CooperationAgreements.Add(new CooperationAgreement
            {
                CandidateId = candidateId,
                SignedOn = Today.AddDays(-30),
                Agreed = "Avtale om samarbeid",
                ConsentEmployerContact = employerContact,
                ConsentNavVeileder = navVeileder,
                ConsentHealthAndNetwork = healthAndNetwork,
                ConsentResearch = research,
            });
            return await db.SaveChangesAsync();
        });

    public Task<Candidate> LoadCandidateAsync(int id) => WithDbAsync(db => db.Candidates.AsNoTracking()
        .Include(c => c.Referral).Include(c => c.StageChanges).Include(c => c.ProfileVersions).Include(c => c.JournalNotes)
        .SingleAsync(c => c.Id == id));

    public Task<int> CountCandidatesAsync() => WithDbAsync(db => db.Candidates.CountAsync());

    /// <summary>Creates the app's roles once per app (the one role seeding of the web tests).</summary>
    public Task EnsureRolesAsync()
    {
        lock (rolesLock)
        {
            return roles ??= CreateRolesAsync();
        }
    }

    private async Task CreateRolesAsync()
    {
        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await manager.RoleExistsAsync(role))
            {
                Check(await manager.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Description)));
        }
    }
}

public sealed record Staff(Team Team, TrinnUser Specialist, TrinnUser NavVeileder);
