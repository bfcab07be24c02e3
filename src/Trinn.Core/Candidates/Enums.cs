namespace Trinn.Core.Candidates;

/// <summary>NAV's innsatsgruppe for the people Utvidet oppfølging serves.</summary>
public enum Innsatsgruppe
{
    Situasjonsbestemt = 1,
    SpesieltTilpasset = 2,
}

public enum JournalKind
{
    Meeting = 1,
    Phone = 2,
    Message = 3,
    HomeVisit = 4,
    WorkplaceVisit = 5,
    WithEmployer = 6,

    /// <summary>Contact with the candidate's NAV-veileder without the candidate (fidelity item 4); needs the NAV-veileder consent.</summary>
    NavVeileder = 7,

    /// <summary>Candidate, NAV-veileder and job specialist together (fidelity item 7); needs the NAV-veileder consent.</summary>
    ThreeWayMeeting = 8,

    /// <summary>Contact with health services (fastlege, psykolog, DPS), with or without the candidate; needs the health consent.</summary>
    HealthServices = 9,
}

/// <summary>What the journal kinds mean for the rules that read them.</summary>
public static class JournalKinds
{
    /// <summary>
    /// A meeting with the candidate in person, or at the workplace: these complete a planned follow-up after job start
    /// (fidelity item 17). Phone calls, messages and contacts without the candidate do not.
    /// </summary>
    public static bool IsMeetingWithCandidate(JournalKind kind) =>
        kind is JournalKind.Meeting or JournalKind.HomeVisit or JournalKind.WorkplaceVisit or JournalKind.WithEmployer or JournalKind.ThreeWayMeeting;

    /// <summary>Contact with the candidate (any channel), for "last contact" on the lists; contacts about the candidate with others are not.</summary>
    public static bool IsContactWithCandidate(JournalKind kind) => kind is not (JournalKind.NavVeileder or JournalKind.HealthServices);

    /// <summary>Cooperation with the NAV-veileder, shown (without text) to the veileder who referred the candidate.</summary>
    public static bool IsNavCooperation(JournalKind kind) => kind is JournalKind.NavVeileder or JournalKind.ThreeWayMeeting;

    /// <summary>The consent a kind of contact needs, or null when the cooperation agreement's general terms cover it.</summary>
    public static AgreementConsent? ConsentNeeded(JournalKind kind) => kind switch
    {
        JournalKind.NavVeileder or JournalKind.ThreeWayMeeting => AgreementConsent.NavVeileder,
        JournalKind.HealthServices => AgreementConsent.HealthAndNetwork,
        JournalKind.WithEmployer => AgreementConsent.EmployerContact,
        JournalKind.Meeting or JournalKind.Phone or JournalKind.Message or JournalKind.HomeVisit or JournalKind.WorkplaceVisit or _ => null,
    };
}

/// <summary>The programme the candidate follows: Utvidet oppfølging (Supported Employment), IPS, or another.</summary>
public enum Programme
{
    UtvidetOppfolging = 1,
    Ips = 2,
    Other = 3,
}

public enum WorkPlace
{
    Office = 1,
    OutOfOffice = 2,
}

/// <summary>Discharge (utskriving) outcome categories (issue #4, INSTRUMENTS.md C).</summary>
public enum DischargeOutcome
{
    OrdinaryWork = 1,
    WorkWithWageSubsidy = 2,
    Education = 3,
    HealthTreatment = 4,
    DisabilityBenefit = 5,
    OtherProgramme = 6,
    NoContact = 7,
    Moved = 8,
    Other = 9,

    /// <summary>Tilbake til NAV-veileder – ikke klar for arbeid.</summary>
    BackToNavNotReady = 10,

    /// <summary>Varighetsgrensen nådd (forskrift § 5).</summary>
    DurationLimitReached = 11,
}

public enum CandidateStatus
{
    /// <summary>Referred, no job specialist assigned yet.</summary>
    AwaitingSpecialist = 1,
    Active = 2,
    Discharged = 3,
}

public static class Stages
{
    public const int First = 1;
    public const int Last = 5;

    public static bool IsValid(int stage) => stage is >= First and <= Last;

    /// <summary>Whole days spent in the current stage on <paramref name="today"/>; never negative (a stage dated ahead counts 0).</summary>
    public static int DaysIn(DateOnly stageSince, DateOnly today) => Math.Max(0, today.DayNumber - stageSince.DayNumber);
}

/// <summary>The warning when a candidate in follow-up has had no contact for a while (the report: follow-up must not be forgotten).</summary>
public static class ContactWarning
{
    /// <summary>No contact for more than this many days gives the warning.</summary>
    public const int Days = 14;

    /// <summary>
    /// Whether an active candidate has had no contact for more than <see cref="Days"/> days, counted from the last contact
    /// with the candidate, or from the referral when there has been none. A discharged candidate never warns.
    /// </summary>
    public static bool NoRecentContact(DateOnly? lastContact, DateOnly referredOn, DateOnly? dischargedOn, DateOnly today) =>
        dischargedOn is null && today.DayNumber - (lastContact ?? referredOn).DayNumber > Days;
}
