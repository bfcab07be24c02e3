using Trinn.Core.Candidates;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Statistics.Descriptive;

namespace Trinn.Core.Indicators;

/// <summary>A candidate's first year: when it closed (12 months after start, or the discharge if earlier) and whether they got to work in it.</summary>
public sealed record YearOutcome(int CandidateId, DateOnly WindowEnd, bool Official, bool Broader);

/// <summary>A planned follow-up that was due, and whether it was met in time.</summary>
public sealed record DueFollowUp(FollowUpRow FollowUp, bool Met);

/// <summary>A candidate started in the period and the days to the first employer contact about them (null: none yet).</summary>
public sealed record FirstContactDays(int CandidateId, DateOnly Start, DateOnly? FirstContact, int? Days);

/// <summary>
/// The indicators' formulas (issue #11), each a pure function over <see cref="IndicatorData"/>. The definitions, with
/// their reasons, are in docs/adr/indicators.md; the numbered comments are the indicator numbers.
/// </summary>
public static class IndicatorFormulas
{
    public const int YearMonths = 12;
    public const int DaysPerYear = 365;
    public const int NoFollowUpDays = 30;

    // 1. Active candidates on the day / the team's FTE sum on the day.
    public static Measure Caseload(IndicatorData data, StaffCalendar staff, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(staff);
        return Measure.Ratio(data.Candidates.Count(c => c.ActiveOn(day)), staff.TeamFteOn(day));
    }

    /// <summary>The last day of a candidate's first year: 12 months after start less a day, or the discharge if earlier.</summary>
    public static DateOnly WindowEnd(CandidateRow candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var yearEnd = candidate.Start.AddMonths(YearMonths).AddDays(-1);
        return candidate.DischargedOn is { } d && d < yearEnd ? d : yearEnd;
    }

    /// <summary>
    /// 2. The candidates whose first year closed in the window, and whether they got to work in it: official = started
    /// paid work in the regular labour market in it, or were discharged in it to work; broader = official, or discharged
    /// in it to an outcome the broader definition counts (education).
    /// </summary>
    public static IReadOnlyList<YearOutcome> YearOutcomes(IndicatorData data, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        var placements = data.Placements.Where(p => p.IsRegularPaidWork).ToLookup(p => p.CandidateId);
        var result = new List<YearOutcome>();
        foreach (var c in data.Candidates)
        {
            var end = WindowEnd(c);
            if (!window.Contains(end) || end >= data.Today)
            {
                continue;
            }

            var discharged = c.DischargedOn == end && c.Outcome is { } outcome ? outcome : (DischargeOutcome?)null;
            var work = placements[c.Id].Any(p => p.Start <= end)
                       || (discharged is { } o1 && DischargeOutcomeDefinitions.CountsToWorkOfficial(o1));
            var broader = work || (discharged is { } o2 && DischargeOutcomeDefinitions.CountsToWorkBroader(o2));
            result.Add(new YearOutcome(c.Id, end, work, broader));
        }

        return result;
    }

    public static (Measure Official, Measure Broader) WorkWithinYear(IndicatorData data, DatePeriod window)
    {
        var outcomes = YearOutcomes(data, window);
        return (Measure.Percent(outcomes.Count(o => o.Official), outcomes.Count), Measure.Percent(outcomes.Count(o => o.Broader), outcomes.Count));
    }

    /// <summary>3. Discharges to work in the window / the team's FTE-years in it (FTE-days / 365), in both definitions.</summary>
    public static (Measure Official, Measure Broader) DischargedToWork(IndicatorData data, StaffCalendar staff, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(staff);
        var discharged = data.Candidates.Where(c => c.DischargedOn is { } d && window.Contains(d) && c.Outcome is not null).ToList();
        var fteYears = staff.FteDays(window) / DaysPerYear;
        return (
            Measure.Ratio(discharged.Count(c => DischargeOutcomeDefinitions.CountsToWorkOfficial(c.Outcome!.Value)), fteYears),
            Measure.Ratio(discharged.Count(c => DischargeOutcomeDefinitions.CountsToWorkBroader(c.Outcome!.Value)), fteYears));
    }

