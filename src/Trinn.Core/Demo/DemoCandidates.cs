using System.Globalization;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;
using Trinn.Core.NationalIds;

namespace Trinn.Core.Demo;

/// <summary>
/// Fictional candidates followed through the five stages over the demo's history: referral, agreement, vocational
/// profile, job search, paid work (stage 4–5; sometimes lost and back to stage 3), discharge with an outcome. Paid
/// jobs are marked by the stage move "Startet i betalt jobb", from which <see cref="EmployerDemoSeeder"/> builds the
/// placements and follow-up plans. Every job specialist ends with candidates in all five stages.
/// </summary>
public sealed class DemoCandidates(Random random, DateOnly today, DateTime nowUtc, string navVeilederId)
{
    public const string JobStartReason = "Startet i betalt jobb";
    public const string JobLostReason = "Jobben tok slutt";

    /// <summary>New referrals per full-time specialist per year (with about a year's follow-up: a caseload of 12–20).</summary>
    public const double ReferralsPerFteYear = 15;

    private static readonly string[] FirstNames =
    [
        "Amir", "Berit", "Cecilie", "David", "Eirik", "Fatima", "Geir", "Hilde", "Ida", "Jon", "Kristin", "Lars",
        "Mona", "Nils", "Oda", "Petter", "Rania", "Silje", "Tor", "Une", "Vegard", "Wenche", "Yusuf", "Åse",
        "Bjørn", "Camilla", "Dag", "Elin", "Frode", "Guro", "Hassan", "Iselin", "Joakim", "Karin", "Leila", "Magnus",
        "Nora", "Omar", "Pia", "Rune", "Sara", "Thomas", "Ulrikke", "Viktor", "Zahra", "Øystein", "Aisha", "Hans",
    ];

    private static readonly string[] LastNames =
    [
        "Aas", "Bakke", "Dale", "Eide", "Foss", "Haug", "Holm", "Jensen", "Kvam", "Lie", "Moe", "Nilsen",
        "Ruud", "Sæther", "Tangen", "Vold", "Øien", "Brekke", "Hagen", "Solberg", "Ali", "Berg", "Lunde", "Strand",
    ];

    private int _count;

    public DateOnly Today { get; } = today;

    /// <summary>A specialist taking new referrals in a team from a day (to a day), and who takes over when they leave the team.</summary>
    public sealed record Intake(int TeamId, TrinnUser Specialist, decimal Fte, DateOnly From, DateOnly? To, IReadOnlyList<TrinnUser> Colleagues);

    public List<Candidate> Generate(IReadOnlyList<Intake> intakes)
    {
        ArgumentNullException.ThrowIfNull(intakes);
        var candidates = new List<Candidate>();
        foreach (var intake in intakes)
        {
            var end = intake.To ?? Today;
            var gap = 365.0 / (ReferralsPerFteYear * (double)intake.Fte);
            for (var d = intake.From.AddDays(random.Next(3, 15)); d <= end.AddDays(-2); d = d.AddDays((int)Math.Round(gap * (0.6 + (random.NextDouble() * 0.8)))))
            {
                var leftTeam = intake.Specialist.TeamId != intake.TeamId;
                var c = Story(intake.TeamId, intake.Specialist, intake.Colleagues[random.Next(intake.Colleagues.Count)], d);
                if (leftTeam && c.DischargedOn is null)
                {
                    // Followed up by a colleague after the specialist moved to another team.
                    c.PrimarySpecialistId = intake.Colleagues[0].Id;
                    c.BackupSpecialistId = intake.Colleagues[^1].Id == intake.Colleagues[0].Id ? null : intake.Colleagues[^1].Id;
                }

                candidates.Add(c);
            }
        }

        // Every specialist who follows candidates today has someone in each of the five stages.
        foreach (var intake in intakes.Where(i => i.To is null))
        {
            for (var stage = 1; stage <= Stages.Last; stage++)
            {
                var id = intake.Specialist.Id;
                if (!candidates.Any(c => c.PrimarySpecialistId == id && c.DischargedOn is null && c.Stage == stage))
                {
                    candidates.Add(InStage(intake.TeamId, intake.Specialist, intake.Colleagues[0], stage));
                }
            }
        }

        // One fresh referral per team nobody has taken yet.
        foreach (var team in intakes.Select(i => i.TeamId).Distinct())
        {
            var c = New(team, null, null, Today.AddDays(-2));
            candidates.Add(c);
        }

        return candidates;
    }

