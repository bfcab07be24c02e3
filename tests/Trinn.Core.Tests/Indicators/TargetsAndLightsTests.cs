using Trinn.Core.Common;
using Trinn.Core.Indicators;
using static Trinn.Core.Tests.Indicators.Scenario;

namespace Trinn.Core.Tests.Indicators;

public sealed class TargetsAndLightsTests
{
    private static readonly DateTime Now = new(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void InEffect_NoRows_IsTheReportsTarget()
    {
        var t = IndicatorTarget.InEffect([], IndicatorKeys.WorkWithinYear, D(2026, 6, 30))!;
        Assert.Equal(65m, t.Value);
        Assert.Equal(IndicatorTarget.ReportSource, t.Source);
        var band = IndicatorTarget.InEffect([], IndicatorKeys.Caseload, D(2026, 6, 30))!;
        Assert.Equal((12m, 20m), (band.Value, band.UpperValue!.Value));
        Assert.Null(IndicatorTarget.InEffect([], IndicatorKeys.FollowUpsOnTime, D(2026, 6, 30)));
    }

    [Fact]
    public void InEffect_History_LatestValidFromOnOrBeforeTheDayWins()
    {
        // 2025: 60 % from 1 Jan 2025; a correction registered later for the same day: 62 %; 2026: 70 % from 1 Feb 2026.
        var rows = new List<IndicatorTarget>
        {
            IndicatorTarget.Create(IndicatorKeys.WorkWithinYear, D(2025, 1, 1), 60, null, "Oppdragsbrev 2025", "admin", Now),
            IndicatorTarget.Create(IndicatorKeys.WorkWithinYear, D(2025, 1, 1), 62, null, "Rettet oppdragsbrev 2025", "admin", Now.AddDays(1)),
            IndicatorTarget.Create(IndicatorKeys.WorkWithinYear, D(2026, 2, 1), 70, null, "Oppdragsbrev 2026", "admin", Now),
        };

        Assert.Equal(65m, IndicatorTarget.InEffect(rows, IndicatorKeys.WorkWithinYear, D(2024, 12, 31))!.Value);
        Assert.Equal(62m, IndicatorTarget.InEffect(rows, IndicatorKeys.WorkWithinYear, D(2026, 1, 31))!.Value);
        Assert.Equal(70m, IndicatorTarget.InEffect(rows, IndicatorKeys.WorkWithinYear, D(2026, 2, 1))!.Value);
        Assert.Equal(9m, IndicatorTarget.InEffect(rows, IndicatorKeys.DischargedToWork, D(2026, 2, 1))!.Value);
    }

    [Theory]
    [InlineData("nope", 1, null, "x", "Key", "Error_Required")]
    [InlineData(IndicatorKeys.FollowUpsOnTime, 1, null, "x", "Key", "Error_Required")]
    [InlineData(IndicatorKeys.WorkWithinYear, 101, null, "x", "Value", "Error_TargetPercent")]
    [InlineData(IndicatorKeys.WorkWithinYear, -1, null, "x", "Value", "Error_TargetPercent")]
    [InlineData(IndicatorKeys.WorkWithinYear, 65, 70.0, "x", "UpperValue", "Error_TargetNoUpper")]
    [InlineData(IndicatorKeys.Caseload, 12, null, "x", "UpperValue", "Error_TargetUpper")]
    [InlineData(IndicatorKeys.Caseload, 12, 11.0, "x", "UpperValue", "Error_TargetUpper")]
    [InlineData(IndicatorKeys.DischargedToWork, 1001, null, "x", "Value", "Error_TargetValue")]
    [InlineData(IndicatorKeys.DischargedToWork, 9, null, " ", "Source", "Error_Required")]
    public void Create_BadInput_RefusedAtTheField(string key, double value, double? upper, string source, string field, string message)
    {
        var ex = Assert.Throws<DomainException>(() =>
            IndicatorTarget.Create(key, D(2026, 1, 1), (decimal)value, (decimal?)upper, source, "admin", Now));
        Assert.Equal((field, message), (ex.Field, ex.MessageKey));
    }

    [Theory]
    // At least 65 %: met from 65; near from 58.5 (65 × 0.9); red below.
    [InlineData(IndicatorKeys.WorkWithinYear, 65, false, TrafficLight.Met)]
    [InlineData(IndicatorKeys.WorkWithinYear, 58.5, false, TrafficLight.Near)]
    [InlineData(IndicatorKeys.WorkWithinYear, 58.4, false, TrafficLight.NotMet)]
    [InlineData(IndicatorKeys.WorkWithinYear, 58.4, true, TrafficLight.StartUpYear)]
    [InlineData(IndicatorKeys.WorkWithinYear, 60, true, TrafficLight.StartUpYear)]
    [InlineData(IndicatorKeys.WorkWithinYear, 80, true, TrafficLight.Met)]
    // Band 12–20: met inside; near 10.8–22 (10 % outside either end); red outside that.
    [InlineData(IndicatorKeys.Caseload, 12, false, TrafficLight.Met)]
    [InlineData(IndicatorKeys.Caseload, 20, false, TrafficLight.Met)]
    [InlineData(IndicatorKeys.Caseload, 21.9, false, TrafficLight.Near)]
    [InlineData(IndicatorKeys.Caseload, 10.8, false, TrafficLight.Near)]
    [InlineData(IndicatorKeys.Caseload, 22.1, false, TrafficLight.NotMet)]
    [InlineData(IndicatorKeys.Caseload, 10.7, false, TrafficLight.NotMet)]
    public void Light_ValueAgainstTarget(string key, double value, bool startUp, TrafficLight expected)
    {
        var target = IndicatorTarget.InEffect([], key, D(2026, 1, 1))!;
        Assert.Equal(expected, TeamIndicators.Light(target, (decimal)value, startUp, 10));
    }

    [Fact]
    public void Compute_TeamYoungerThanTwelveMonths_MarkedStartUpYearInsteadOfRed()
    {
        // Team started 1 Oct 2025; period ends 30 June 2026 (9 months later). One candidate in follow-up, one FTE: caseload 1
        // (far below 12) → start-up year, not red. With a start before 1 July 2025 the same figure is red.
        var s = new Scenario { StartedOn = D(2025, 10, 1) }.Member("a", 1.0m);
        s.Candidate(D(2025, 11, 1));
        var period = new DatePeriod(D(2025, 7, 1), D(2026, 6, 30));

        var young = TeamIndicators.Compute(s.Data, period, Options);
        s.StartedOn = D(2025, 6, 30);
        var grown = TeamIndicators.Compute(s.Data, period, Options);

        Assert.True(young.StartUpYear);
        Assert.Equal(TrafficLight.StartUpYear, young[IndicatorKeys.Caseload].Light);
        Assert.False(grown.StartUpYear);
        Assert.Equal(TrafficLight.NotMet, grown[IndicatorKeys.Caseload].Light);
    }

    [Fact]
    public void Compute_Individual_LightsOnlyTheTwoIndividualTargets()
    {
        var s = new Scenario().Member("a", 1.0m);
        s.Candidate(D(2025, 11, 1));
        s.Logged("a", D(2026, 6, 2), 450, 450);

        var own = TeamIndicators.Compute(s.Data.ForSpecialist("a"), new DatePeriod(D(2026, 6, 1), D(2026, 6, 30)), Options, individual: true);

        Assert.Null(own[IndicatorKeys.Caseload].Light);
        Assert.NotNull(own[IndicatorKeys.Caseload].Target);
        Assert.NotNull(own[IndicatorKeys.OutOfOffice].Light);
        Assert.NotNull(own[IndicatorKeys.EmployerContacts].Light);
        Assert.Null(own[IndicatorKeys.FollowUpsOnTime].Light);
    }

    [Fact]
    public void Compute_Trend_OnePointPerMonthWithTheTargetInForceThen()
    {
        // Period 15 Jan – 31 Mar 2026: three points (15–31 Jan, Feb, Mar). Target for employer contacts changes to 5 from
        // 1 March. Caseload at each month's end: the candidate started 1 Feb, so 0, 1, 1 per FTE.
        var s = new Scenario().Member("a", 1.0m);
        s.Candidate(D(2026, 2, 1));
        s.Targets.Add(IndicatorTarget.Create(IndicatorKeys.EmployerContacts, D(2026, 3, 1), 5, null, "Nytt brev", "admin", Now));

        var report = TeamIndicators.Compute(s.Data, new DatePeriod(D(2026, 1, 15), D(2026, 3, 31)), Options);

        var contacts = report.SeriesOf(IndicatorKeys.EmployerContacts).Points;
        Assert.Equal(["2026-01", "2026-02", "2026-03"], contacts.Select(p => p.Month.MonthKey));
        Assert.Equal([6m, 6m, 5m], contacts.Select(p => p.Target!.Value));
        Assert.Equal([0m, 1m, 1m], report.SeriesOf(IndicatorKeys.Caseload).Points.Select(p => p.Measure.Value!.Value));
        Assert.Equal(5m, report[IndicatorKeys.EmployerContacts].Target!.Value);
        Assert.Equal(14, report.Values.Count);
    }

    [Fact]
    public void Compute_WithoutTrend_SameValuesAndLights_NoMonths()
    {
        // The dashboard page's per-specialist rows: the period's values only. Leaving the trend out must not change them.
        var s = new Scenario().Member("a", 1.0m);
        s.Candidate(D(2025, 11, 1));
        s.Candidate(D(2026, 2, 1));
        s.Logged("a", D(2026, 6, 2), 450, 200);
        var period = new DatePeriod(D(2025, 7, 1), D(2026, 6, 30));

        var full = TeamIndicators.Compute(s.Data.ForSpecialist("a"), period, Options, individual: true);
        var lean = TeamIndicators.Compute(s.Data.ForSpecialist("a"), period, Options, individual: true, withTrend: false);

        Assert.Empty(lean.Trend);
        Assert.Equal(12, full.SeriesOf(IndicatorKeys.Caseload).Points.Count);
        Assert.Equal(full.Values, lean.Values);
        Assert.Equal(2m, lean[IndicatorKeys.Caseload].Measure.Value);
    }
}

public sealed class IndicatorSuppressionTests
{
    [Theory]
    // work-within-year: a share of people. 3 of 10: "<5", hidden. 8 of 10: the complement 2 would show → ":". 5 of 10 shown.
    [InlineData(IndicatorKeys.WorkWithinYear, 3, 10, "<5", null, false)]
    [InlineData(IndicatorKeys.WorkWithinYear, 8, 10, ":", null, false)]
    [InlineData(IndicatorKeys.WorkWithinYear, 5, 10, null, null, true)]
    // 0 of 4: the group is small ("<5"), and its complement 4 (all four without work) would show too → ":".
    [InlineData(IndicatorKeys.WorkWithinYear, 0, 4, ":", "<5", false)]
    [InlineData(IndicatorKeys.WorkWithinYear, 0, 0, null, null, true)]
    // Caseload: people over FTE; only the people count can be small.
    [InlineData(IndicatorKeys.Caseload, 4, 1.5, "<5", null, false)]
    [InlineData(IndicatorKeys.Caseload, 30, 1.5, null, null, true)]
    // Contacts are the specialists' work, not people: never suppressed.
    [InlineData(IndicatorKeys.EmployerContacts, 2, 1, null, null, true)]
    // Days to first contact: 47 of 51 have had one (4 without would show → ":"), but their median reveals nobody.
    [InlineData(IndicatorKeys.DaysToFirstContact, 47, 51, ":", null, true)]
    [InlineData(IndicatorKeys.DaysToFirstContact, 4, 51, "<5", null, false)]
    public void Apply_SmallCounts(string key, double numerator, double denominator, string? numeratorMark, string? denominatorMark, bool valueShown)
    {
        var m = key == IndicatorKeys.DaysToFirstContact ? new Measure(12m, (decimal)numerator, (decimal)denominator) : Measure.Ratio((decimal)numerator, (decimal)denominator);
        var shown = IndicatorSuppression.Apply(IndicatorKeys.Get(key), m);
        Assert.Equal((numeratorMark, denominatorMark), (shown.NumeratorMark, shown.DenominatorMark));
        Assert.Equal(valueShown ? m.Value : null, shown.Value);
    }

