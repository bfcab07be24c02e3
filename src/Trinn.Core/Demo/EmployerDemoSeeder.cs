using Microsoft.EntityFrameworkCore;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.Identity;
using Trinn.Core.Opportunities;

namespace Trinn.Core.Demo;

/// <summary>
/// Demo data for stages 3–5 over the demo's history, on top of <see cref="DemoSeeder"/>'s teams, users and candidates:
/// employers with contacts (in person and by phone, many about a candidate), trials and paid jobs of every kind with
/// support measures of every kind and their follow-up plans (mostly kept, some late, a few overdue; one added by hand,
/// still open), wage subsidies past review, follow-up periods, logged time in and out of the office with holidays and
/// sick leave, and job opportunities (one carved for a candidate). Paid jobs follow the candidates' stage moves ("Startet i betalt jobb",
/// "Jobben tok slutt"). Fictional names; organisation numbers are made up with a correct control digit.
/// </summary>
public sealed class EmployerDemoSeeder(TrinnDbContext db, TimeProvider time)
{
    private static readonly (string Name, string Industry, EmployerSector Sector, EmployerSize Size)[] Employers =
    [
        ("Fjordbakeriet AS", "Bakeri", EmployerSector.Private, EmployerSize.Small),
        ("Lagerhuset Øst AS", "Lager og logistikk", EmployerSector.Private, EmployerSize.Medium),
        ("Grønn Gartneri AS", "Gartneri", EmployerSector.Private, EmployerSize.Small),
        ("Bydel Eksempel sykehjem", "Helse og omsorg", EmployerSector.Public, EmployerSize.Large),
        ("Sykkelverkstedet AS", "Verksted", EmployerSector.Private, EmployerSize.Small),
        ("Kantina Sentrum AS", "Servering", EmployerSector.Private, EmployerSize.Medium),
        ("Byggvare Nord AS", "Byggevarer", EmployerSector.Private, EmployerSize.Medium),
        ("Rent og Pent Renhold AS", "Renhold", EmployerSector.Private, EmployerSize.Medium),
        ("Eksempel kommune, park og idrett", "Park og grøntanlegg", EmployerSector.Public, EmployerSize.Large),
        ("Matkroken Torget", "Dagligvare", EmployerSector.Private, EmployerSize.Small),
        ("Hotell Fjordutsikt", "Hotell", EmployerSector.Private, EmployerSize.Medium),
        ("Bilpleie Senter AS", "Bilpleie", EmployerSector.Private, EmployerSize.Small),
        ("Barnehagen Solsikken", "Barnehage", EmployerSector.Public, EmployerSize.Small),
        ("Trykkeriet Vest AS", "Trykkeri", EmployerSector.Private, EmployerSize.Small),
        ("Kafé Hjørnet", "Servering", EmployerSector.Private, EmployerSize.Small),
        ("Logistikksenteret Syd AS", "Lager og logistikk", EmployerSector.Private, EmployerSize.Large),
    ];

    /// <summary>Employers the specialists find as the network grows: a kind of business, named after a place.</summary>
    private static readonly (string Kind, string Industry)[] NewEmployers =
    [
        ("Bakeri AS", "Bakeri"), ("Lager AS", "Lager og logistikk"), ("Dagligvare", "Dagligvare"), ("Bilverksted AS", "Verksted"),
        ("Kafé", "Servering"), ("Renhold AS", "Renhold"), ("Blomster AS", "Gartneri"), ("Byggservice AS", "Byggevarer"),
        ("Vaskeri AS", "Vaskeri"), ("Sportsbutikk", "Varehandel"), ("Dyreklinikk", "Dyrehelse"), ("Kantine AS", "Servering"),
    ];

    private static readonly string[] Places =
    [
        "Grorud", "Furuset", "Vålerenga", "Kampen", "Tøyen", "Økern", "Lambertseter", "Bryn", "Helsfyr", "Sagene", "Torshov", "Ensjø",
        "Linderud", "Bjerke", "Veitvet", "Romsås", "Stovner", "Haugerud", "Tveita", "Manglerud",
    ];