    /// <summary>
    /// 4. Employer contacts per full-time week of working time: contacts on days the specialist was in the team / the
    /// team's working minutes over a full-time week's minutes. In person (visit or meeting, not phone) is the target
    /// figure; candidate-specific in-person, in-person with new employers and all contacts beside it.
    /// </summary>
    public static (Measure InPerson, Measure CandidateSpecific, Measure NewEmployers, Measure All) EmployerContacts(
        IndicatorData data, StaffCalendar staff, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(staff);
        var days = data.Contacts.Where(c => window.Contains(c.Date) && staff.IsMember(c.SpecialistId, c.Date)).ToList();
        var weeks = staff.WorkingMinutes(window) / staff.WeeklyMinutes;
        return (
            Measure.Ratio(days.Sum(c => c.InPerson), weeks),
            Measure.Ratio(days.Sum(c => c.InPersonCandidateSpecific), weeks),
            Measure.Ratio(days.Sum(c => c.InPersonNewEmployer), weeks),
            Measure.Ratio(days.Sum(c => c.All), weeks));
    }

    /// <summary>
    /// 5. Time logged out of the office / working time (FTE × weekly hours, less absence), in hours; beside it the
    /// share of the logged time. Only days the specialist was in the team count.
    /// </summary>
    public static (Measure OfWorkingTime, Measure OfLoggedTime) OutOfOffice(IndicatorData data, StaffCalendar staff, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(staff);
        var days = data.Time.Where(t => window.Contains(t.Date) && staff.IsMember(t.UserId, t.Date)).ToList();
        var outHours = days.Sum(t => (decimal)t.OutOfOfficeMinutes) / 60m;
        var loggedHours = days.Sum(t => (decimal)t.TotalMinutes) / 60m;
        var workingHours = staff.WorkingMinutes(window) / 60m;
        return (Measure.Percent(outHours, workingHours), Measure.Percent(outHours, loggedHours));
    }

    /// <summary>Days after its planned date a follow-up still counts as met: the slot's own window (item 17's anchor).</summary>
    public static int GraceDays(FollowUpKind kind) => kind switch
    {
        FollowUpKind.AfterStart => 1,
        FollowUpKind.Weekly => 3,
        FollowUpKind.Monthly => 7,
        FollowUpKind.BeforeStart or FollowUpKind.Extra or _ => 0,
    };

    public static bool IsMet(FollowUpRow followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return followUp.DoneOn is { } done && done <= followUp.Planned.AddDays(GraceDays(followUp.Kind));
    }

    /// <summary>
    /// The follow-ups planned in the window that were due (planned before today, the job and the follow-up still running
    /// on the planned day: when a job ends its open slots end too), each with whether it was met in time.
    /// </summary>
    public static IReadOnlyList<DueFollowUp> DueFollowUps(IndicatorData data, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        var placements = data.Placements.ToDictionary(p => p.Id);
        var candidates = data.Candidates.ToDictionary(c => c.Id);
        return data.FollowUps
            .Where(f => window.Contains(f.Planned) && f.Planned < data.Today
                        && candidates.TryGetValue(f.CandidateId, out var c) && (c.DischargedOn is null || c.DischargedOn >= f.Planned)
                        && (f.PlacementId is not { } pid || !placements.TryGetValue(pid, out var p) || p.End is null || p.End >= f.Planned))
            .Select(f => new DueFollowUp(f, IsMet(f)))
            .ToList();
    }

    /// <summary>6. Share of the due follow-ups met in time.</summary>
    public static Measure FollowUpsOnTime(IndicatorData data, DatePeriod window)
    {
        var due = DueFollowUps(data, window);
        return Measure.Percent(due.Count(d => d.Met), due.Count);
    }