    [Theory]
    // A hidden count of people is the count's own mark; a hidden share, median or people per FTE is ":", never "<5"
    // (which would read as "under 5 %" or "under 5 days").
    [InlineData(IndicatorKeys.InWorkWithoutFollowUp, 3, 10, "<5")]
    [InlineData(IndicatorKeys.InWorkWithoutFollowUp, 8, 10, ":")]
    [InlineData(IndicatorKeys.WorkWithinYear, 3, 10, ":")]
    [InlineData(IndicatorKeys.WorkWithinYear, 1, 1, ":")]
    [InlineData(IndicatorKeys.Caseload, 4, 1.5, ":")]
    [InlineData(IndicatorKeys.DaysToFirstContact, 4, 51, ":")]
    [InlineData(IndicatorKeys.WorkWithinYear, 5, 10, null)]
    public void Apply_HiddenValue_MarkedByItsUnit(string key, double numerator, double denominator, string? valueMark)
    {
        var m = key == IndicatorKeys.DaysToFirstContact ? new Measure(12m, (decimal)numerator, (decimal)denominator)
            : key == IndicatorKeys.InWorkWithoutFollowUp ? new Measure((decimal)numerator, (decimal)numerator, (decimal)denominator)
            : Measure.Ratio((decimal)numerator, (decimal)denominator);

        var shown = IndicatorSuppression.Apply(IndicatorKeys.Get(key), m);

        Assert.Equal(valueMark is not null, shown.ValueHidden);
        Assert.Equal(valueMark, shown.ValueMark);
    }

