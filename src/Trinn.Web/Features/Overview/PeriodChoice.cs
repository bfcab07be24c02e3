using System.Globalization;
using Trinn.Core.Indicators;

namespace Trinn.Web.Features.Overview;

/// <summary>
/// The dashboard's period from the query string: <c>period=rolling</c> (the last 12 months, the default),
/// <c>period=year&amp;year=2025</c>, or <c>period=custom&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c> (from and to alone also
/// mean chosen dates). Bad input gives a field and a message key, and the default period.
/// </summary>
public sealed record PeriodChoice(string Kind, int Year, string? From, string? To)
{
    public const string Rolling = "rolling";
    public const string CalendarYear = "year";
    public const string Custom = "custom";
    public const int FirstYear = 2000;

    public static (PeriodChoice Choice, DatePeriod Period, string? Field, string? Error) Parse(string? kind, string? year, string? from, string? to, DateOnly today)
    {
        var fallback = DatePeriod.Rolling12Months(today);
        kind = (kind ?? "").Trim().ToLowerInvariant() switch
        {
            CalendarYear => CalendarYear,
            Custom => Custom,
            "" when !string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to) => Custom,
            _ => Rolling,
        };
        var choice = new PeriodChoice(kind, today.Year, from, to);
        switch (kind)
        {
            case CalendarYear:
                if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < FirstYear || y > today.Year)
                {
                    return (choice, fallback, "year", "Error_Year");
                }

                return (choice with { Year = y }, DatePeriod.CalendarYear(y, today), null, null);
            case Custom:
                if (!TryDate(from, out var start))
                {
                    return (choice, fallback, "from", "Error_DateFormat");
                }

                if (!TryDate(to, out var end))
                {
                    return (choice, fallback, "to", "Error_DateFormat");
                }

                if (end > today)
                {
                    return (choice, fallback, "to", "Error_ToAfterToday");
                }

                if (end < start)
                {
                    return (choice, fallback, "to", "Error_ToBeforeFrom");
                }

                var period = new DatePeriod(start, end);
                if (period.Days > DatePeriod.MaxDays)
                {
                    return (choice, fallback, "from", "Error_PeriodTooLong");
                }

                return (choice, period, null, null);
            default:
                return (choice, fallback, null, null);
        }
    }

    /// <summary>An ISO date (what a date input sends), years 2000–9999.</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year >= FirstYear;

    /// <summary>The query string that gives this period back (for links and exports).</summary>
    public static string Query(DatePeriod period) =>
        "from=" + period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "&to=" + period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
