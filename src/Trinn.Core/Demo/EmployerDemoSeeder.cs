using Microsoft.EntityFrameworkCore;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Identity;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;

namespace Trinn.Core.Demo;

/// <summary>
/// Demo data for stages 3–5, on top of <see cref="DemoSeeder"/>'s teams, users and candidates: employers with contacts,
/// job opportunities (one carved for a candidate) that fit some candidates' wishes, a jobbsmak, paid jobs with their
/// follow-up plans (one overdue), a wage subsidy past its review, follow-up periods and some logged time. Fictional
/// names; organisation numbers are made up with a correct control digit.
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
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Jobbspesialist).Select(r => r.Id).SingleAsync(ct);
        var specialists = await db.Users
            .Where(u => u.TeamId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var candidates = await db.Candidates.Include(c => c.Referral).Where(c => c.DischargedOn == null && c.PrimarySpecialistId != null)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var number = 91_000_000;
        var wageSubsidyPastReview = false;

        foreach (var teamId in specialists.Select(s => s.TeamId!.Value).Distinct().Order())
        {
            var teamSpecialists = specialists.Where(s => s.TeamId == teamId).ToList();
            var employers = new List<Employer>();
            foreach (var (name, industry, sector, size) in Employers)
            {
                var employer = new Employer { TeamId = teamId, Sector = sector, Industry = industry, Size = size, IaAgreement = sector == EmployerSector.Public, CreatedAtUtc = now };
                employer.Rename(name, NextOrgNumber(ref number));
                employer.Address = "Eksempelveien " + (employers.Count + 10) + ", 0150 Oslo";
                employer.ContactPersons.Add(new EmployerContactPerson { Name = "Daglig leder " + (employers.Count + 1), Role = "Daglig leder" });
                employers.Add(employer);
            }

            db.AddRange(employers);
            await db.SaveChangesAsync(ct);

            // Employer contacts over the last three weeks, every one with a purpose; the first with each employer marked.
            for (var i = 0; i < teamSpecialists.Count * 7; i++)
            {
                var employer = employers[i % employers.Count];
                var date = today.AddDays(-(i * 3 % 20));
                var purpose = (EmployerContactPurpose)(1 + (i % 6));
                db.Add(EmployerContact.Create(employer.Id, teamSpecialists[i % teamSpecialists.Count].Id, date,
                    (EmployerContactKind)(1 + (i % 5)), purpose, firstContact: i < employers.Count, 30 + (15 * (i % 3)), null, [], today, now));
            }

            await AddOpportunitiesAsync(employers, candidates.Where(c => c.TeamId == teamId).ToList(), now, ct);

            foreach (var c in candidates.Where(c => c.TeamId == teamId))
            {
                var employer = employers[c.Id % employers.Count];
                if (c.Stage == 3)
                {
                    var start = today.AddDays(-10 - (c.Id % 5));
                    db.Add(Placement.Register(c.Id, employer.Id, PlacementKind.Jobbsmak, LabourMarket.Regular, null, start, start.AddDays(1), c.PrimarySpecialistId!, now));
                }
                else if (c.Stage >= 4)
                {
                    var start = c.StageSince;
                    var placement = Placement.Register(c.Id, employer.Id, c.Id % 2 == 0 ? PlacementKind.Permanent : PlacementKind.Temporary,
                        LabourMarket.Regular, 50 + (10 * (c.Id % 4)), start, null, c.PrimarySpecialistId!, now);
                    if (!wageSubsidyPastReview)
                    {
                        // Reviewed never, review date passed, no employer contact about it: "rolling" without review.
                        placement.Measures.Add(SupportMeasure.Lonnstilskudd(40, start, null, today.AddDays(-10) < start ? start : today.AddDays(-10), now));
                        wageSubsidyPastReview = true;
                    }
                    else if (c.Id % 3 == 0)
                    {
                        placement.Measures.Add(SupportMeasure.Mentortilskudd("Kollega på arbeidsplassen", 8, start, start.AddMonths(6), now));
                    }

                    db.Add(placement);
                    var plan = FollowUpPlanner.Plan(start);
                    var lastPast = plan.LastOrDefault(p => p.Date < today).Date;
                    foreach (var (date, kind) in plan)
                    {
                        var followUp = FollowUp.Planned(c.Id, kind, date);
                        followUp.Placement = placement;
                        // Past follow-ups were done, except the latest one: overdue on Min portefølje.
                        if (date < today && date != lastPast)
                        {
                            followUp.MarkDone(date, FollowUpDoneBy.JournalNote);
                        }

                        db.Add(followUp);
                    }
                }

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
        }

        // A week of logged time for the first specialist.
        if (specialists.FirstOrDefault() is { } first)
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            for (var d = monday; d <= today; d = d.AddDays(1))
            {
                db.Add(TimeBlock.Create(first.Id, d, 180, TimeCategory.WithCandidate, true, null, today, now));
                db.Add(TimeBlock.Create(first.Id, d, 240, TimeCategory.OfficeWork, false, null, today, now));
            }
        }

        await db.SaveChangesAsync(ct);
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
