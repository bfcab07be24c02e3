namespace Trinn.Core.Common;

/// <summary>
/// The dates Trinn accepts from users: the same years as <see cref="IsoWeek"/> (2000–2099). Nothing Trinn records is
/// older, and a date far from the calendar's limits keeps later date arithmetic (weeks, review intervals, follow-up
/// schedules) from overflowing.
/// </summary>
public static class SaneDates
{
    public static readonly DateOnly Min = new(IsoWeek.MinYear, 1, 1);

    public static readonly DateOnly Max = new(IsoWeek.MaxYear, 12, 31);

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;
}