    /// <summary>A candidate referred on <paramref name="start"/>, taken as far as the days until today allow.</summary>
    private Candidate Story(int teamId, TrinnUser specialist, TrinnUser backup, DateOnly start)
    {
        var c = New(teamId, specialist, backup, start);
        var by = specialist.Id;
        var d = start;
        bool Move(int stage, int days, string reason)
        {
            var date = d.AddDays(days);
            if (date > Today)
            {
                return false;
            }

            c.MoveToStage(stage, date, reason, by, Today, nowUtc);
            d = date;
            return true;
        }

        Agreement(c, start.AddDays(random.Next(3, 14)));
        if (!Move(2, random.Next(3, 15), "Samarbeidsavtale signert"))
        {
            return Notes(c, by);
        }

        c.ProfileVersions.Add(Profile(1, by, ToUtc(d)));
        if (!Move(3, random.Next(14, 45), "Yrkesprofil ferdig"))
        {
            return Notes(c, by);
        }

        var getsJob = random.NextDouble() < 0.72;
        var jobs = 0;
        while (getsJob && jobs < 2 && Move(4, random.Next(20, jobs == 0 ? 220 : 120), JobStartReason))
        {
            jobs++;
            var jobStart = d;
            Move(5, random.Next(21, 60), "Oppfølging på arbeidsplassen");
            var lost = random.NextDouble() < 0.3;
            var endDay = jobStart.AddDays(random.Next(30, 200));
            if (lost && endDay > d && endDay <= Today)
            {
                d = endDay;
                c.MoveToStage(3, d, JobLostReason, by, Today, nowUtc);
                getsJob = random.NextDouble() < 0.6;
                continue;
            }

            // Kept the job: discharged to work after some months in it.
            var discharge = jobStart.AddDays(random.Next(150, 330));
            if (discharge <= Today && discharge >= d)
            {
                c.Discharge(discharge, random.NextDouble() < 0.7 ? DischargeOutcome.OrdinaryWork : DischargeOutcome.WorkWithWageSubsidy, null, start, Today);
            }

            return Notes(c, by);
        }

        // No (lasting) job: after about a year the follow-up ends another way.
        var end = start.AddDays(random.Next(300, 420));
        if (end <= Today && end >= d)
        {
            var roll = random.NextDouble();
            var outcome = roll < 0.3 ? DischargeOutcome.Education
                : roll < 0.45 ? DischargeOutcome.HealthTreatment
                : roll < 0.65 ? DischargeOutcome.NoContact
                : roll < 0.8 ? DischargeOutcome.OtherProgramme
                : roll < 0.9 ? DischargeOutcome.DisabilityBenefit
                : DischargeOutcome.Other;
            c.Discharge(end, outcome, null, start, Today);
        }

        return Notes(c, by);
    }

    /// <summary>A recent referral moved on to <paramref name="stage"/> (stage 4 starts a paid job).</summary>
    private Candidate InStage(int teamId, TrinnUser specialist, TrinnUser backup, int stage)
    {
        var start = Today.AddDays(-(20 + (stage * 25) + random.Next(0, 10)));
        var c = New(teamId, specialist, backup, start);
        Agreement(c, start.AddDays(5));
        var d = start;
        string[] reasons = ["", "", "Samarbeidsavtale signert", "Yrkesprofil ferdig", JobStartReason, "Oppfølging på arbeidsplassen"];
        for (var s = 2; s <= stage; s++)
        {
            d = d.AddDays(s == 5 ? 21 : 14 + random.Next(0, 6));
            c.MoveToStage(s, d, reasons[s], specialist.Id, Today, nowUtc);
            if (s == 2)
            {
                c.ProfileVersions.Add(Profile(1, specialist.Id, ToUtc(d)));
            }
        }

        return Notes(c, specialist.Id);
    }

