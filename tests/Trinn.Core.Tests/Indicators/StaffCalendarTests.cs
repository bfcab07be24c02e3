using Trinn.Core.Indicators;
using static Trinn.Core.Tests.Indicators.Scenario;

namespace Trinn.Core.Tests.Indicators;

public sealed class StaffCalendarTests
{
    [Fact]
    public void WorkingMinutes_FullTimeWeek_IsWeeklyHours()
    {
        // Mon 2 – Sun 8 March 2026: 5 weekdays × 37.5 h / 5 = 37.5 h = 2250 min.
        var s = new Scenario().Member("a", 1.0m);
        Assert.Equal(2250m, s.Staff.WorkingMinutes(new DatePeriod(D(2026, 3, 2), D(2026, 3, 8))));
    }

    [Fact]
    public void WorkingMinutes_PartTimeWithHolidayWeekAndHalfSickDay_LessAbsence()
    {
        // FTE 0.8 over Mon 2 – Sun 15 March 2026 (10 weekdays): 0.8 × 7.5 h = 6 h a day → 60 h.
        // Holiday 100 % Mon 9 – Fri 13 March takes 5 days (30 h); 50 % sick leave on Mon 2 March takes 3 h.
        // Working time = 60 − 30 − 3 = 27 h = 1620 min.
        var s = new Scenario().Member("a", 0.8m);
        s.Absences.Add(new AbsenceSpan("a", D(2026, 3, 9), D(2026, 3, 13), 100));
        s.Absences.Add(new AbsenceSpan("a", D(2026, 3, 2), D(2026, 3, 2), 50));
        Assert.Equal(1620m, s.Staff.WorkingMinutes(new DatePeriod(D(2026, 3, 2), D(2026, 3, 15))));
    }

    [Fact]
    public void WorkingMinutes_OverlappingAbsences_NeverBelowZero()
    {
        // Two 100 % absences on the same day: the day has no working time, not minus one day.
        var s = new Scenario().Member("a", 1.0m);
        s.Absences.Add(new AbsenceSpan("a", D(2026, 3, 2), D(2026, 3, 2), 100));
        s.Absences.Add(new AbsenceSpan("a", D(2026, 3, 2), D(2026, 3, 3), 100));
        // Mon 2 and Tue 3 absent; Wed–Fri 4–6 March: 3 × 450 = 1350 min.
        Assert.Equal(1350m, s.Staff.WorkingMinutes(new DatePeriod(D(2026, 3, 2), D(2026, 3, 8))));
    }

    [Fact]
    public void Fte_SpecialistMovingTeamsMidYear_CountsOnlyForTheirPart()
    {
        // "c" is in this team January–March 2026 (full time), then in another team; "a" full time all year.
        var s = new Scenario().Member("a", 1.0m).Member("c", 1.0m, D(2026, 1, 1), D(2026, 3, 31));
        var staff = s.Staff;
        Assert.Equal(2.0m, staff.TeamFteOn(D(2026, 3, 31)));
        Assert.Equal(1.0m, staff.TeamFteOn(D(2026, 4, 1)));
        // FTE-days 1 Jan – 30 Jun 2026 (181 days): a 181 + c 90 (31 + 28 + 31) = 271.
        Assert.Equal(271m, staff.FteDays(new DatePeriod(D(2026, 1, 1), D(2026, 6, 30))));
        // Working time: a 129 weekdays + c 64 weekdays (Q1 2026) = 193 days × 450 min = 86 850 min.
        Assert.Equal(86_850m, staff.WorkingMinutes(new DatePeriod(D(2026, 1, 1), D(2026, 6, 30))));
    }
}
