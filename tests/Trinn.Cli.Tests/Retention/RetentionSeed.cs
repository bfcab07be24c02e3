using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.ActionPlans;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Identity;
using Trinn.Core.NationalIds;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Research;
using Trinn.Core.Teams;

namespace Trinn.Cli.Tests.Retention;

/// <summary>The personal values seeded for one candidate, each unique, so a scan of the database can look for them.</summary>
internal sealed record SeededCandidate(int Id, string FirstName, string LastName, string NationalId, string LookupHash, IReadOnlyList<string> PersonalValues)
{
    public string ResearchId { get; set; } = "";
}

/// <summary>Builds candidates with every kind of personal value Trinn stores, through the real DbContext (so the audit trail fills too).</summary>
internal static class RetentionSeed
{
    private static int counter;

    public static async Task<(int TeamId, string UserId, int StudyId)> BasicsAsync(TrinnDbContext db)
    {
        var team = new Team { Name = "Team " + Guid.NewGuid().ToString("N")[..6] };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var user = new TrinnUser { UserName = "js" + Guid.NewGuid().ToString("N")[..6], DisplayName = "Jobbspesialist", TeamId = team.Id };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var study = Study.Create("Studie " + Guid.NewGuid().ToString("N")[..6], wholeOrganisation: true, [], user.Id, DateTime.UtcNow);
        db.Add(study);
        await db.SaveChangesAsync();
        return (team.Id, user.Id, study.Id);
    }

