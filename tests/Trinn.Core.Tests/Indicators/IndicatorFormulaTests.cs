using Trinn.Core.Candidates;
using Trinn.Core.FollowUps;
using Trinn.Core.Indicators;
using Trinn.Core.Placements;
using static Trinn.Core.Tests.Indicators.Scenario;

namespace Trinn.Core.Tests.Indicators;

/// <summary>The scenarios, built by hand, with the answers worked out in the comments.</summary>
public sealed class IndicatorFormulaTests
{
    private static readonly DatePeriod Year = new(D(2025, 7, 1), D(2026, 6, 30));

    [Fact]
    public void Caseload_PartTimeSpecialist_DividesByTheFteSum()
    {
        // FTE 1.0 + 0.5 = 1.5 on 30 June 2026. Active that day: five running, one discharged the day after (still
        // active); not active: one discharged that day, one starting the day after. 6 / 1.5 = 4.
        var s = new Scenario().Member("a", 1.0m).Member("b", 0.5m);
        for (var i = 0; i < 5; i++)
        {
            s.Candidate(D(2026, 1, 1));
        }

        s.Candidate(D(2026, 1, 1), D(2026, 7, 1), DischargeOutcome.NoContact);
        s.Candidate(D(2026, 1, 1), D(2026, 6, 30), DischargeOutcome.NoContact);
        s.Candidate(D(2026, 7, 1));

        var m = IndicatorFormulas.Caseload(s.Data, s.Staff, D(2026, 6, 30));

        Assert.Equal(6m, m.Numerator);
        Assert.Equal(1.5m, m.Denominator);
        Assert.Equal(4m, m.Value);
    }

    [Fact]
    public void WorkWithinYear_CandidateDischargedAndReferredAgain_EachReferralIsItsOwnYear()
    {
        // One person, two referrals (two candidate rows). First: started 10 Jan 2025, discharged 15 Apr 2025 without a
        // result, so that year closed on 15 Apr 2025. Second: started 2 Jun 2025, paid regular job from 1 Sep 2025, still
        // in follow-up; its year closes 1 Jun 2026.
        var s = new Scenario();
        var first = s.Candidate(D(2025, 1, 10), D(2025, 4, 15), DischargeOutcome.NoContact);
        var second = s.Candidate(D(2025, 6, 2));
        s.Placement(second, PlacementKind.Permanent, D(2025, 9, 1));

        // July 2025 – June 2026: only the second year closed in it; it got to work: 1 of 1 = 100 %.
        var year = IndicatorFormulas.YearOutcomes(s.Data, Year);
        Assert.Equal([new YearOutcome(second, D(2026, 6, 1), true, true)], year);
        // Calendar 2025: only the first year closed in it, without work: 0 of 1 = 0 %.
        var (official, _) = IndicatorFormulas.WorkWithinYear(s.Data, new DatePeriod(D(2025, 1, 1), D(2025, 12, 31)));
        Assert.Equal(new Measure(0m, 0, 1), official);
        Assert.DoesNotContain(IndicatorFormulas.YearOutcomes(s.Data, new DatePeriod(D(2025, 1, 1), D(2025, 12, 31))), o => o.CandidateId == second);
        _ = first;
    }

