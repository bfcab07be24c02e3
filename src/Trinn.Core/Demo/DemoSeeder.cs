using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.NationalIds;
using Trinn.Core.Teams;

namespace Trinn.Core.Demo;

/// <summary>
/// Creates the demo installation: two teams as in the report, one user per role and ~30 fictional candidates
/// with synthetic national IDs. Runs only on an empty database and never in production (the caller checks).
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
    ];

    private static readonly string[] DisplayNames =
    [
        "Kari Nordmann", "Ola Fjell", "Ingrid Berg", "Per Dahl", "Sofie Lund", "Marte Vik", "Jonas Strand",
        "Hanne Veileder", "Leif Leder", "Forsker Fjeld", "Administrator",
    ];

    private static readonly decimal?[] Ftes = [1.0m, 0.8m, 1.0m, 1.0m, 0.6m, 0.5m, 0.5m, null, null, null, null];

    private static readonly string[] FirstNames =
    [
        "Amir", "Berit", "Cecilie", "David", "Eirik", "Fatima", "Geir", "Hilde", "Ida", "Jon", "Kristin", "Lars",
        "Mona", "Nils", "Oda", "Petter", "Rania", "Silje", "Tor", "Une", "Vegard", "Wenche", "Yusuf", "Åse",
        "Bjørn", "Camilla", "Dag", "Elin", "Frode", "Guro",
    ];

    private static readonly string[] LastNames =
    [
        "Aas", "Bakke", "Dale", "Eide", "Foss", "Haug", "Holm", "Jensen", "Kvam", "Lie", "Moe", "Nilsen",
        "Ruud", "Sæther", "Tangen", "Vold", "Øien", "Brekke", "Hagen", "Solberg",
    ];

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

        var team1 = new Team { Name = "Team 1" };
        var team2 = new Team { Name = "Team 2" };
        db.Teams.AddRange(team1, team2);
        await db.SaveChangesAsync(ct);

        var created = new Dictionary<string, TrinnUser>();
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
                TeamId = login.Team switch { "Team 1" => team1.Id, "Team 2" => team2.Id, _ => null },
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    "Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
            }

            await users.AddToRoleAsync(user, login.Role);
            created[login.UserName] = user;
        }

        SeedCandidates(created, team1, team2);
        await db.SaveChangesAsync(ct);
        await new EmployerDemoSeeder(db, time).SeedAsync(ct);
        await SeedStudyAsync(created["admin"].Id, created["forsker1"].Id, ct);
        await new SurveyDemoSeeder(db, time).SeedAsync(ct);
        await new WorkingPracticeDemoSeeder(db, time).SeedAsync(ct);
        return true;
    }

    /// <summary>A study over both teams with every candidate who consented to research, granted to forsker1, so the forsker pages have data.</summary>
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

    private void SeedCandidates(Dictionary<string, TrinnUser> u, Team team1, Team team2)
    {
        var random = new Random(2017);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var veileder = u["navveileder1"];
        string[] team1Specialists = ["jobbspesialist1", "jobbspesialist2", "jobbspesialist3"];
        string[] team2Specialists = ["jobbspesialist4", "jobbspesialist5"];

        for (var i = 0; i < 30; i++)
        {
            var inTeam1 = i % 5 < 3;
            var pool = inTeam1 ? team1Specialists : team2Specialists;
            var primary = u[pool[i % pool.Length]];
            var backup = u[pool[(i + 1) % pool.Length]];
            var referredOn = today.AddDays(-random.Next(20, 400));
            var birth = new DateOnly(random.Next(1968, 2003), random.Next(1, 13), random.Next(1, 29));
            var candidate = new Candidate
            {
                TeamId = inTeam1 ? team1.Id : team2.Id,
                FirstName = FirstNames[i],
                LastName = LastNames[random.Next(LastNames.Length)],
                NationalId = NationalIdNumber.CreateSynthetic(birth, random),
                Phone = "4" + random.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Email = $"kandidat{i + 1}@eksempel.no",
                Address = $"Eksempelveien {i + 1}, 0150 Oslo",
                PrimarySpecialistId = i == 29 ? null : primary.Id,
                BackupSpecialistId = i == 29 ? null : backup.Id,
                CreatedAtUtc = now,
            };
            candidate.Referral = new Referral
            {
                ReferredById = veileder.Id,
                ReferredOn = referredOn,
                Innsatsgruppe = i % 3 == 0 ? Innsatsgruppe.SpesieltTilpasset : Innsatsgruppe.Situasjonsbestemt,
                Reason = "Ønsker hjelp til å komme i ordinært arbeid.",
                RegisteredById = veileder.Id,
                RegisteredAtUtc = now,
            };
            candidate.Start(referredOn, veileder.Id, now);

            var target = 1 + (i % 5);
            var span = today.DayNumber - referredOn.DayNumber;
            var date = referredOn;
            if (i != 29)
            {
                candidate.Agreement = new CooperationAgreement
                {
                    SignedOn = referredOn.AddDays(Math.Min(7, span)),
                    Agreed = "Samarbeid om å finne en jobb ut fra kandidatens ønsker.",
                    ConsentEmployerContact = true,
                    ConsentNavVeileder = true,
                    ConsentResearch = i % 2 == 0,
                };
            }

            for (var stage = 2; stage <= target; stage++)
            {
                date = date.AddDays(Math.Max(1, span / (target + 2)));
                candidate.MoveToStage(stage, date, StageReason(stage), primary.Id, today, now);
                if (stage == 2)
                {
                    candidate.ProfileVersions.Add(Profile(1, primary.Id, now.AddDays(-(today.DayNumber - date.DayNumber))));
                }
            }

            if (i % 7 == 4 && candidate.Stage >= 4)
            {
                // "To skritt frem og ett tilbake": a lost job sends the candidate back to stage 3.
                date = date.AddDays(Math.Max(1, (today.DayNumber - date.DayNumber) / 2));
                candidate.MoveToStage(3, date, "Mistet jobben etter prøveperioden", primary.Id, today, now);
            }

            var lastContact = i % 6 == 5 ? today.AddDays(-20 - i) : today.AddDays(-(i % 10));
            if (lastContact < candidate.StageSince)
            {
                lastContact = candidate.StageSince;
            }

            candidate.JournalNotes.Add(new JournalNote
            {
                AuthorId = primary.Id,
                Date = lastContact,
                Kind = (JournalKind)(1 + (i % 6)),
                Place = i % 3 == 0 ? WorkPlace.Office : WorkPlace.OutOfOffice,
                DurationMinutes = 30 + (15 * (i % 4)),
                Text = "Samtale om jobbønsker og neste steg.",
                CreatedAtUtc = now,
            });
            candidate.NextAction = i % 4 == 0 ? null : "Besøke aktuell arbeidsgiver sammen";
            candidate.NextActionDate = candidate.NextAction is null ? null : today.AddDays(1 + (i % 9));

            if (i is 24 or 27)
            {
                candidate.Discharge(today.AddDays(-3), i == 24 ? DischargeOutcome.OrdinaryWork : DischargeOutcome.Education,
                    null, referredOn, today);
            }

            db.Candidates.Add(candidate);
        }
    }

    private static string StageReason(int stage) => stage switch
    {
        2 => "Samarbeidsavtale signert",
        3 => "Yrkesprofil ferdig",
        4 => "Fått jobbtilbud",
        _ => "Startet i jobb, oppfølging på arbeidsplassen",
    };

    private static VocationalProfileVersion Profile(int version, string by, DateTime savedAt) => new()
    {
        VersionNumber = version,
        SavedById = by,
        SavedAtUtc = savedAt,
        Interests = "Praktisk arbeid, gjerne med mennesker",
        WorkExperience = "Butikk og lager",
        Education = "Videregående, påbegynt",
        Strengths = "Pålitelig, god med kunder",
        Challenges = "Lite energi om morgenen",
        Friskfaktorer = "Faste rammer og en kollega å spørre",
        PreferredIndustries = "Varehandel, lager",
        PreferredHours = "50–80 %",
        PreferredPlaces = "Oslo øst",
        Adaptations = "Start kl. 10",
        PersonalContacts = "Onkel driver verksted",
    };
}

public sealed record DemoLogin(string UserName, string Role, string? Team);
