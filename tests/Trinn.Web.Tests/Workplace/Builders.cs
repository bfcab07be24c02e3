using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Core.NationalIds;

namespace Trinn.Web.Tests.Workplace;

/// <summary>Small builders: each test makes the rows it needs.</summary>
internal static class Builders
{
    private static readonly Random Random = new(345);
    private static readonly Lock Gate = new();

    /// <summary>A fresh fictional organisation number with a correct control digit.</summary>
    public static string NewOrgNumber()
    {
        lock (Gate)
        {
            while (true)
            {
                var first = Random.Next(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (OrganizationNumber.ControlDigit(first) is { } control)
                {
                    return first + control.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
    }

    public static async Task<Employer> AddEmployerAsync(this TrinnDbContext db, int teamId, string? name = null)
    {
        var employer = new Employer { TeamId = teamId, Sector = EmployerSector.Private, CreatedAtUtc = AppFixture.Now.UtcDateTime };
        employer.Rename(name ?? "Testbedrift " + Guid.NewGuid().ToString("N")[..8], NewOrgNumber());
        db.Add(employer);
        await db.SaveChangesAsync();
        return employer;
    }

    public static async Task<Candidate> AddCandidateAsync(this TrinnDbContext db, int teamId, string primaryId, int stage = 3, DateOnly? referredOn = null)
    {
        int seed;
        lock (Gate)
        {
            seed = Random.Next();
        }

        var start = referredOn ?? AppFixture.Today.AddDays(-120);
        var candidate = new Candidate
        {
            TeamId = teamId,
            FirstName = "Test",
            LastName = "Kandidat" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NationalId = NationalIdNumber.CreateSynthetic(new DateOnly(1990, 5, 17), new Random(seed)),
            PrimarySpecialistId = primaryId,
            CreatedAtUtc = AppFixture.Now.UtcDateTime,
        };
        candidate.Referral = new Referral
        {
            ReferredById = primaryId,
            ReferredOn = start,
            Innsatsgruppe = Innsatsgruppe.SpesieltTilpasset,
            Reason = "Test",
            RegisteredById = primaryId,
            RegisteredAtUtc = AppFixture.Now.UtcDateTime,
        };
        candidate.Start(start, primaryId, AppFixture.Now.UtcDateTime);
        for (var s = 2; s <= stage; s++)
        {
            candidate.MoveToStage(s, start.AddDays(s), "Test", primaryId, AppFixture.Today, AppFixture.Now.UtcDateTime);
        }

        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        return candidate;
    }

    /// <summary>The candidate's signed cooperation agreement with the consents given (an employer contact about the candidate needs the first).</summary>
    public static async Task<CooperationAgreement> AddAgreementAsync(this TrinnDbContext db, int candidateId, bool employerContact = true, bool navVeileder = false)
    {
        var agreement = new CooperationAgreement
        {
            CandidateId = candidateId,
            SignedOn = AppFixture.Today.AddDays(-100),
            Agreed = "Avtale om samarbeid",
            ConsentEmployerContact = employerContact,
            ConsentNavVeileder = navVeileder,
        };
        db.CooperationAgreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement;
    }

    public static async Task<EmployerContact> AddContactAsync(
        this TrinnDbContext db, int employerId, string specialistId, DateOnly date, bool firstContact = false,
        EmployerContactKind kind = EmployerContactKind.Visit)
    {
        var contact = EmployerContact.Create(employerId, specialistId, date, kind, EmployerContactPurpose.BuildNetwork, firstContact, 30, null, [], AppFixture.Today, AppFixture.Now.UtcDateTime);
        db.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }
}

internal static class PlacementBuilders
{
    public static async Task<Trinn.Core.Placements.Placement> AddPlacementAsync(
        this TrinnDbContext db, int candidateId, int employerId, Trinn.Core.Placements.PlacementKind kind, DateOnly start, DateOnly? end = null, int? percent = 50)
    {
        var p = Trinn.Core.Placements.Placement.Register(candidateId, employerId, kind, Trinn.Core.Placements.LabourMarket.Regular,
            Trinn.Core.Placements.Placement.IsPaidKind(kind) ? percent : null, start, end, "test", AppFixture.Now.UtcDateTime);
        db.Add(p);
        await db.SaveChangesAsync();
        return p;
    }
}