    [Fact]
    public void WorkWithinYear_PaidJobEndingBeforeTwelveMonths_StillCountsAsWork()
    {
        // Years closing July 2025 – June 2026 (start + 12 months − 1 day, or the discharge):
        //  A started 1 Mar 2025, paid regular job 1 May – 31 Aug 2025 (dropped out)   → work (it started within the year)
        //  B started 1 Apr 2025, paid job in a sheltered firm only                     → not work
        //  C started 1 May 2025, arbeidstrening only                                   → not work
        //  D started 1 Sep 2025, discharged 1 Mar 2026 to education                    → broader only
        //  E started 1 Oct 2025, discharged 1 Feb 2026 to work with wage subsidy        → work
        //  F started 1 Jan 2026: its year has not closed                               → not in the cohort
        // Official 2 of 5 = 40 %; broader 3 of 5 = 60 %.
        var s = new Scenario();
        var a = s.Candidate(D(2025, 3, 1));
        s.Placement(a, PlacementKind.Temporary, D(2025, 5, 1), D(2025, 8, 31), PlacementEnding.DroppedOut);
        var b = s.Candidate(D(2025, 4, 1));
        s.Placement(b, PlacementKind.Permanent, D(2025, 6, 1), market: LabourMarket.Sheltered);
        var c = s.Candidate(D(2025, 5, 1));
        s.Placement(c, PlacementKind.Arbeidstrening, D(2025, 6, 1));
        s.Candidate(D(2025, 9, 1), D(2026, 3, 1), DischargeOutcome.Education);
        s.Candidate(D(2025, 10, 1), D(2026, 2, 1), DischargeOutcome.WorkWithWageSubsidy);
        s.Candidate(D(2026, 1, 1));

        var (official, broader) = IndicatorFormulas.WorkWithinYear(s.Data, Year);

        Assert.Equal(new Measure(40m, 2, 5), official);
        Assert.Equal(new Measure(60m, 3, 5), broader);
    }

    [Fact]
    public void DischargedToWork_SpecialistMovingTeamsMidYear_DividesByFteYears()
    {
        // January – June 2026 (181 days): "a" full time all along, "c" full time January – March before moving teams.
        // FTE-days 181 + 90 = 271 → FTE-years 271 / 365. Discharged in the period: two to ordinary work, one with wage
        // subsidy, one to education, one with no contact. Official 3 / (271/365) = 4.0406; broader 4 / (271/365) = 5.3875.
        var s = new Scenario().Member("a", 1.0m).Member("c", 1.0m, D(2026, 1, 1), D(2026, 3, 31));
        s.Candidate(D(2025, 6, 1), D(2026, 2, 1), DischargeOutcome.OrdinaryWork);
        s.Candidate(D(2025, 6, 1), D(2026, 5, 1), DischargeOutcome.OrdinaryWork);
        s.Candidate(D(2025, 6, 1), D(2026, 6, 30), DischargeOutcome.WorkWithWageSubsidy);
        s.Candidate(D(2025, 6, 1), D(2026, 3, 1), DischargeOutcome.Education);
        s.Candidate(D(2025, 6, 1), D(2026, 4, 1), DischargeOutcome.NoContact);
        s.Candidate(D(2025, 6, 1), D(2025, 12, 31), DischargeOutcome.OrdinaryWork); // before the period

        var (official, broader) = IndicatorFormulas.DischargedToWork(s.Data, s.Staff, new DatePeriod(D(2026, 1, 1), D(2026, 6, 30)));

        Assert.Equal(3m, official.Numerator);
        Assert.Equal(271m / 365m, official.Denominator);
        Assert.Equal(4.0406m, decimal.Round(official.Value!.Value, 4));
        Assert.Equal(5.3875m, decimal.Round(broader.Value!.Value, 4));
    }

    [Fact]
    public void DischargedToWork_BackToNavOrDurationLimit_CountInNeitherDefinition()
    {
        // January – June 2026 (181 days), one full-time specialist: FTE-years 181 / 365. Discharged: one to ordinary
        // work, one to education, one back to NAV not ready, one at the duration limit (the two outcomes of issue 15).
        // Official 1 / (181/365) = 2.0166; broader 2 / (181/365) = 4.0331.
        var s = new Scenario().Member("a", 1.0m);
        s.Candidate(D(2025, 6, 1), D(2026, 2, 1), DischargeOutcome.OrdinaryWork);
        s.Candidate(D(2025, 6, 1), D(2026, 3, 1), DischargeOutcome.Education);
        s.Candidate(D(2025, 6, 1), D(2026, 4, 1), DischargeOutcome.BackToNavNotReady);
        s.Candidate(D(2023, 6, 1), D(2026, 5, 1), DischargeOutcome.DurationLimitReached);

        var (official, broader) = IndicatorFormulas.DischargedToWork(s.Data, s.Staff, new DatePeriod(D(2026, 1, 1), D(2026, 6, 30)));

        Assert.Equal(1m, official.Numerator);
        Assert.Equal(2m, broader.Numerator);
        Assert.Equal(181m / 365m, official.Denominator);
        Assert.Equal(2.0166m, decimal.Round(official.Value!.Value, 4));
        Assert.Equal(4.0331m, decimal.Round(broader.Value!.Value, 4));
    }

