using System.Globalization;

namespace Trinn.Core.Indicators;

/// <summary>A span of days, both ends included.</summary>
public readonly record struct DatePeriod(DateOnly From, DateOnly To)
{
    /// <summary>The longest period the dashboard computes (five years), so a query string cannot ask for a century.</summary>
    public const int MaxDays = 5 * 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The twelve months up to and including <paramref name="to"/> (the dashboard's default).</summary>
    public static DatePeriod Rolling12Months(DateOnly to) => new(to.AddMonths(-12).AddDays(1), to);

    /// <summary>A calendar year, ending today at the latest (the rest of this year has no data yet).</summary>
    public static DatePeriod CalendarYear(int year, DateOnly today)
    {
        var end = new DateOnly(year, 12, 31);
        return new DatePeriod(new DateOnly(year, 1, 1), end > today ? today : end);
    }

    /// <summary>The part of the period from <paramref name="from"/> to <paramref name="to"/>; null when they do not overlap.</summary>
    public DatePeriod? Intersect(DateOnly from, DateOnly? to)
    {
        var start = from > From ? from : From;
        var end = to is { } t && t < To ? t : To;
        return start <= end ? new DatePeriod(start, end) : null;
    }

    /// <summary>The calendar months the period touches, each cut to the period.</summary>
    public IReadOnlyList<DatePeriod> Months()
    {
        var months = new List<DatePeriod>();
        var start = From;
        while (start <= To)
        {
            var monthEnd = new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1);
            var end = monthEnd < To ? monthEnd : To;
            months.Add(new DatePeriod(start, end));
            start = end.AddDays(1);
        }

        return months;
    }

    /// <summary>"2026-03" for the month the period starts in.</summary>
    public string MonthKey => From.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public override string ToString() =>
        From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