    [Fact]
    public void ApplySpread_MedianShownButItsCountsSmall_TheCountsAreMarkedAsInTheHeadline()
    {
        // 47 of 51 have had an employer contact: the 4 without are a small count, so neither 47 nor 4 may be shown.
        var spread = new Spread(12m, 11m, 15m, 7, 23, 47, 4);
        var shown = IndicatorSuppression.Apply(IndicatorKeys.Get(IndicatorKeys.DaysToFirstContact), new Measure(12m, 47, 51));

        var s = IndicatorSuppression.ApplySpread(spread, shown)!;

        Assert.Equal((null, ":", null, "<5"), (s.N, s.NMark, s.Without, s.WithoutMark));
        Assert.Equal(12m, s.Spread.Median);
    }

    [Fact]
    public void ApplySpread_NoSmallCounts_ShownAsTheyAre_AndNoneWhenTheMedianIsHidden()
    {
        var spread = new Spread(12m, 11m, 15m, 7, 23, 30, 21);
        var definition = IndicatorKeys.Get(IndicatorKeys.DaysToFirstContact);

        var s = IndicatorSuppression.ApplySpread(spread, IndicatorSuppression.Apply(definition, new Measure(12m, 30, 51)))!;
        var hidden = IndicatorSuppression.ApplySpread(new Spread(3m, 2m, 4m, 1, 5, 3, 48), IndicatorSuppression.Apply(definition, new Measure(3m, 3, 51)));

        Assert.Equal((30, (string?)null, 21, (string?)null), (s.N, s.NMark, s.Without, s.WithoutMark));
        Assert.Null(hidden);
    }
}
