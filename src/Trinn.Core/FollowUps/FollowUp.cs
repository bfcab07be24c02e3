using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Placements;

namespace Trinn.Core.FollowUps;

public enum FollowUpKind
{
    BeforeStart = 1,
    AfterStart = 2,
    Weekly = 3,
    Monthly = 4,
    Extra = 5,
}

/// <summary>How a planned follow-up was marked done.</summary>
public enum FollowUpDoneBy
{
    JournalNote = 1,
    EmployerContact = 2,
}

/// <summary>Why an open follow-up was closed without a meeting.</summary>
public enum FollowUpClosedReason
{
    /// <summary>"Jobben avsluttet": the job it belonged to ended, so the slot is no longer due.</summary>
    JobEnded = 1,

    /// <summary>"Avlyst": a follow-up added by hand that the specialist cancelled (added by mistake, or no longer wanted).</summary>
    Cancelled = 2,
}

/// <summary>
/// A planned follow-up after job start (fidelity item 17). Each slot has its own time window (the week before start,
/// the first three days, a week in the first month, a month in the first year); any meeting with the candidate or at
/// the workplace inside that window completes it. When the job ends, its open slots are closed as "jobben avsluttet".
/// </summary>
public class FollowUp : IVersioned
{
    public const int NoteMaxLength = 200;

    /// <summary>The window of a slot planned without one (added by hand, or before windows existed): this many days either side.</summary>
    public const int DefaultWindowDays = 3;

    /// <summary>No window reaches further than this from its planned date, so a query can narrow by planned date first.</summary>
    public const int MaxWindowReachDays = 40;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    public int? PlacementId { get; set; }

    public Placement? Placement { get; set; }

    public FollowUpKind Kind { get; set; }

    public DateOnly PlannedDate { get; private set; }

    /// <summary>First day of the slot's own time window; null for slots without one (see <see cref="DefaultWindowDays"/>).</summary>
    public DateOnly? WindowStart { get; private set; }

    /// <summary>Last day of the slot's own time window.</summary>
    public DateOnly? WindowEnd { get; private set; }

    public string? Note { get; set; }

    public DateOnly? DoneOn { get; private set; }

    public FollowUpDoneBy? DoneBy { get; private set; }

    /// <summary>The employer contact (of kind workplace follow-up) that marked it done, so deleting or changing that contact can undo it.</summary>
    public int? DoneByContactId { get; private set; }

    public Employers.EmployerContact? DoneByContact { get; private set; }

    /// <summary>The journal note that marked it done, so correcting that note (its kind or date) or striking it out can undo it.</summary>
    public int? DoneByJournalNoteId { get; private set; }

    public JournalNote? DoneByJournalNote { get; private set; }

    /// <summary>Closed without a meeting (the job ended, or cancelled by hand); a closed slot is neither due nor overdue.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public FollowUpClosedReason? ClosedReason { get; private set; }

    public long Version { get; set; }

    public bool IsOpen => DoneOn is null && ClosedOn is null;

    /// <summary>Added by hand (<see cref="ByHand"/>), not a slot of the plan for a job start (fidelity item 17).</summary>
    public bool IsByHand => Kind == FollowUpKind.Extra;

    public DateOnly FirstDay => WindowStart ?? PlannedDate.AddDays(-DefaultWindowDays);

    public DateOnly LastDay => WindowEnd ?? PlannedDate.AddDays(DefaultWindowDays);