    /// <summary>Months of work history before today (the candidates' history reaches 30 months back; work records two years and two months).</summary>
    public const int HistoryMonths = 26;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var random = new Random(4242);
        var candidates = await db.Candidates.Include(c => c.Referral).Include(c => c.StageChanges)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var teams = candidates.Select(c => c.TeamId).Distinct().Order().ToList();
        var number = 91_000_000;
        var employers = new Dictionary<int, List<Employer>>();
        foreach (var teamId in teams)
        {
            employers[teamId] = [];
            foreach (var (name, industry, sector, size) in Employers)
            {
                var employer = new Employer { TeamId = teamId, Sector = sector, Industry = industry, Size = size, IaAgreement = sector == EmployerSector.Public, CreatedAtUtc = now };
                employer.Rename(name, NextOrgNumber(ref number));
                employer.Address = "Eksempelveien " + (employers[teamId].Count + 10) + ", 0150 Oslo";
                employer.ContactPersons.Add(new EmployerContactPerson { Name = "Daglig leder " + (employers[teamId].Count + 1), Role = "Daglig leder" });
                employers[teamId].Add(employer);
            }

            db.AddRange(employers[teamId]);
        }

        await db.SaveChangesAsync(ct);

        var work = new DemoWork(random, today, now);
        var jobs = new List<DemoWork.Job>();
        foreach (var c in candidates)
        {
            jobs.AddRange(work.Placements(c, employers[c.TeamId], db));
        }

        work.EnsureEveryMeasureKind(jobs, now);
        if (work.ByHandFollowUp(jobs) is { } byHand)
        {
            db.Add(byHand);
        }

        await db.SaveChangesAsync(ct);
        foreach (var c in candidates.Where(c => c.DischargedOn is null && c.PrimarySpecialistId is not null))
        {
            var referred = c.Referral?.ReferredOn ?? c.StageSince;
            var period = FollowUpPeriod.Start(c.Id, referred, reducedWorkCapacity: c.Id % 3 == 0);
            if (period.EndDate < today && period.Limit >= today)
            {
                period.Extend(period.Limit < today.AddDays(60) ? period.Limit : today.AddDays(60), "Trenger mer tid på arbeidsplassen", c.PrimarySpecialistId!, today);
            }

            if (period.EndDate >= today)
            {
                db.Add(period);
            }
        }

