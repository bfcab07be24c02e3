using Trinn.Core.Common;

namespace Trinn.Core.Teams;

public class Team
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// When the team started its work. A team younger than 12 months is in its start-up year, where full target
    /// attainment is not expected (report chapter 1, "Arbeids- og tjenesteavdelingen, 2017"). Null: an established team.
    /// </summary>
    public DateOnly? StartedOn { get; private set; }

    public const int StartUpMonths = 12;

    /// <summary>Sets or clears the start date; a date in the future is refused.</summary>
    public void SetStartedOn(DateOnly? date, DateOnly today)
    {
        if (date > today)
        {
            throw new DomainException(nameof(StartedOn), "Error_DateInFuture");
        }

        StartedOn = date;
    }

    /// <summary>Whether a team that started on <paramref name="startedOn"/> is still in its start-up year on <paramref name="date"/>.</summary>
    public static bool InStartUpYear(DateOnly? startedOn, DateOnly date) =>
        startedOn is { } start && date < start.AddMonths(StartUpMonths);
}
