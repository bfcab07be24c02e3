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

/// <summary>A planned follow-up at the workplace (fidelity item 17); done when a workplace visit is recorded.</summary>
public class FollowUp : IVersioned
{
    public const int NoteMaxLength = 200;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    public int? PlacementId { get; set; }

    public Placement? Placement { get; set; }

    public FollowUpKind Kind { get; set; }

    public DateOnly PlannedDate { get; private set; }

    public string? Note { get; set; }

    public DateOnly? DoneOn { get; private set; }

    public FollowUpDoneBy? DoneBy { get; private set; }

    /// <summary>The employer contact (of kind workplace follow-up) that marked it done, so deleting or changing that contact can undo it.</summary>
    public int? DoneByContactId { get; private set; }

    public Employers.EmployerContact? DoneByContact { get; private set; }

    public long Version { get; set; }

    public bool IsOverdue(DateOnly today) => DoneOn is null && PlannedDate < today;

    public static FollowUp Planned(int candidateId, FollowUpKind kind, DateOnly date, string? note = null) =>
        new() { CandidateId = candidateId, Kind = kind, PlannedDate = date, Note = note };

    /// <summary>Moves an open follow-up to another day (the specialist's own planning).</summary>
    public void MoveTo(DateOnly date)
    {
        if (DoneOn is not null)
        {
            throw new DomainException(nameof(PlannedDate), "Error_FollowUpDone");
        }

        PlannedDate = date;
    }

    public void MarkDone(DateOnly date, FollowUpDoneBy by, Employers.EmployerContact? contact = null)
    {
        DoneOn = date;
        DoneBy = by;
        DoneByContact = contact;
        DoneByContactId = contact?.Id is > 0 ? contact.Id : null;
    }

    /// <summary>Back to planned: the contact that marked it done was deleted or is no longer a workplace follow-up.</summary>
    public void Reopen()
    {
        DoneOn = null;
        DoneBy = null;
        DoneByContact = null;
        DoneByContactId = null;
    }

    /// <summary>
    /// The open follow-up a workplace visit on <paramref name="visitDate"/> fulfils: the oldest open one planned no
    /// later than a week after the visit, so an overdue follow-up is caught up first. Null when none fits.
    /// </summary>
    public static FollowUp? MatchVisit(IEnumerable<FollowUp> followUps, DateOnly visitDate) =>
        followUps
            .Where(f => f.DoneOn is null && f.PlannedDate <= visitDate.AddDays(7))
            .OrderBy(f => f.PlannedDate).ThenBy(f => f.Id)
            .FirstOrDefault();
}

/// <summary>
/// Plans follow-ups after a job start as fidelity item 17's top anchor says: a meeting within the week before start,
/// one within 3 days after start, weekly through the first month and monthly through the first year.
/// </summary>
public static class FollowUpPlanner
{
    public static IReadOnlyList<(DateOnly Date, FollowUpKind Kind)> Plan(DateOnly start)
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
        _ => d,
    };

    private static DateOnly NearestWeekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };
}