    [Fact]
    public void WorkWithinYear_BackToNavOrDurationLimit_InTheCohortButNotAtWork()
    {
        // Window January – June 2026, today 1 July. Four first years close in it: started 1 Apr 2025, discharged to work
        // 1 Mar 2026; started 1 Mar 2025, back to NAV not ready 1 Feb 2026; started 15 Jan 2025, duration limit 10 Jan
        // 2026; started 1 Feb 2025, still followed up with no job (year closes 1 Feb 2026). Official 1/4 = 25 %, broader
        // the same: neither new outcome is work or education.
        var s = new Scenario { Today = D(2026, 7, 1) }.Member("a", 1.0m);
        s.Candidate(D(2025, 4, 1), D(2026, 3, 1), DischargeOutcome.OrdinaryWork);
        s.Candidate(D(2025, 3, 1), D(2026, 2, 1), DischargeOutcome.BackToNavNotReady);
        s.Candidate(D(2025, 1, 15), D(2026, 1, 10), DischargeOutcome.DurationLimitReached);
        s.Candidate(D(2025, 2, 1));

        var (official, broader) = IndicatorFormulas.WorkWithinYear(s.Data, new DatePeriod(D(2026, 1, 1), D(2026, 6, 30)));

        Assert.Equal(new Measure(25m, 1, 4), official);
        Assert.Equal(new Measure(25m, 1, 4), broader);
    }

    [Fact]
    public void EmployerContacts_WeekWithOnlyPhoneContacts_CountsNoInPersonContact()
    {
        // Mon 2 – Sun 8 March 2026, one full-time specialist (one FTE-week). Five phone calls, nothing in person:
        // in person 0 per week, all contacts 5 per week.
        var s = new Scenario().Member("a", 1.0m);
        s.Contact("a", D(2026, 3, 3), all: 3, inPerson: 0);
        s.Contact("a", D(2026, 3, 5), all: 2, inPerson: 0);

        var c = IndicatorFormulas.EmployerContacts(s.Data, s.Staff, new DatePeriod(D(2026, 3, 2), D(2026, 3, 8)));

        Assert.Equal(new Measure(0m, 0, 1m), c.InPerson);
        Assert.Equal(new Measure(0m, 0, 1m), c.CandidateSpecific);
        Assert.Equal(new Measure(5m, 5, 1m), c.All);
    }

    [Fact]
    public void EmployerContacts_PartTimeAndMovingSpecialists_AverageOverWorkingWeeks()
    {
        // March 2026 has 22 weekdays. "a" full time (22 days), "b" at 50 % (11 full-day equivalents), "c" in this team
        // until 15 March (10 weekdays: 2–6 and 9–13 March) and in another team after it.
        // FTE-weeks = (22 + 11 + 10) × 450 min / 2250 min = 8.6.
        // In person: a 30, b 12, c 6 before the move (its 9 after the move belong to the other team) = 48 → 48 / 8.6 = 5.5814.
        var s = new Scenario().Member("a", 1.0m).Member("b", 0.5m).Member("c", 1.0m, D(2026, 1, 1), D(2026, 3, 15));
        s.Contact("a", D(2026, 3, 10), 35, 30, candidateSpecific: 20, newEmployer: 5);
        s.Contact("b", D(2026, 3, 11), 12, 12, candidateSpecific: 4);
        s.Contact("c", D(2026, 3, 12), 6, 6);
        s.Contact("c", D(2026, 3, 20), 9, 9);

        var c = IndicatorFormulas.EmployerContacts(s.Data, s.Staff, new DatePeriod(D(2026, 3, 1), D(2026, 3, 31)));

        Assert.Equal(48m, c.InPerson.Numerator);
        Assert.Equal(8.6m, c.InPerson.Denominator);
        Assert.Equal(5.5814m, decimal.Round(c.InPerson.Value!.Value, 4));
        Assert.Equal(24m, c.CandidateSpecific.Numerator);
        Assert.Equal(5m, c.NewEmployers.Numerator);
        Assert.Equal(53m, c.All.Numerator);
    }

