using Trinn.Core.Placements;
using Trinn.Core.Teams;

namespace Trinn.Core.Indicators;

/// <summary>
/// Puts the formulas together into a team's (or one specialist's) indicators for a period, with targets, traffic lights
/// and a monthly trend. Trend points: caseload, candidates in work without follow-up, wage subsidies and mentor grants
/// at each month's end; transition to work and discharges to work over the 12 months up to each month's end (the
/// definitions are yearly); the rest over the month itself.
/// </summary>
public static class TeamIndicators
{
    /// <param name="individual">Figures of one specialist: traffic lights only on the two targets that apply to individuals.</param>
    /// <param name="withTrend">
    /// False leaves the monthly trend out (an empty <see cref="IndicatorReport.Trend"/>): the per-specialist rows of the
    /// dashboard page show only the period's values, and the twelve months are most of the work.
    /// </param>
    public static IndicatorReport Compute(IndicatorData data, DatePeriod period, IndicatorOptions options, bool individual = false, bool withTrend = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var staff = new StaffCalendar(data.Memberships, data.Absences, options.WeeklyHours);
        var startUp = Team.InStartUpYear(data.TeamStartedOn, period.To);
        var values = new List<IndicatorValue>();
        var trend = new List<IndicatorSeries>();
        var months = withTrend ? period.Months() : [];

        void Add(string key, Measure measure, DateOnly? onDate = null, Measure? broader = null, Spread? spread = null)
        {
            var target = IndicatorKeys.Get(key).Targetable ? IndicatorTarget.InEffect(data.Targets, key, period.To) : null;
            var lit = target is not null && (!individual || IndicatorKeys.TargetAppliesToIndividual(key));
            values.Add(new IndicatorValue(key, measure, onDate, target, lit ? Light(target!, measure.Value, startUp, options.NearTargetPercent) : null, broader, spread));
        }

        void Series(string key, Func<DatePeriod, (Measure Measure, Measure? Broader)> point)
        {
            if (!withTrend)
            {
                return;
            }

            var targetable = IndicatorKeys.Get(key).Targetable;
            trend.Add(new IndicatorSeries(key, months.Select(m =>
            {
                var (measure, broader) = point(m);
                var target = targetable ? IndicatorTarget.InEffect(data.Targets, key, m.To) : null;
                return new IndicatorPoint(m, measure, broader, target?.Value, target?.UpperValue);
            }).ToList()));
        }

        Add(IndicatorKeys.Caseload, IndicatorFormulas.Caseload(data, staff, period.To), period.To);
        Series(IndicatorKeys.Caseload, m => (IndicatorFormulas.Caseload(data, staff, m.To), null));

        var work = IndicatorFormulas.WorkWithinYear(data, period);
        Add(IndicatorKeys.WorkWithinYear, work.Official, broader: work.Broader);
        Series(IndicatorKeys.WorkWithinYear, m => IndicatorFormulas.WorkWithinYear(data, DatePeriod.Rolling12Months(m.To)));

        var discharged = IndicatorFormulas.DischargedToWork(data, staff, period);
        Add(IndicatorKeys.DischargedToWork, discharged.Official, broader: discharged.Broader);
        Series(IndicatorKeys.DischargedToWork, m => IndicatorFormulas.DischargedToWork(data, staff, DatePeriod.Rolling12Months(m.To)));

        var contacts = IndicatorFormulas.EmployerContacts(data, staff, period);
        Add(IndicatorKeys.EmployerContacts, contacts.InPerson);
        Add(IndicatorKeys.EmployerContactsCandidateSpecific, contacts.CandidateSpecific);
        Add(IndicatorKeys.EmployerContactsNewEmployers, contacts.NewEmployers);
        Add(IndicatorKeys.EmployerContactsAll, contacts.All);
        var monthContacts = months.Select(m => IndicatorFormulas.EmployerContacts(data, staff, m)).ToList();
        if (withTrend)
        {
            trend.Add(Monthly(IndicatorKeys.EmployerContacts, months, monthContacts.Select(c => c.InPerson).ToList(), data));
            trend.Add(Monthly(IndicatorKeys.EmployerContactsCandidateSpecific, months, monthContacts.Select(c => c.CandidateSpecific).ToList(), data));
            trend.Add(Monthly(IndicatorKeys.EmployerContactsNewEmployers, months, monthContacts.Select(c => c.NewEmployers).ToList(), data));
            trend.Add(Monthly(IndicatorKeys.EmployerContactsAll, months, monthContacts.Select(c => c.All).ToList(), data));
        }

        var outOfOffice = IndicatorFormulas.OutOfOffice(data, staff, period);
        Add(IndicatorKeys.OutOfOffice, outOfOffice.OfWorkingTime);
        Add(IndicatorKeys.OutOfOfficeOfLogged, outOfOffice.OfLoggedTime);
        var monthTime = months.Select(m => IndicatorFormulas.OutOfOffice(data, staff, m)).ToList();
        if (withTrend)
        {
            trend.Add(Monthly(IndicatorKeys.OutOfOffice, months, monthTime.Select(t => t.OfWorkingTime).ToList(), data));
            trend.Add(Monthly(IndicatorKeys.OutOfOfficeOfLogged, months, monthTime.Select(t => t.OfLoggedTime).ToList(), data));
        }

        Add(IndicatorKeys.FollowUpsOnTime, IndicatorFormulas.FollowUpsOnTime(data, period));
        Series(IndicatorKeys.FollowUpsOnTime, m => (IndicatorFormulas.FollowUpsOnTime(data, m), null));

        Add(IndicatorKeys.InWorkWithoutFollowUp, WithoutFollowUp(data, period.To), period.To);
        Series(IndicatorKeys.InWorkWithoutFollowUp, m => (WithoutFollowUp(data, m.To), null));

        Add(IndicatorKeys.WageSubsidiesPastReview, PastReview(data, period.To), period.To);
        Series(IndicatorKeys.WageSubsidiesPastReview, m => (PastReview(data, m.To), null));

        Add(IndicatorKeys.MentorGrants, Mentors(data, period.To), period.To);
        Series(IndicatorKeys.MentorGrants, m => (Mentors(data, m.To), null));

        var (spread, _) = IndicatorFormulas.DaysToFirstContact(data, period);
        Add(IndicatorKeys.DaysToFirstContact, FromSpread(spread), spread: spread);
        Series(IndicatorKeys.DaysToFirstContact, m => (FromSpread(IndicatorFormulas.DaysToFirstContact(data, m).Spread), null));

        var order = IndicatorKeys.All.Select((d, i) => (d.Key, i)).ToDictionary(x => x.Key, x => x.i);
        return new IndicatorReport(period, startUp, values.OrderBy(v => order[v.Key]).ToList(), trend.OrderBy(s => order[s.Key]).ToList());
    }