        var memberships = await db.Set<Teams.TeamMembership>().AsNoTracking().ToListAsync(ct);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Jobbspesialist).Select(r => r.Id).SingleAsync(ct);
        var specialists = await db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId).ToListAsync(ct);
        var absences = work.Absences(memberships);
        db.AddRange(absences);
        db.AddRange(work.Time(memberships, absences));
        foreach (var teamId in teams)
        {
            var teamSpecialists = memberships.Where(m => m.TeamId == teamId && specialists.Contains(m.UserId)).ToList();
            var generated = 0;
            Employer NewEmployer()
            {
                var (kind, industry) = NewEmployers[generated % NewEmployers.Length];
                var employer = new Employer { TeamId = teamId, Sector = EmployerSector.Private, Industry = industry, Size = EmployerSize.Small, CreatedAtUtc = now };
                employer.Rename($"{Places[(generated / NewEmployers.Length) % Places.Length]} {kind}", NextOrgNumber(ref number));
                generated++;
                return employer;
            }

            db.AddRange(work.Contacts(teamSpecialists, absences, employers[teamId], candidates.Where(c => c.TeamId == teamId).ToList(), jobs, NewEmployer));
        }

        await db.SaveChangesAsync(ct);
        // Thousands of tracked rows would make every later save scan them all.
        db.ChangeTracker.Clear();
        foreach (var teamId in teams)
        {
            await AddOpportunitiesAsync(employers[teamId], candidates.Where(c => c.TeamId == teamId && c.DischargedOn == null).ToList(), now, ct);
        }
    }

    /// <summary>
    /// Job opportunities at the team's employers: a warehouse job that fits the usual demo wishes ("Varehandel, lager",
    /// Oslo øst), a canteen job that fits the candidates whose newer profile wishes serving work of 20–30 hours, a job
    /// carved for one candidate, and a filled and a closed one. Every second stage-3 candidate gets that newer profile.
    /// </summary>
    private async Task AddOpportunitiesAsync(List<Employer> employers, List<Candidate> teamCandidates, DateTime now, CancellationToken ct)
    {
        var stage3 = teamCandidates.Where(c => c.Stage == 3).ToList();
        var ids = stage3.Select(c => c.Id).ToList();
        var latest = await db.ProfileVersions.Where(p => ids.Contains(p.CandidateId))
            .GroupBy(p => p.CandidateId).Select(g => new { g.Key, Number = g.Max(p => p.VersionNumber) })
            .ToDictionaryAsync(x => x.Key, x => x.Number, ct);
        foreach (var c in stage3.Where((_, i) => i % 2 == 0))
        {
            db.Add(new VocationalProfileVersion
            {
                CandidateId = c.Id,
                VersionNumber = latest.GetValueOrDefault(c.Id) + 1,
                SavedById = c.PrimarySpecialistId!,
                SavedAtUtc = now,
                Interests = "Mat og servering, gjerne med faste oppgaver",
                WorkExperience = "Jobbsmak på lager: trivdes best med kolleger rundt seg",
                PreferredIndustries = "Servering, kantine",
                PreferredHours = "Dagtid, ikke helg",
                PreferredHoursMin = 20,
                PreferredHoursMax = 30,
                PreferredPlaces = "Oslo sentrum, Oslo øst",
            });
        }

        JobOpportunity Job(int employer, string title, string tasks, int hours, string? hoursNote, string place, string? requirements,
            OpportunityStatus status, int? carvedFor = null)
        {
            var job = new JobOpportunity { EmployerId = employers[employer].Id, CreatedAtUtc = now };
            job.Describe(title, tasks, hours, hoursNote, place, requirements, null, status, carvedFor, employers[employer].Industry);
            return job;
        }

        db.AddRange(
            Job(1, "Lagermedarbeider", "Plukke og pakke varer, ta imot leveranser", 20, "formiddag", "Oslo øst", "Kunne løfte opp til 15 kg", OpportunityStatus.Open),
            Job(5, "Kjøkkenhjelp", "Forberede lunsj, oppvask og rydding i kantina", 25, "10–15 på hverdager", "Oslo sentrum", null, OpportunityStatus.Open),
            Job(0, "Bakerassistent", "Pakke brød og holde orden i bakeriet", 15, "tidlig morgen", "Oslo vest", "Tåle tidlig oppmøte", OpportunityStatus.Open),
            Job(4, "Verkstedmedarbeider", "Enkle reparasjoner og klargjøring av sykler", 30, null, "Oslo øst", null, OpportunityStatus.Filled),
            Job(3, "Assistent i vaskeri", "Sortere og brette tøy", 20, null, "Oslo øst", null, OpportunityStatus.Closed));
        if (stage3.LastOrDefault() is { } carved)
        {
            // Jobbsnekring: tasks taken out of the gardeners' work to fit one candidate.
            db.Add(Job(2, "Stell av planter (snekret jobb)", "Vanne, stelle og pakke planter; oppgavene er hentet ut av gartnernes arbeid", 12,
                "tre formiddager i uka", "Groruddalen", null, OpportunityStatus.Open, carved.Id));
        }

        await db.SaveChangesAsync(ct);
    }

    private static string NextOrgNumber(ref int number)
    {
        while (true)
        {
            var first = (number++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (OrganizationNumber.ControlDigit(first) is { } control)
            {
                return first + control.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