    [Fact]
    public void OutOfOffice_WeekWithNoTimeLogged_CountsAsNoTimeOutOfWorkingTime()
    {
        // Two weeks, one full-time specialist: week 1 (2–8 March) nothing logged; week 2 (9–15 March) 30 h logged, 15 h of
        // them out of the office. Share of working time: week 1 0 / 37.5 = 0 %; week 2 15 / 37.5 = 40 %; both weeks
        // 15 / 75 = 20 %. Share of logged time: week 1 none (no logged time), week 2 and both weeks 15 / 30 = 50 %.
        var s = new Scenario().Member("a", 1.0m);
        s.Logged("a", D(2026, 3, 10), total: 900, outMinutes: 450);
        s.Logged("a", D(2026, 3, 12), total: 900, outMinutes: 450);

        var week1 = IndicatorFormulas.OutOfOffice(s.Data, s.Staff, new DatePeriod(D(2026, 3, 2), D(2026, 3, 8)));
        var week2 = IndicatorFormulas.OutOfOffice(s.Data, s.Staff, new DatePeriod(D(2026, 3, 9), D(2026, 3, 15)));
        var both = IndicatorFormulas.OutOfOffice(s.Data, s.Staff, new DatePeriod(D(2026, 3, 2), D(2026, 3, 15)));

        Assert.Equal(new Measure(0m, 0m, 37.5m), week1.OfWorkingTime);
        Assert.Null(week1.OfLoggedTime.Value);
        Assert.Equal(40m, week2.OfWorkingTime.Value);
        Assert.Equal(20m, both.OfWorkingTime.Value);
        Assert.Equal(50m, both.OfLoggedTime.Value);
    }

    [Fact]
    public void OutOfOffice_PartTimeWithHoliday_MeasuresAgainstTheRemainingWorkingTime()
    {
        // FTE 0.5 over 2–15 March 2026 (10 weekdays × 3.75 h = 37.5 h), holiday 9–13 March (18.75 h) → 18.75 h working
        // time. 9 h out of the office of 12 h logged: 9 / 18.75 = 48 % of working time, 75 % of logged time.
        var s = new Scenario().Member("b", 0.5m);
        s.Absences.Add(new AbsenceSpan("b", D(2026, 3, 9), D(2026, 3, 13), 100));
        s.Logged("b", D(2026, 3, 3), total: 720, outMinutes: 540);

        var m = IndicatorFormulas.OutOfOffice(s.Data, s.Staff, new DatePeriod(D(2026, 3, 2), D(2026, 3, 15)));

        Assert.Equal(new Measure(48m, 9m, 18.75m), m.OfWorkingTime);
        Assert.Equal(75m, m.OfLoggedTime.Value);
    }

