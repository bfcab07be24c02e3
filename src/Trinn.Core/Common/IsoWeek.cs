using System.Globalization;

namespace Trinn.Core.Common;

/// <summary>An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday), written <c>YYYY-Www</c>.</summary>
public readonly record struct IsoWeek(int Year, int Week)
{
    /// <summary>The first year a week may be asked for: nothing in Trinn is older, and date arithmetic stays far from its limits.</summary>
    public const int MinYear = 2000;

    /// <summary>The last year a week may be asked for.</summary>
    public const int MaxYear = 2099;

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    public IsoWeek Next => Of(Monday.AddDays(7));

    public static IsoWeek Of(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    /// <summary>
    /// Reads <c>YYYY-Www</c> (the form HTML's week input sends); false for anything else, a week the year does not have,
    /// or a year outside <see cref="MinYear"/>–<see cref="MaxYear"/>.
    /// </summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is not { Length: 8 } || text[4] != '-' || (text[5] != 'W' && text[5] != 'w'))
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < MinYear || year > MaxYear || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