    /// <summary>A candidate referred <paramref name="referredOn"/>, discharged on <paramref name="dischargedOn"/> (or active), enrolled in the study.</summary>
    public static async Task<SeededCandidate> CandidateAsync(TrinnDbContext db, int teamId, string userId, int studyId, DateOnly referredOn, DateOnly? dischargedOn)
    {
        var seq = Interlocked.Increment(ref counter);
        var n = seq.ToString(CultureInfo.InvariantCulture);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Mark(string what) => $"Hemmelig{what}{tag}";
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        // A birth date of its own per candidate: one date allows only a few hundred synthetic numbers, and two
        // seeded candidates sharing one would leave the "expired" number in the database through the other.
        var nationalId = NationalIdNumber.CreateSynthetic(new DateOnly(1960, 1, 1).AddDays(seq), new Random(tag.GetHashCode(StringComparison.Ordinal)));
        var candidate = new Candidate
        {
            TeamId = teamId,
            FirstName = Mark("Fornavn"),
            LastName = Mark("Etternavn"),
            NationalId = nationalId,
            Phone = "4" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
            Email = Mark("epost") + "@example.org",
            Address = Mark("Gate") + " 12",
            PrimarySpecialistId = userId,
            NextAction = Mark("Neste"),
            CreatedAtUtc = now,
        };
        candidate.Referral = new Referral
        {
            ReferredById = userId,
            ReferredOn = referredOn,
            Innsatsgruppe = Innsatsgruppe.SpesieltTilpasset,
            Reason = Mark("Innsokingsgrunn"),
            RegisteredById = userId,
            RegisteredAtUtc = now,
        };
        candidate.Agreement = new CooperationAgreement { SignedOn = referredOn, Agreed = Mark("Avtale"), ConsentResearch = true, ConsentEmployerContact = true };
        candidate.Start(referredOn, userId, now);
        candidate.MoveToStage(2, referredOn.AddDays(10), Mark("Trinngrunn"), userId, today, now);
        candidate.MoveToStage(3, referredOn.AddDays(40), Mark("Trinngrunn3"), userId, today, now);
        candidate.JournalNotes.Add(new JournalNote
        {
            AuthorId = userId,
            Date = referredOn.AddDays(5),
            Kind = JournalKind.Meeting,
            Place = WorkPlace.OutOfOffice,
            DurationMinutes = 45,
            Text = Mark("Journal"),
            CreatedAtUtc = now,
        });
        candidate.ProfileVersions.Add(new VocationalProfileVersion
        {
            VersionNumber = 1,
            SavedAtUtc = now,
            SavedById = userId,
            Interests = Mark("Interesser"),
            Challenges = Mark("Utfordring"),
            PersonalContacts = Mark("Kontaktperson"),
        });
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();

        var employer = new Employer { TeamId = teamId, Sector = EmployerSector.Private, CreatedAtUtc = now };
        employer.Rename("Bedrift " + tag, OrgNumber(n));
        db.Add(employer);
        await db.SaveChangesAsync();
        var placement = Placement.Register(candidate.Id, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 60, referredOn.AddDays(50), null, userId, now);
        placement.Measures.Add(SupportMeasure.Mentortilskudd(Mark("Mentor"), 4, referredOn.AddDays(50), null, now));
        placement.Measures.Add(SupportMeasure.Tilretteleggingsplan(Mark("Plan"), referredOn.AddDays(50), now));
        var subsidy = SupportMeasure.Lonnstilskudd(40, referredOn.AddDays(50), null, referredOn.AddDays(60), now);
        subsidy.Review(referredOn.AddDays(60), referredOn.AddDays(150), today, Mark("Vurdering"));
        placement.Measures.Add(subsidy);
        db.Add(placement);
        db.Add(FollowUp.Planned(candidate.Id, FollowUpKind.AfterStart, referredOn.AddDays(53), Mark("Oppfolging")));
        // A job carved for this candidate (jobbsnekring): its texts describe the person.
        var carved = new JobOpportunity { EmployerId = employer.Id, CreatedAtUtc = now };
        carved.Describe(Mark("Stilling"), Mark("Oppgaver"), 15, Mark("Timenotat"), "Oslo", Mark("Krav"), "Handel", OpportunityStatus.Filled, candidate.Id, null);
        db.Add(carved);
        db.Add(EmployerContact.Create(employer.Id, userId, referredOn.AddDays(45), EmployerContactKind.Visit, EmployerContactPurpose.BuildNetwork,
            false, 30, Mark("Kontaktnotat"), [candidate.Id], today, now));
        candidate.MoveToStage(4, referredOn.AddDays(50), Mark("Trinngrunn4"), userId, today, now);
        // Issue 15: history kept by corrections, the struck-out note's reason, the plan, a case review, the mentor's mandate.
        var note = candidate.JournalNotes[0];
        note.Correct(userId, candidate.Agreement, note.Date, note.Kind, note.Place, note.DurationMinutes, Mark("JournalRettet"), today, now);
        note.MarkEnteredInError(userId, Mark("Feilfort"), now);
        placement.Measures.Single(m => m.Kind == SupportMeasureKind.Mentortilskudd).DescribeMentor(Mark("Mandat"), Mark("Opplaering"), null, null);
        var plan = ActionPlan.Start(candidate.Id, now);
        plan.RecordUpdate(new PlanChange(referredOn.AddDays(20), new PlanMeetingPresence(true, true, false, false, Mark("Tilstede")), Mark("Planmote"),
            Mark("Maal"), new NewPlanStep(null, Mark("Steg"), StepOwner.Candidate, null), new Dictionary<int, StepStatus>(), new Dictionary<int, GoalStatus>()),
            userId, today, now);
        db.Add(plan);
        var review = CaseReview.Schedule(teamId, candidate.Id, CaseReviewReason.LostJob, referredOn.AddDays(60), userId, now);
        review.Record(referredOn.AddDays(60), Mark("Skjedde"), Mark("Virket"), Mark("VirketIkke"), Mark("Annerledes"), "laering", userId, today);
        db.Add(review);
        if (dischargedOn is { } d)
        {
            candidate.Discharge(d, DischargeOutcome.OrdinaryWork, Mark("Utskrivingsnotat"), referredOn, today, Mark("Overforing"));
        }

        await db.SaveChangesAsync();
        var study = await db.Set<Study>().Include(s => s.Teams).SingleAsync(s => s.Id == studyId);
        var participant = await StudyEnrolment.EnrolAsync(db, study, candidate.Id, userId, now);
        await db.SaveChangesAsync();

        // Reading the candidate back, as a page would, checks the values were stored as given.
        var personal = new List<string>
        {
            candidate.FirstName, candidate.LastName, nationalId, candidate.Phone!, candidate.Email!, candidate.Address!, candidate.NextAction!,
            Mark("Innsokingsgrunn"), Mark("Avtale"), Mark("Trinngrunn"), Mark("Trinngrunn3"), Mark("Trinngrunn4"), Mark("Journal"),
            Mark("Interesser"), Mark("Utfordring"), Mark("Kontaktperson"), Mark("Mentor"), Mark("Plan"), Mark("Oppfolging"), Mark("Kontaktnotat"),
            Mark("Vurdering"), Mark("Stilling"), Mark("Oppgaver"), Mark("Timenotat"), Mark("Krav"),
            Mark("JournalRettet"), Mark("Feilfort"), Mark("Mandat"), Mark("Opplaering"), Mark("Tilstede"), Mark("Planmote"), Mark("Maal"), Mark("Steg"),
            Mark("Skjedde"), Mark("Virket"), Mark("VirketIkke"), Mark("Annerledes"),
        };
        if (dischargedOn is not null)
        {
            personal.Add(Mark("Utskrivingsnotat"));
            personal.Add(Mark("Overforing"));
        }

        return new SeededCandidate(candidate.Id, candidate.FirstName, candidate.LastName, nationalId, candidate.NationalIdHash, personal)
        {
            ResearchId = participant.ResearchId,
        };
    }

    /// <summary>Every text value of every row of every table, one string per value, read with plain SQL.</summary>
    public static async Task<List<string>> AllTextAsync(TrinnDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Database.IsSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("Candidates", tables);
        Assert.Contains("AuditEntries", tables);
        var values = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!await reader.IsDBNullAsync(i))
                    {
                        values.Add(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
                    }
                }
            }
        }

        return values;
    }

    /// <summary>A personal value appears in the database as itself, or inside a JSON payload (where æøå may be escaped).</summary>
    public static bool Contains(IEnumerable<string> haystack, string value) =>
        haystack.Any(h => h.Contains(value, StringComparison.Ordinal));

    private static string OrgNumber(string seed)
    {
        var random = new Random(seed.GetHashCode(StringComparison.Ordinal));
        while (true)
        {
            var first = random.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            if (OrganizationNumber.ControlDigit(first) is { } control)
            {
                return first + control.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public static string Describe(IEnumerable<string> found) => new StringBuilder().AppendJoin(", ", found).ToString();
}