    [Fact]
    public void FollowUps_PeriodBoundaryInsideAPlacement_CountsOnlyTheSlotsPlannedInThePeriod()
    {
        // A paid job from Tue 10 Feb 2026. Its plan has slots on 6 Feb (before start), 12 Feb (after start), weekly 17
        // and 24 Feb, 3 and 10 March, monthly 10 April. Period: March 2026. Due in it: 3 March (done 5 March, within the
        // weekly slot's 3 days → met) and 10 March (done 14 March, a day too late → not met): 1 of 2 = 50 %. The
        // February slots, all missed, are outside the period.
        var s = new Scenario();
        var c = s.Candidate(D(2026, 1, 5));
        var job = s.Placement(c, PlacementKind.Permanent, D(2026, 2, 10));
        s.FollowUp(c, job, FollowUpKind.BeforeStart, D(2026, 2, 6));
        s.FollowUp(c, job, FollowUpKind.AfterStart, D(2026, 2, 12));
        s.FollowUp(c, job, FollowUpKind.Weekly, D(2026, 2, 17));
        s.FollowUp(c, job, FollowUpKind.Weekly, D(2026, 2, 24));
        s.FollowUp(c, job, FollowUpKind.Weekly, D(2026, 3, 3), D(2026, 3, 5));
        s.FollowUp(c, job, FollowUpKind.Weekly, D(2026, 3, 10), D(2026, 3, 14));
        s.FollowUp(c, job, FollowUpKind.Monthly, D(2026, 4, 10));
        s.Meetings.Add(new CandidateDate(c, D(2026, 3, 5)));
        s.Meetings.Add(new CandidateDate(c, D(2026, 3, 14)));
        var march = new DatePeriod(D(2026, 3, 1), D(2026, 3, 31));

        Assert.Equal(new Measure(50m, 1, 2), IndicatorFormulas.FollowUpsOnTime(s.Data, march));
        // In work on 31 March, met on 14 March (within 30 days): not without follow-up. On 30 April the last meeting is
        // 47 days old: in work without follow-up.
        Assert.Equal([c], IndicatorFormulas.InWork(s.Data, D(2026, 3, 31)));
        Assert.Empty(IndicatorFormulas.InWorkWithoutFollowUp(s.Data, D(2026, 3, 31)));
        Assert.Equal([c], IndicatorFormulas.InWorkWithoutFollowUp(s.Data, D(2026, 4, 30)));
    }

    [Fact]
    public void FollowUps_JobEnded_OpenSlotsAfterItAreNotDue()
    {
        // The job ends 20 March; the weekly slot of 24 March and the monthly one of 10 April are no longer due.
        var s = new Scenario();
        var c = s.Candidate(D(2026, 1, 5));
        var job = s.Placement(c, PlacementKind.Temporary, D(2026, 2, 24), D(2026, 3, 20), PlacementEnding.Mismatch);
        s.FollowUp(c, job, FollowUpKind.Weekly, D(2026, 3, 17), D(2026, 3, 17));
        s.FollowUp(c, job, FollowUpKind.Weekly, D(2026, 3, 24));
        s.FollowUp(c, job, FollowUpKind.Monthly, D(2026, 4, 10));

        var due = IndicatorFormulas.DueFollowUps(s.Data, new DatePeriod(D(2026, 3, 1), D(2026, 4, 30)));

        Assert.Equal(new Measure(100m, 1, 1), IndicatorFormulas.FollowUpsOnTime(s.Data, new DatePeriod(D(2026, 3, 1), D(2026, 4, 30))));
        Assert.Single(due);
    }

    [Fact]
    public void WageSubsidies_PastReviewWithoutContact_CountedWhileRunning()
    {
        // Two subsidies on running jobs, review dates 1 May and 1 June 2026. On 15 June: the first has had a contact
        // with the employer about support measures on 5 May (after its start), so it is not overdue; the second has
        // none → 1 of 2 past review. A mentor grant runs on one of the jobs.
        var s = new Scenario();
        var c1 = s.Candidate(D(2026, 1, 5));
        var j1 = s.Placement(c1, PlacementKind.Permanent, D(2026, 2, 1), employer: 7);
        var c2 = s.Candidate(D(2026, 1, 5));
        var j2 = s.Placement(c2, PlacementKind.Permanent, D(2026, 2, 1), employer: 8);
        s.Measures.Add(new MeasureRow(1, j1, c1, SupportMeasureKind.Lonnstilskudd, D(2026, 2, 1), null, D(2026, 5, 1), null));
        s.Measures.Add(new MeasureRow(2, j2, c2, SupportMeasureKind.Lonnstilskudd, D(2026, 2, 1), null, D(2026, 6, 1), null));
        s.Measures.Add(new MeasureRow(3, j2, c2, SupportMeasureKind.Mentortilskudd, D(2026, 2, 1), D(2026, 8, 1), null, null));
        s.SupportContacts.Add(new SupportContact(c1, 7, D(2026, 5, 5), Core.Employers.EmployerContactPurpose.AgreeSupportMeasures));
        // A support contact with another employer does not count for the second subsidy.
        s.SupportContacts.Add(new SupportContact(c2, 7, D(2026, 5, 5), Core.Employers.EmployerContactPurpose.AgreeSupportMeasures));

        Assert.Equal([2], IndicatorFormulas.WageSubsidiesPastReview(s.Data, D(2026, 6, 15)).Select(m => m.Id));
        Assert.Empty(IndicatorFormulas.WageSubsidiesPastReview(s.Data, D(2026, 4, 15)));
        Assert.Equal([3], IndicatorFormulas.RunningMeasures(s.Data, SupportMeasureKind.Mentortilskudd, D(2026, 6, 15)).Select(m => m.Id));
    }

