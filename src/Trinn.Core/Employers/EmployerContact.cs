using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.Identity;

namespace Trinn.Core.Employers;

public enum EmployerContactKind
{
    Visit = 1,
    Phone = 2,
    MeetingWithCandidate = 3,
    WorkplaceFollowUp = 4,
    Negotiation = 5,
}

/// <summary>Why the contact was made. The Kvalitetsveileder asks that every employer contact has a purpose.</summary>
public enum EmployerContactPurpose
{
    BuildNetwork = 1,
    PresentCandidate = 2,
    JobDevelopment = 3,
    JobInterview = 4,
    FollowUp = 5,
    AgreeSupportMeasures = 6,
}

/// <summary>One contact between a job specialist and an employer (arbeidsgiverkontakt).</summary>
public class EmployerContact : IVersioned
{
    public const int NoteMaxLength = 2000;
    public const int MaxDurationMinutes = 24 * 60;

    /// <summary>The field the candidate links are checked on (the form's list of candidates).</summary>
    public const string CandidateIdsField = "CandidateIds";

    public int Id { get; set; }

    public int EmployerId { get; set; }

    public Employer? Employer { get; set; }

    public required string SpecialistId { get; set; }

    public TrinnUser? Specialist { get; set; }

    public DateOnly Date { get; set; }

    public EmployerContactKind Kind { get; set; }

    public EmployerContactPurpose Purpose { get; set; }

    /// <summary>The team's first contact with this employer (a new employer in the network).</summary>
    public bool FirstContact { get; set; }

    public int DurationMinutes { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }

    public List<EmployerContactCandidate> Candidates { get; } = [];

    /// <summary>Builds a contact after checking the rules the form cannot: a purpose, a date not in the future, a sane duration.</summary>
    public static EmployerContact Create(
        int employerId, string specialistId, DateOnly date, EmployerContactKind kind, EmployerContactPurpose? purpose,
        bool firstContact, int durationMinutes, string? note, IEnumerable<int> candidateIds, DateOnly today, DateTime nowUtc)
    {
        var contact = new EmployerContact { EmployerId = employerId, SpecialistId = specialistId, CreatedAtUtc = nowUtc };
        contact.Change(date, kind, purpose, firstContact, durationMinutes, note, candidateIds, today);
        return contact;
    }

    /// <summary>
    /// The candidate's consent to employer contact (cooperation agreement, <see cref="AgreementConsent.EmployerContact"/>):
    /// a contact about a candidate may only be registered when the candidate has agreed that the job specialist talks with
    /// employers about them. Refuses (<see cref="DomainException"/> on <c>CandidateIds</c>, <c>Error_NoConsent_EmployerContact</c>)
    /// when one of <paramref name="newlyLinked"/> has no signed agreement or not that consent. Only new links are checked:
    /// a link already on a contact was checked when the contact was registered, and a consent withdrawn later does not
    /// undo a conversation that took place (editing the old contact's date or note stays possible).
    /// </summary>
    public static Task RequireConsentAsync(TrinnDbContext db, IEnumerable<int> newlyLinked, CancellationToken ct = default) =>
        ConsentRules.RequireAsync(db, newlyLinked, AgreementConsent.EmployerContact, CandidateIdsField, ct);

    /// <summary>Changes a registered contact under the same rules as <see cref="Create"/>; the candidate links are replaced.</summary>
    public void Change(
        DateOnly date, EmployerContactKind kind, EmployerContactPurpose? purpose, bool firstContact, int durationMinutes, string? note,
        IEnumerable<int> candidateIds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        if (purpose is not { } p || !Enum.IsDefined(p))
        {
            throw new DomainException(nameof(Purpose), "Error_Required");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(nameof(Kind), "Error_Required");
        }

        if (date > today)
        {
            throw new DomainException(nameof(Date), "Error_DateInFuture");
        }

        if (durationMinutes is < 0 or > MaxDurationMinutes)
        {
            throw new DomainException(nameof(DurationMinutes), "Error_Duration");
        }

        if (note is { Length: > NoteMaxLength })
        {
            throw new DomainException(nameof(Note), "Error_TooLong");
        }

        Date = date;
        Kind = kind;
        Purpose = p;
        FirstContact = firstContact;
        DurationMinutes = durationMinutes;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var wanted = candidateIds.Distinct().ToList();
        Candidates.RemoveAll(l => !wanted.Contains(l.CandidateId));
        foreach (var id in wanted.Where(id => Candidates.All(l => l.CandidateId != id)))
        {
            Candidates.Add(new EmployerContactCandidate { CandidateId = id });
        }
    }
}

/// <summary>A candidate the contact was about (optional, any number).</summary>
public class EmployerContactCandidate
{
    public int EmployerContactId { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }
}

/// <summary>The employer-contact target, with its source, so the number is never shown without its rule.</summary>
public static class EmployerContactTarget
{
    /// <summary>Kvalitetsveileder for jobbspesialister i NAV (Kathrud et al. 2019): "seks nye arbeidsgiverbesøk hver uke" for the top score.</summary>
    public const int PerWeek = 6;
}
