namespace Trinn.Core.Indicators;

/// <summary>
/// The team's job specialists day by day: who is a member with which FTE, and their working time. Working time on a
/// weekday is FTE × weekly hours / 5, less the day's registered absence (a 50 % sick leave halves it); weekends have
/// none. Public holidays are not known to Trinn and count as working days.
/// </summary>
public sealed class StaffCalendar
{
    private readonly Dictionary<string, List<MembershipSpan>> _memberships;
    private readonly Dictionary<string, List<AbsenceSpan>> _absences;
    private readonly decimal _weeklyMinutes;

    public StaffCalendar(IEnumerable<MembershipSpan> memberships, IEnumerable<AbsenceSpan> absences, decimal weeklyHours)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(absences);
        _memberships = memberships.GroupBy(m => m.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _absences = absences.GroupBy(a => a.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _weeklyMinutes = weeklyHours * 60m;
    }

    public IEnumerable<string> Users => _memberships.Keys;

    public decimal WeeklyMinutes => _weeklyMinutes;

    /// <summary>The user's FTE in the team on the day; 0 when not a member.</summary>
    public decimal FteOn(string user, DateOnly day)
    {
        if (!_memberships.TryGetValue(user, out var spans))
        {
            return 0;
        }

        foreach (var span in spans)
        {
            if (span.From <= day && (span.To is null || span.To >= day))
            {
                return span.Fte;
            }
        }

        return 0;
    }

    public bool IsMember(string user, DateOnly day) => FteOn(user, day) > 0;

    public decimal TeamFteOn(DateOnly day) => _memberships.Keys.Sum(u => FteOn(u, day));

    /// <summary>Sum over the period's days (weekends included) of the members' FTE: FTE-days, for "per full-time specialist per year".</summary>
    public decimal FteDays(DatePeriod period, string? user = null)
    {
        var total = 0m;
        foreach (var u in UsersOrOne(user))
        {
            for (var d = period.From; d <= period.To; d = d.AddDays(1))
            {
                total += FteOn(u, d);
            }
        }

        return total;
    }

    /// <summary>Working minutes on one day: 0 at weekends and outside membership, less absence.</summary>
    public decimal WorkingMinutesOn(string user, DateOnly day)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return 0;
        }

        var fte = FteOn(user, day);
        if (fte == 0)
        {
            return 0;
        }

        var absent = 0;
        if (_absences.TryGetValue(user, out var absences))
        {
            foreach (var a in absences)
            {
                if (a.From <= day && a.To >= day)
                {
                    absent += a.Percent;
                }
            }
        }

        var present = 1m - (Math.Min(100, absent) / 100m);
        return fte * _weeklyMinutes / 5m * present;
    }

    /// <summary>Working minutes in the period for one user or the whole team.</summary>
    public decimal WorkingMinutes(DatePeriod period, string? user = null)
    {
        var total = 0m;
        foreach (var u in UsersOrOne(user))
        {
            for (var d = period.From; d <= period.To; d = d.AddDays(1))
            {
                total += WorkingMinutesOn(u, d);
            }
        }

        return total;
    }

    private string[] UsersOrOne(string? user) => user is null ? [.. _memberships.Keys] : [user];
}