    public bool InWindow(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>
    /// Open after its last day (<see cref="LastDay"/>): a follow-up whose window is still open is not overdue. That holds
    /// for one added by hand too: the page shows it as "Gjelder møter" its planned date ± <see cref="DefaultWindowDays"/>,
    /// and a meeting in those days completes it (<see cref="MatchMeeting"/>), so it is not overdue before they have passed.
    /// The overdue query of WorkplaceWarnings (Trinn.Web) writes the same rule in SQL.
    /// </summary>
    public bool IsOverdue(DateOnly today) => IsOpen && LastDay < today;

    public static FollowUp Planned(int candidateId, FollowUpKind kind, DateOnly date, string? note = null) =>
        new() { CandidateId = candidateId, Kind = kind, PlannedDate = date, Note = note };

    /// <summary>
    /// A follow-up the specialist adds by hand, tied to the candidate's running job when there is one (so it closes with
    /// that job). It may not lie in the past nor before the job's start, or without a job before the referral.
    /// </summary>
    public static FollowUp ByHand(int candidateId, DateOnly date, string? note, Placement? job, DateOnly? referredOn, DateOnly today)
    {
        CheckDate(date, job?.StartDate ?? referredOn, job is null ? "Error_FollowUpBeforeReferral" : "Error_FollowUpBeforeStart", today);
        return new() { CandidateId = candidateId, Kind = FollowUpKind.Extra, PlannedDate = date, Note = note, Placement = job, PlacementId = job?.Id is > 0 ? job.Id : null };
    }

    /// <summary>The follow-up plan for a paid job, each slot with its own window (<see cref="FollowUpPlanner.Slots"/>).</summary>
    public static List<FollowUp> PlanFor(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return FollowUpPlanner.Slots(placement.StartDate)
            .Select(s => new FollowUp
            {
                CandidateId = placement.CandidateId,
                Placement = placement,
                Kind = s.Kind,
                PlannedDate = s.Date,
                WindowStart = s.WindowStart,
                WindowEnd = s.WindowEnd,
            })
            .ToList();
    }

    /// <summary>
    /// Moves an open follow-up to another day (the specialist's own planning); its window moves with it. Not into the past,
    /// nor before its job's start (the meeting before start: not before the week before start), or for a slot without a
    /// job before the referral. A job's slot needs <see cref="Placement"/> loaded.
    /// </summary>
    public void MoveTo(DateOnly date, DateOnly? referredOn, DateOnly today)
    {
        if (!IsOpen)
        {
            throw new DomainException(nameof(PlannedDate), ClosedOn is null ? "Error_FollowUpDone"
                : ClosedReason == FollowUpClosedReason.Cancelled ? "Error_FollowUpCancelled" : "Error_FollowUpClosed");
        }

        if (Placement is { } job)
        {
            CheckDate(date, Kind == FollowUpKind.BeforeStart ? job.StartDate.AddDays(-7) : job.StartDate, "Error_FollowUpBeforeStart", today);
        }
        else
        {
            CheckDate(date, referredOn, "Error_FollowUpBeforeReferral", today);
        }

        var shift = date.DayNumber - PlannedDate.DayNumber;
        WindowStart = WindowStart?.AddDays(shift);
        WindowEnd = WindowEnd?.AddDays(shift);
        PlannedDate = date;
    }

    private static void CheckDate(DateOnly date, DateOnly? earliest, string tooEarly, DateOnly today)
    {
        if (date < earliest)
        {
            throw new DomainException(nameof(PlannedDate), tooEarly);
        }

        if (date < today)
        {
            throw new DomainException(nameof(PlannedDate), "Error_FollowUpInPast");
        }
    }

    public void MarkDone(DateOnly date, FollowUpDoneBy by, Employers.EmployerContact? contact = null, JournalNote? note = null)
    {
        DoneOn = date;
        DoneBy = by;
        DoneByContact = contact;
        DoneByContactId = contact?.Id is > 0 ? contact.Id : null;
        DoneByJournalNote = note;
        DoneByJournalNoteId = note?.Id is > 0 ? note.Id : null;
    }

    /// <summary>Back to planned: the contact or note that marked it done was deleted, changed or struck out.</summary>
    public void Reopen()
    {
        DoneOn = null;
        DoneBy = null;
        DoneByContact = null;
        DoneByContactId = null;
        DoneByJournalNote = null;
        DoneByJournalNoteId = null;
    }

    /// <summary>Closes an open slot because its job ended on <paramref name="date"/> ("jobben avsluttet"). Done slots stay done.</summary>
    public void CloseForEndedJob(DateOnly date)
    {
        if (!IsOpen)
        {
            return;
        }

        ClosedOn = date;
        ClosedReason = FollowUpClosedReason.JobEnded;
    }

    /// <summary>
    /// Ties an open follow-up added by hand without a job to the candidate's paid <paramref name="job"/>, as
    /// <see cref="ByHand"/> does today: follow-ups added before that have none. If the job has ended, the follow-up closes
    /// as <see cref="Placement.End"/> would have closed it ("jobben avsluttet" on the job's end date). Refused for a planned
    /// slot or one already tied to a job (it has its job), and for one done or closed (nothing left to close).
    /// </summary>
    public void BelongTo(Placement job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.CandidateId != CandidateId)
        {
            throw new ArgumentException("The job belongs to another candidate.", nameof(job));
        }

        if (!IsByHand || PlacementId is not null || Placement is not null)
        {
            throw new DomainException(nameof(PlacementId), "Error_FollowUpHasJob");
        }

        if (!IsOpen)
        {
            throw new DomainException(nameof(PlacementId), "Error_FollowUpNotOpen");
        }

        Placement = job;
        PlacementId = job.Id > 0 ? job.Id : null;
        if (job.Ending is not null && job.EndDate is { } end)
        {
            CloseForEndedJob(end);
        }
    }