    /// <summary>
    /// Green when the target is met; yellow within <paramref name="nearPercent"/> % of it; red otherwise, except in the
    /// team's start-up year, when yellow and red become "start-up year" (no target expected).
    /// </summary>
    public static TrafficLight? Light(IndicatorTarget target, decimal? value, bool startUpYear, int nearPercent)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (value is not { } v)
        {
            return null;
        }

        if (target.IsMet(v))
        {
            return TrafficLight.Met;
        }

        var near = nearPercent / 100m;
        var isNear = target.UpperValue is { } upper
            ? v >= target.Value * (1 - near) && v <= upper * (1 + near)
            : v >= target.Value * (1 - near);
        return startUpYear ? TrafficLight.StartUpYear : isNear ? TrafficLight.Near : TrafficLight.NotMet;
    }

    private static IndicatorSeries Monthly(string key, IReadOnlyList<DatePeriod> months, List<Measure> measures, IndicatorData data)
    {
        var targetable = IndicatorKeys.Get(key).Targetable;
        return new IndicatorSeries(key, months.Select((m, i) =>
        {
            var target = targetable ? IndicatorTarget.InEffect(data.Targets, key, m.To) : null;
            return new IndicatorPoint(m, measures[i], null, target?.Value, target?.UpperValue);
        }).ToList());
    }

    private static Measure WithoutFollowUp(IndicatorData data, DateOnly day)
    {
        var without = IndicatorFormulas.InWorkWithoutFollowUp(data, day).Count;
        return new Measure(without, without, IndicatorFormulas.InWork(data, day).Count);
    }

    private static Measure PastReview(IndicatorData data, DateOnly day)
    {
        var past = IndicatorFormulas.WageSubsidiesPastReview(data, day).Count;
        return new Measure(past, past, IndicatorFormulas.RunningMeasures(data, SupportMeasureKind.Lonnstilskudd, day).Count);
    }

    private static Measure Mentors(IndicatorData data, DateOnly day)
    {
        var mentors = IndicatorFormulas.RunningMeasures(data, SupportMeasureKind.Mentortilskudd, day).Select(m => m.CandidateId).Distinct().Count();
        return new Measure(mentors, mentors, IndicatorFormulas.InWork(data, day).Count);
    }

    private static Measure FromSpread(Spread spread) => new(spread.Median, spread.N, spread.N + spread.Without);
}
