using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Employers;

namespace Trinn.Core.Placements;

/// <summary>Jobbsmak and arbeidstrening are unpaid; the rest is paid work.</summary>
public enum PlacementKind
{
    Jobbsmak = 1,
    Arbeidstrening = 2,
    Permanent = 3,
    Temporary = 4,
    Substitute = 5,
    OnCall = 6,
}

public enum LabourMarket
{
    Regular = 1,
    Sheltered = 2,
}

public enum PlacementEnding
{
    ContractEnded = 1,
    DroppedOut = 2,
    Mismatch = 3,
    Dismissed = 4,
    BetterJob = 5,
    Education = 6,
}

/// <summary>A work trial or job at an employer (arbeidsforhold eller utprøving).</summary>
public class Placement : IVersioned
{
    /// <summary>Jobbsmak is formally up to three days (report, "Begrepsforklaringer").</summary>
    public const int JobbsmakMaxDays = 3;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    public int EmployerId { get; set; }

    public Employer? Employer { get; set; }

    public PlacementKind Kind { get; private set; }

    public LabourMarket Market { get; private set; }

    public int? PositionPercent { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public PlacementEnding? Ending { get; private set; }

    public required string RegisteredById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }

    public List<SupportMeasure> Measures { get; } = [];

    /// <summary>The follow-up plan after job start (paid jobs); closed as "jobben avsluttet" when the job ends.</summary>
    public List<FollowUps.FollowUp> FollowUps { get; } = [];

    public bool IsPaid => IsPaidKind(Kind);

    /// <summary>Length in calendar days, both ends counted; null while open.</summary>
    public int? Days => EndDate is { } end ? end.DayNumber - StartDate.DayNumber + 1 : null;

    /// <summary>A jobbsmak planned or run longer than three days: a warning, not a refusal.</summary>
    public bool JobbsmakTooLong => Kind == PlacementKind.Jobbsmak && Days > JobbsmakMaxDays;

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day) && Ending is null;

    public static bool IsPaidKind(PlacementKind kind) => kind is PlacementKind.Permanent or PlacementKind.Temporary or PlacementKind.Substitute or PlacementKind.OnCall;

    /// <summary>Registers a placement. The end date may be planned (a jobbsmak of two days); how it ended comes with <see cref="End"/>.</summary>
    public static Placement Register(
        int candidateId, int employerId, PlacementKind kind, LabourMarket market, int? positionPercent, DateOnly start, DateOnly? plannedEnd,
        string byUserId, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(nameof(Kind), "Error_Required");
        }

        if (!Enum.IsDefined(market))
        {
            throw new DomainException(nameof(Market), "Error_Required");
        }

        if (positionPercent is { } p && (p < 1 || p > 100))
        {
            throw new DomainException(nameof(PositionPercent), "Error_PositionPercent");
        }

        if (IsPaidKind(kind) && positionPercent is null)
        {
            throw new DomainException(nameof(PositionPercent), "Error_PositionPercentRequired");
        }

        if (plannedEnd is { } end && end < start)
        {
            throw new DomainException(nameof(EndDate), "Error_EndBeforeStart");
        }

        return new Placement
        {
            CandidateId = candidateId,
            EmployerId = employerId,
            Kind = kind,
            Market = market,
            PositionPercent = positionPercent,
            StartDate = start,
            EndDate = plannedEnd,
            RegisteredById = byUserId,
            CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// Ends the placement on a date not in the future and not before it started, with how it ended. Its open follow-ups
    /// (<see cref="FollowUps"/>, loaded by the caller) close as "jobben avsluttet": they are no longer due, so they leave
    /// the warnings and the calendar feed. Its support measures (<see cref="Measures"/>, loaded by the caller) that run
    /// past the day end with the job.
    /// </summary>
    public void End(DateOnly date, PlacementEnding? ending, DateOnly today)
    {
        if (Ending is not null)
        {
            throw new DomainException(nameof(Ending), "Error_PlacementEnded");
        }

        if (ending is not { } how || !Enum.IsDefined(how))
        {
            throw new DomainException(nameof(Ending), "Error_Required");
        }

        if (date > today)
        {
            throw new DomainException(nameof(EndDate), "Error_DateInFuture");
        }

        if (date < StartDate)
        {
            throw new DomainException(nameof(EndDate), "Error_EndBeforeStart");
        }

        EndDate = date;
        Ending = how;
        foreach (var followUp in FollowUps)
        {
            followUp.CloseForEndedJob(date);
        }

        foreach (var measure in Measures)
        {
            measure.EndWithJob(date);
        }
    }

    /// <summary>
    /// Changes the planned last day of a placement that has not ended: a temporary job that is extended, or a planned end
    /// entered wrongly; null means no planned end (the job now runs until further notice). It stays no earlier than the
    /// first day, and no earlier than the start of any of its dated support measures, which run inside the job
    /// (<see cref="AddMeasure"/>). Ending the job early is <see cref="End"/>, with how it ended.
    /// </summary>
    public void ChangePlannedEnd(DateOnly? plannedEnd)
    {
        if (Ending is not null)
        {
            throw new DomainException(nameof(Ending), "Error_PlacementEnded");
        }

        if (plannedEnd is { } end)
        {
            if (end < StartDate)
            {
                throw new DomainException(nameof(EndDate), "Error_EndBeforeStart");
            }

            if (Measures.Any(m => m.FromDate > end))
            {
                throw new DomainException(nameof(EndDate), "Error_PlannedEndBeforeMeasure");
            }
        }

        EndDate = plannedEnd;
    }

    /// <summary>
    /// Adds a support measure where the rules allow it (<see cref="SupportMeasureRules"/>): a wage subsidy only on paid
    /// work (arbeidstrening is "jobb uten lønn"), mentor and inclusion grants on arbeidstrening and paid work, never on a
    /// jobbsmak. An ended placement takes no new measures.
    /// <para>
    /// A dated measure runs inside its job: it starts no earlier than the job's first day and no later than its last
    /// (planned) day. The from date is the day the measure takes effect, not the day it was arranged: a wage subsidy
    /// compensates the wage of someone employed, a mentor grant pays a colleague's time with the new employee, and an
    /// adaptation plan applies at work. Arranging a mentor or writing the plan the week before the start (the report's
    /// "meet within a week before start") is preparation, recorded as contacts, while the measure itself starts with the
    /// job. An inclusion grant has no period, so no dates to check.
    /// </para>
    /// </summary>
    public void AddMeasure(SupportMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (Ending is not null)
        {
            throw new DomainException(nameof(Ending), "Error_PlacementEnded");
        }

        if (!SupportMeasureRules.Allowed(measure.Kind, Kind))
        {
            throw new DomainException("Kind", "Error_MeasureNotAllowed_" + measure.Kind);
        }

        if (measure.FromDate is { } from)
        {
            if (from < StartDate)
            {
                throw new DomainException(nameof(SupportMeasure.FromDate), "Error_MeasureBeforeJobStart");
            }

            if (EndDate is { } end && from > end)
            {
                throw new DomainException(nameof(SupportMeasure.FromDate), "Error_MeasureAfterJobEnd");
            }
        }

        Measures.Add(measure);
    }
}
