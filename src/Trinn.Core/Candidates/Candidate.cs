using Trinn.Core.Common;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Core.Candidates;

public class Candidate : IVersioned
{
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 1000;
    public const int NextActionMaxLength = 200;

    /// <summary>A candidate discharged to work who loses the job within this many months can be taken back.</summary>
    public const int TakeBackMonths = 12;

    /// <summary>Taken back after a lost job: back to finding a job.</summary>
    public const int TakeBackStage = 3;

    public int Id { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    /// <summary>Plain in memory; encrypted in the database (<see cref="NationalIds.NationalIdProtector"/>).</summary>
    public required string NationalId { get; set; }

    /// <summary>Keyed hash of <see cref="NationalId"/> for exact lookup; kept in step by the DbContext on save.</summary>
    public string NationalIdHash { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? PrimarySpecialistId { get; set; }

    public TrinnUser? PrimarySpecialist { get; set; }

    public string? BackupSpecialistId { get; set; }

    public TrinnUser? BackupSpecialist { get; set; }

    public int Stage { get; private set; } = Stages.First;

    public DateOnly StageSince { get; private set; }

    public string? NextAction { get; set; }

    public DateOnly? NextActionDate { get; set; }

    public DateOnly? DischargedOn { get; private set; }

    public DischargeOutcome? DischargeOutcome { get; private set; }

    public string? DischargeNote { get; private set; }

    /// <summary>UO (Supported Employment), IPS or another programme; lists and indicators filter on it.</summary>
    public Programme Programme { get; private set; } = Programme.UtvidetOppfolging;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When retention removed the personal data (names, national ID, contact details, free text); null until then.</summary>
    public DateTime? AnonymisedAtUtc { get; set; }

    public long Version { get; set; }

    public Referral? Referral { get; set; }

    public CooperationAgreement? Agreement { get; set; }

    public List<StageChange> StageChanges { get; } = [];

    public List<JournalNote> JournalNotes { get; } = [];

    public List<VocationalProfileVersion> ProfileVersions { get; } = [];

    /// <summary>Every discharge with its handover summary, and whether the candidate was taken back afterwards.</summary>
    public List<DischargeRecord> Discharges { get; } = [];

    public CandidateStatus Status => DischargedOn is not null
        ? CandidateStatus.Discharged
        : PrimarySpecialistId is null ? CandidateStatus.AwaitingSpecialist : CandidateStatus.Active;

    public string FullName => FirstName + " " + LastName;

    /// <summary>Starts the follow-up in stage 1 on the referral date.</summary>
    public void Start(DateOnly referredOn, string byUserId, DateTime nowUtc)
    {
        Stage = Stages.First;
        StageSince = referredOn;
        StageChanges.Add(new StageChange
        {
            FromStage = null,
            ToStage = Stages.First,
            Date = referredOn,
            Reason = "Innsøkt",
            ByUserId = byUserId,
            RecordedAtUtc = nowUtc,
        });
    }

    /// <summary>
    /// Moves the candidate to another stage, forward or back ("to skritt frem og ett tilbake").
    /// Every move is kept in <see cref="StageChanges"/>.
    /// </summary>
    public void MoveToStage(int toStage, DateOnly date, string? reason, string byUserId, DateOnly today, DateTime nowUtc)
    {
        if (DischargedOn is not null)
        {
            throw new DomainException("ToStage", "Error_CandidateDischarged");
        }

        if (!Stages.IsValid(toStage))
        {
            throw new DomainException("ToStage", "Error_StageInvalid");
        }

        if (toStage == Stage)
        {
            throw new DomainException("ToStage", "Error_StageSame");
        }

        if (date > today)
        {
            throw new DomainException("Date", "Error_DateInFuture");
        }

        if (date < StageSince)
        {
            throw new DomainException("Date", "Error_DateBeforeCurrentStage");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Reason", "Error_Required");
        }

        if (reason.Length > ReasonMaxLength)
        {
            throw new DomainException("Reason", "Error_TooLong");
        }

        StageChanges.Add(new StageChange
        {
            FromStage = Stage,
            ToStage = toStage,
            Date = date,
            Reason = reason,
            ByUserId = byUserId,
            RecordedAtUtc = nowUtc,
        });
        Stage = toStage;
        StageSince = date;
    }

    /// <summary>
    /// Utskriving: ends the follow-up with an outcome. The discharge and the handover summary for the NAV-veileder
    /// (what was agreed) are kept as a <see cref="DischargeRecord"/>, so the history stays if the candidate is taken back.
    /// </summary>
    public void Discharge(DateOnly date, DischargeOutcome outcome, string? note, DateOnly referredOn, DateOnly today, string? handoverAgreed = null)
    {
        if (DischargedOn is not null)
        {
            throw new DomainException("Date", "Error_CandidateDischarged");
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Outcome", "Error_Required");
        }

        if (date > today)
        {
            throw new DomainException("Date", "Error_DateInFuture");
        }

        if (date < referredOn || date < StageSince)
        {
            throw new DomainException("Date", "Error_DischargeBeforeStart");
        }

        if (note is { Length: > ReasonMaxLength })
        {
            throw new DomainException("Note", "Error_TooLong");
        }

        if (handoverAgreed is { Length: > DischargeRecord.HandoverMaxLength })
        {
            throw new DomainException("HandoverAgreed", "Error_TooLong");
        }

        DischargedOn = date;
        DischargeOutcome = outcome;
        DischargeNote = note;
        Discharges.Add(new DischargeRecord
        {
            DischargedOn = date,
            Outcome = outcome,
            Note = note,
            HandoverAgreed = string.IsNullOrWhiteSpace(handoverAgreed) ? null : handoverAgreed.Trim(),
        });
    }

    /// <summary>
    /// Takes back a candidate who was discharged to work and lost the job within 12 months (the report asks for support
    /// after discharge), in one step that keeps the history: the discharge stays as a record marked taken back, and the
    /// candidate goes back to stage 3 ("to skritt frem og ett tilbake") from <paramref name="date"/>.
    /// Needs <see cref="Discharges"/> loaded.
    /// </summary>
    public void TakeBack(DateOnly date, string? reason, string byUserId, DateOnly today, DateTime nowUtc)
    {
        if (DischargedOn is not { } dischargedOn || DischargeOutcome is not { } outcome)
        {
            throw new DomainException("Date", "Error_NotDischarged");
        }

        if (!DischargeOutcomeDefinitions.IsWork(outcome))
        {
            throw new DomainException("Date", "Error_TakeBackNotWork");
        }

        if (date > today)
        {
            throw new DomainException("Date", "Error_DateInFuture");
        }

        if (date < dischargedOn)
        {
            throw new DomainException("Date", "Error_TakeBackBeforeDischarge");
        }

        if (date > dischargedOn.AddMonths(TakeBackMonths))
        {
            throw new DomainException("Date", "Error_TakeBackAfterYear");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Reason", "Error_Required");
        }

        if (reason.Length > ReasonMaxLength)
        {
            throw new DomainException("Reason", "Error_TooLong");
        }

        // A discharge from before discharge records existed is recorded now, so the history is complete.
        var record = Discharges.Where(d => d.TakenBackOn is null).OrderByDescending(d => d.DischargedOn).ThenByDescending(d => d.Id).FirstOrDefault();
        if (record is null)
        {
            record = new DischargeRecord { DischargedOn = dischargedOn, Outcome = outcome, Note = DischargeNote };
            Discharges.Add(record);
        }

        record.MarkTakenBack(date, reason.Trim(), byUserId);
        StageChanges.Add(new StageChange
        {
            FromStage = Stage,
            ToStage = TakeBackStage,
            Date = date,
            Reason = "Tatt inn igjen etter utskriving: " + reason.Trim(),
            ByUserId = byUserId,
            RecordedAtUtc = nowUtc,
        });
        Stage = TakeBackStage;
        StageSince = date;
        DischargedOn = null;
        DischargeOutcome = null;
        DischargeNote = null;
    }

    /// <summary>Whether <see cref="TakeBack"/> is open on <paramref name="today"/>: discharged to work no more than 12 months ago.</summary>
    public bool CanBeTakenBack(DateOnly today) =>
        DischargedOn is { } d && DischargeOutcome is { } o && DischargeOutcomeDefinitions.IsWork(o) && today <= d.AddMonths(TakeBackMonths);

    public void SetProgramme(Programme programme)
    {
        if (!Enum.IsDefined(programme))
        {
            throw new DomainException(nameof(Programme), "Error_Required");
        }

        Programme = programme;
    }

    public int DaysInStage(DateOnly today) => Stages.DaysIn(StageSince, today);
}