    /// <summary>
    /// Cancels ("avlyser") an open follow-up added by hand, on <paramref name="today"/>. The row stays as history, closed
    /// and no longer due. The planned slots of a job start are the method's schedule (fidelity item 17): they can be
    /// moved, not cancelled. A done or already closed follow-up is refused.
    /// </summary>
    public void Cancel(DateOnly today)
    {
        if (!IsByHand)
        {
            throw new DomainException(nameof(Kind), "Error_FollowUpCancelPlanned");
        }

        if (!IsOpen)
        {
            throw new DomainException(nameof(ClosedOn), DoneOn is not null ? "Error_FollowUpCancelDone" : "Error_FollowUpCancelClosed");
        }

        ClosedOn = today;
        ClosedReason = FollowUpClosedReason.Cancelled;
    }

    /// <summary>
    /// The open slot a meeting on <paramref name="date"/> completes: one whose own window holds the date, nearest its
    /// planned date (fidelity item 17: "a slot is met by a meeting in its own time window"), never an older overdue slot
    /// outside the date's window. A workplace visit at <paramref name="employerId"/> completes only that job's slots (or
    /// slots added by hand). Null when none fits. Slots of jobs need <see cref="Placement"/> loaded for the employer check.
    /// </summary>
    public static FollowUp? MatchMeeting(IEnumerable<FollowUp> followUps, DateOnly date, int? employerId = null) =>
        followUps
            .Where(f => f.IsOpen && f.InWindow(date)
                        && (employerId is null || (f.PlacementId is null && f.Placement is null) || f.Placement?.EmployerId == employerId))
            .OrderBy(f => Math.Abs(f.PlannedDate.DayNumber - date.DayNumber)).ThenBy(f => f.PlannedDate).ThenBy(f => f.Id)
            .FirstOrDefault();
}

/// <summary>One planned slot: its suggested date and the window in which a meeting completes it.</summary>
public sealed record FollowUpSlot(DateOnly Date, FollowUpKind Kind, DateOnly WindowStart, DateOnly WindowEnd);

/// <summary>
/// Plans follow-ups after a job start as fidelity item 17's top anchor says: a meeting within the week before start,
/// one within 3 days after start, weekly through the first month and monthly through the first year.
/// </summary>
public static class FollowUpPlanner
{
    public static IReadOnlyList<(DateOnly Date, FollowUpKind Kind)> Plan(DateOnly start) =>
        Slots(start).Select(s => (s.Date, s.Kind)).ToList();

    /// <summary>
    /// The plan with each slot's window. The windows follow each other without gaps or overlap: the week before start,
    /// the start day and the three after it, one week around each weekly date, and for each month of the first year the
    /// days after the previous window up to three days after the monthly date.
    /// </summary>
    public static IReadOnlyList<FollowUpSlot> Slots(DateOnly start)
    {
        var dates = Dates(start);
        var slots = new List<FollowUpSlot>(dates.Count);
        var previousEnd = start.AddDays(-8);
        foreach (var (date, kind) in dates)
        {
            var end = kind switch
            {
                FollowUpKind.BeforeStart => start.AddDays(-1),
                FollowUpKind.AfterStart => start.AddDays(3),
                FollowUpKind.Weekly => date.AddDays(3),
                FollowUpKind.Monthly or FollowUpKind.Extra or _ => start.AddMonths(1 + slots.Count(s => s.Kind == FollowUpKind.Monthly) + 1).AddDays(3),
            };
            if (end < date)
            {
                end = date;
            }

            slots.Add(new FollowUpSlot(date, kind, previousEnd.AddDays(1), end));
            previousEnd = end;
        }

        return slots;
    }

    private static List<(DateOnly Date, FollowUpKind Kind)> Dates(DateOnly start)
    {
        var plan = new List<(DateOnly, FollowUpKind)>
        {
            // Two days before, or the last weekday before that: always inside the week before start.
            (WeekdayAtOrBefore(start.AddDays(-2)), FollowUpKind.BeforeStart),
            (AfterStart(start), FollowUpKind.AfterStart),
        };
        var monthEnd = start.AddMonths(1);
        for (var d = start.AddDays(7); d <= monthEnd; d = d.AddDays(7))
        {
            plan.Add((d, FollowUpKind.Weekly));
        }

        for (var m = 2; m <= 12; m++)
        {
            plan.Add((NearestWeekday(start.AddMonths(m)), FollowUpKind.Monthly));
        }

        return plan;
    }

    /// <summary>The first weekday among day 2, 3 and 1 after start: inside "within 3 days", preferring the second day.</summary>
    private static DateOnly AfterStart(DateOnly start)
    {
        foreach (var offset in new[] { 2, 3, 1 })
        {
            var d = start.AddDays(offset);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return d;
            }
        }

        return start.AddDays(1);
    }

    private static DateOnly WeekdayAtOrBefore(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(-2),
        DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday or DayOfWeek.Friday or _ => d,
    };

    private static DateOnly NearestWeekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(1),
        DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday or DayOfWeek.Friday or _ => d,
    };
}
