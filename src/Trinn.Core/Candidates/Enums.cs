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
}