    private Candidate New(int teamId, TrinnUser? specialist, TrinnUser? backup, DateOnly referredOn)
    {
        var i = _count++;
        var birth = new DateOnly(random.Next(1968, 2004), random.Next(1, 13), random.Next(1, 29));
        var c = new Candidate
        {
            TeamId = teamId,
            FirstName = FirstNames[i % FirstNames.Length],
            LastName = LastNames[random.Next(LastNames.Length)],
            NationalId = NationalIdNumber.CreateSynthetic(birth, random),
            Phone = "4" + random.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture),
            Email = $"kandidat{i + 1}@eksempel.no",
            Address = $"Eksempelveien {i + 1}, 0150 Oslo",
            PrimarySpecialistId = specialist?.Id,
            BackupSpecialistId = backup?.Id == specialist?.Id ? null : backup?.Id,
            CreatedAtUtc = ToUtc(referredOn),
        };
        c.Referral = new Referral
        {
            ReferredById = navVeilederId,
            ReferredOn = referredOn,
            Innsatsgruppe = i % 3 == 0 ? Innsatsgruppe.SpesieltTilpasset : Innsatsgruppe.Situasjonsbestemt,
            Reason = "Ønsker hjelp til å komme i ordinært arbeid.",
            RegisteredById = navVeilederId,
            RegisteredAtUtc = ToUtc(referredOn),
        };
        c.Start(referredOn, navVeilederId, nowUtc);
        return c;
    }

    private void Agreement(Candidate c, DateOnly signedOn) => c.Agreement = new CooperationAgreement
    {
        SignedOn = signedOn > Today ? Today : signedOn,
        Agreed = "Samarbeid om å finne en jobb ut fra kandidatens ønsker.",
        ConsentEmployerContact = true,
        ConsentNavVeileder = true,
        ConsentResearch = random.NextDouble() < 0.3,
    };

    /// <summary>A few journal notes over the follow-up, the last one recent for most candidates still followed up.</summary>
    private Candidate Notes(Candidate c, string by)
    {
        var start = c.Referral!.ReferredOn;
        var last = c.DischargedOn ?? Today;
        var span = Math.Max(1, last.DayNumber - start.DayNumber);
        for (var n = 0; n < 3; n++)
        {
            var date = start.AddDays(Math.Min(span, (span * (n + 1) / 4) + random.Next(0, 5)));
            c.JournalNotes.Add(Note(by, date > last ? last : date, n == 0 ? JournalKind.Meeting : (JournalKind)(1 + random.Next(4))));
        }

        if (c.DischargedOn is null)
        {
            var recent = Today.AddDays(-(random.NextDouble() < 0.15 ? 15 + random.Next(10) : random.Next(0, 10)));
            c.JournalNotes.Add(Note(by, recent < c.StageSince ? c.StageSince : recent, JournalKind.Meeting));
        }

        return c;
    }

    private JournalNote Note(string by, DateOnly date, JournalKind kind) => new()
    {
        AuthorId = by,
        Date = date,
        Kind = kind,
        Place = random.NextDouble() < 0.6 ? WorkPlace.OutOfOffice : WorkPlace.Office,
        DurationMinutes = 30 + (15 * random.Next(4)),
        Text = kind == JournalKind.Phone ? "Telefonsamtale om neste steg." : "Samtale om jobbønsker og neste steg.",
        CreatedAtUtc = ToUtc(date),
    };

    private static DateTime ToUtc(DateOnly date) => date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);

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