    [Fact]
    public void WageSubsidiesPastReview_EndedSubsidyOrJob_NotCounted_LikeTheWarning()
    {
        // 1 January–1 June 2020, review due 1 March 2020, no contact: past review in May, not after it ended; an open
        // subsidy on a job ended 1 April 2020 likewise stops with the job. The warning's rule says the same.
        var s = new Scenario();
        var c = s.Candidate(D(2019, 12, 1));
        var j1 = s.Placement(c, PlacementKind.Permanent, D(2020, 1, 1), employer: 7);
        var j2 = s.Placement(c, PlacementKind.Permanent, D(2020, 1, 1), D(2020, 4, 1), PlacementEnding.ContractEnded, employer: 8);
        s.Measures.Add(new MeasureRow(1, j1, c, SupportMeasureKind.Lonnstilskudd, D(2020, 1, 1), D(2020, 6, 1), D(2020, 3, 1), null));
        s.Measures.Add(new MeasureRow(2, j2, c, SupportMeasureKind.Lonnstilskudd, D(2020, 1, 1), null, D(2020, 3, 1), null));

        Assert.Equal([1, 2], IndicatorFormulas.WageSubsidiesPastReview(s.Data, D(2020, 3, 15)).Select(m => m.Id));
        Assert.Equal([1], IndicatorFormulas.WageSubsidiesPastReview(s.Data, D(2020, 5, 1)).Select(m => m.Id));
        Assert.Empty(IndicatorFormulas.WageSubsidiesPastReview(s.Data, D(2020, 6, 2)));
        Assert.True(SupportMeasure.ReviewOverdue(D(2020, 3, 1), null, D(2020, 1, 1), D(2020, 6, 1), null, D(2020, 5, 1)));
        Assert.False(SupportMeasure.ReviewOverdue(D(2020, 3, 1), null, D(2020, 1, 1), D(2020, 6, 1), null, D(2020, 6, 2)));
        Assert.False(SupportMeasure.ReviewOverdue(D(2020, 3, 1), null, D(2020, 1, 1), SupportMeasure.RunsUntil(null, D(2020, 4, 1)), null, D(2020, 5, 1)));
    }

    [Fact]
    public void DaysToFirstContact_MedianQuartilesAndThoseWithoutContact()
    {
        // Started in March 2026, first employer contact about them after 4, 10, 20 and 60 days; one without any.
        // Sorted 4, 10, 20, 60 (n = 4). Median (10 + 20) / 2 = 15. HAVERAGE P25: w = 5 × 0.25 = 1.25 → 4 + 0.25 × 6 = 5.5;
        // P75: w = 3.75 → 20 + 0.75 × 40 = 50. Range 4–60; one without contact.
        var s = new Scenario();
        foreach (var days in new[] { 4, 10, 20, 60 })
        {
            var c = s.Candidate(D(2026, 3, 2));
            s.FirstContacts.Add(new CandidateDate(c, D(2026, 3, 2).AddDays(days)));
        }

        s.Candidate(D(2026, 3, 9));
        s.Candidate(D(2026, 2, 1)); // started before the period

        var (spread, rows) = IndicatorFormulas.DaysToFirstContact(s.Data, new DatePeriod(D(2026, 3, 1), D(2026, 6, 30)));

        Assert.Equal(new Spread(15m, 5.5m, 50m, 4, 60, 4, 1), spread);
        Assert.Equal(5, rows.Count);
    }
}