    /// <summary>Candidates in follow-up with a paid job running on the day.</summary>
    public static IReadOnlyList<int> InWork(IndicatorData data, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(data);
        var working = data.Placements.Where(p => p.IsPaid && p.ActiveOn(day)).Select(p => p.CandidateId).ToHashSet();
        return data.Candidates.Where(c => c.ActiveOn(day) && working.Contains(c.Id)).Select(c => c.Id).ToList();
    }

    /// <summary>6. Of the candidates in work on the day, those with no follow-up meeting (at work) in the last 30 days.</summary>
    public static IReadOnlyList<int> InWorkWithoutFollowUp(IndicatorData data, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(data);
        var since = day.AddDays(-(NoFollowUpDays - 1));
        var met = data.FollowUpMeetings.Where(m => m.Date >= since && m.Date <= day).Select(m => m.CandidateId).ToHashSet();
        return InWork(data, day).Where(id => !met.Contains(id)).ToList();
    }

    /// <summary>Wage subsidies running on the day on a running job of a candidate in follow-up.</summary>
    public static IReadOnlyList<MeasureRow> RunningMeasures(IndicatorData data, SupportMeasureKind kind, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(data);
        var placements = data.Placements.ToDictionary(p => p.Id);
        var candidates = data.Candidates.ToDictionary(c => c.Id);
        return data.Measures
            .Where(m => m.Kind == kind && m.ActiveOn(day)
                        && placements.TryGetValue(m.PlacementId, out var p) && p.ActiveOn(day)
                        && candidates.TryGetValue(m.CandidateId, out var c) && c.ActiveOn(day))
            .ToList();
    }

    /// <summary>
    /// 7. Running wage subsidies past their review date on the day, by the rule of the review warning: the review date
    /// has passed and no contact with the job's employer about support measures since the last review (or the start). Trinn keeps only
    /// the latest review, so for past days the count can be too low.
    /// </summary>
    public static IReadOnlyList<MeasureRow> WageSubsidiesPastReview(IndicatorData data, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(data);
        var placements = data.Placements.ToDictionary(p => p.Id);
        var contacts = data.SupportContacts
            .Where(c => c.Date <= day && c.Purpose == Employers.EmployerContactPurpose.AgreeSupportMeasures)
            .ToLookup(c => (c.CandidateId, c.EmployerId));
        return RunningMeasures(data, SupportMeasureKind.Lonnstilskudd, day)
            .Where(m => SupportMeasure.ReviewOverdue(m.NextReview, m.LastReviewed, m.From, SupportMeasure.RunsUntil(m.To, placements[m.PlacementId].End),
                contacts[(m.CandidateId, placements[m.PlacementId].EmployerId)].Select(c => (DateOnly?)c.Date).Max(), day))
            .ToList();
    }

    /// <summary>
    /// 8. Candidates who started in the window and the days from start to the first employer contact about them; the
    /// spread is over those who have had one (the others are counted as <see cref="Spread.Without"/>).
    /// </summary>
    public static (Spread Spread, IReadOnlyList<FirstContactDays> Rows) DaysToFirstContact(IndicatorData data, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        var first = data.FirstContacts.GroupBy(f => f.CandidateId).ToDictionary(g => g.Key, g => g.Min(f => f.Date));
        var rows = data.Candidates.Where(c => window.Contains(c.Start))
            .Select(c =>
            {
                var date = first.TryGetValue(c.Id, out var f) && f <= window.To ? f : (DateOnly?)null;
                return new FirstContactDays(c.Id, c.Start, date, date is { } d ? Math.Max(0, d.DayNumber - c.Start.DayNumber) : null);
            })
            .ToList();
        var days = rows.Where(r => r.Days is not null).Select(r => (double)r.Days!.Value).Order().ToList();
        var summary = Descriptives.Summarize(days);
        return (new Spread(
            ToDecimal(summary.Percentile50), ToDecimal(summary.Percentile25), ToDecimal(summary.Percentile75),
            days.Count == 0 ? null : (int)days[0], days.Count == 0 ? null : (int)days[^1], days.Count, rows.Count - days.Count), rows);
    }

    private static decimal? ToDecimal(double? value) => value is { } v ? (decimal)v : null;
}
