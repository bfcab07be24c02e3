using Trinn.Core.Common;
using Trinn.Core.Placements;

namespace Trinn.Core.Tests.Placements;

/// <summary>
/// "Wage subsidy only on paid placements (arbeidstrening is 'jobb uten lønn'); mentor and inclusion grants where the
/// rules allow them", and the mentor's mandate, training and joint period with the job specialist.
/// </summary>
public sealed class SupportMeasureRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static Placement Of(PlacementKind kind) =>
        Placement.Register(1, 1, kind, LabourMarket.Regular, Placement.IsPaidKind(kind) ? 50 : null, Today.AddDays(-10), null, "u", Now);

    private static SupportMeasure Measure(SupportMeasureKind kind) => kind switch
    {
        SupportMeasureKind.Lonnstilskudd => SupportMeasure.Lonnstilskudd(40, Today, null, Today.AddMonths(3), Now),
        SupportMeasureKind.Mentortilskudd => SupportMeasure.Mentortilskudd("Kollega", 8, Today, Today.AddMonths(6), Now),
        SupportMeasureKind.Inkluderingstilskudd => SupportMeasure.Inkluderingstilskudd(5000, "Hev/senk-pult", Now),
        SupportMeasureKind.Tilretteleggingsplan or _ => SupportMeasure.Tilretteleggingsplan("Plan", Today, Now),
    };

    private static SupportMeasure Dated(SupportMeasureKind kind, DateOnly from) => kind switch
    {
        SupportMeasureKind.Lonnstilskudd => SupportMeasure.Lonnstilskudd(40, from, null, from.AddMonths(3), Now),
        SupportMeasureKind.Mentortilskudd => SupportMeasure.Mentortilskudd("Kollega", 8, from, null, Now),
        SupportMeasureKind.Inkluderingstilskudd => throw new ArgumentOutOfRangeException(nameof(kind), "An inclusion grant has no period."),
        SupportMeasureKind.Tilretteleggingsplan or _ => SupportMeasure.Tilretteleggingsplan("Plan", from, Now),
    };

    [Theory]
    [InlineData(PlacementKind.Jobbsmak, SupportMeasureKind.Lonnstilskudd, false)]
    [InlineData(PlacementKind.Arbeidstrening, SupportMeasureKind.Lonnstilskudd, false)] // "jobb uten lønn"
    [InlineData(PlacementKind.Permanent, SupportMeasureKind.Lonnstilskudd, true)]
    [InlineData(PlacementKind.Temporary, SupportMeasureKind.Lonnstilskudd, true)]
    [InlineData(PlacementKind.Substitute, SupportMeasureKind.Lonnstilskudd, true)]
    [InlineData(PlacementKind.OnCall, SupportMeasureKind.Lonnstilskudd, true)]
    [InlineData(PlacementKind.Jobbsmak, SupportMeasureKind.Mentortilskudd, false)]
    [InlineData(PlacementKind.Arbeidstrening, SupportMeasureKind.Mentortilskudd, true)]
    [InlineData(PlacementKind.Permanent, SupportMeasureKind.Mentortilskudd, true)]
    [InlineData(PlacementKind.Jobbsmak, SupportMeasureKind.Inkluderingstilskudd, false)]
    [InlineData(PlacementKind.Arbeidstrening, SupportMeasureKind.Inkluderingstilskudd, true)]
    [InlineData(PlacementKind.Jobbsmak, SupportMeasureKind.Tilretteleggingsplan, true)]
    public void AddMeasure_FollowsTheRules(PlacementKind placementKind, SupportMeasureKind measureKind, bool allowed)
    {
        var placement = Of(placementKind);
        var measure = Measure(measureKind);
        if (allowed)
        {
            placement.AddMeasure(measure);
            Assert.Single(placement.Measures);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => placement.AddMeasure(measure));
            Assert.Equal(("Kind", "Error_MeasureNotAllowed_" + measureKind), (ex.Field, ex.MessageKey));
            Assert.Empty(placement.Measures);
        }

        Assert.Equal(allowed, SupportMeasureRules.Allowed(measureKind, placementKind));
    }

    [Fact]
    public void AddMeasure_EndedPlacement_Refused()
    {
        var p = Of(PlacementKind.Permanent);
        p.End(Today, PlacementEnding.ContractEnded, Today);
        Assert.Equal("Error_PlacementEnded", Assert.Throws<DomainException>(() => p.AddMeasure(Measure(SupportMeasureKind.Tilretteleggingsplan))).MessageKey);
    }

    [Theory]
    [InlineData(SupportMeasureKind.Lonnstilskudd)]
    [InlineData(SupportMeasureKind.Mentortilskudd)]
    [InlineData(SupportMeasureKind.Tilretteleggingsplan)]
    public void AddMeasure_StartBeforeJobStart_RefusedAtFromDate(SupportMeasureKind kind)
    {
        // A wage subsidy from 2020 on a job that starts in 2026; also a mentor arranged the week before the start.
        var job = Placement.Register(1, 1, PlacementKind.Permanent, LabourMarket.Regular, 50, new DateOnly(2026, 3, 2), null, "u", Now);
        foreach (var from in new[] { new DateOnly(2020, 3, 2), new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 1) })
        {
            var ex = Assert.Throws<DomainException>(() => job.AddMeasure(Dated(kind, from)));
            Assert.Equal(("FromDate", "Error_MeasureBeforeJobStart"), (ex.Field, ex.MessageKey));
        }

        Assert.Empty(job.Measures);
    }

    [Theory]
    [InlineData(SupportMeasureKind.Lonnstilskudd)]
    [InlineData(SupportMeasureKind.Mentortilskudd)]
    [InlineData(SupportMeasureKind.Tilretteleggingsplan)]
    public void AddMeasure_StartOnJobStartOrLastDay_Accepted(SupportMeasureKind kind)
    {
        var job = Placement.Register(1, 1, PlacementKind.Temporary, LabourMarket.Regular, 50, new DateOnly(2026, 3, 2), new DateOnly(2026, 8, 31), "u", Now);
        job.AddMeasure(Dated(kind, new DateOnly(2026, 3, 2)));
        job.AddMeasure(Dated(kind, new DateOnly(2026, 8, 31)));
        Assert.Equal(2, job.Measures.Count);
    }

    [Theory]
    [InlineData(SupportMeasureKind.Lonnstilskudd)]
    [InlineData(SupportMeasureKind.Mentortilskudd)]
    [InlineData(SupportMeasureKind.Tilretteleggingsplan)]
    public void AddMeasure_StartAfterJobEnd_RefusedAtFromDate(SupportMeasureKind kind)
    {
        // A temporary job planned to end 31.08 (not yet ended: an ended job takes no measures at all).
        var job = Placement.Register(1, 1, PlacementKind.Temporary, LabourMarket.Regular, 50, new DateOnly(2026, 3, 2), new DateOnly(2026, 8, 31), "u", Now);
        var ex = Assert.Throws<DomainException>(() => job.AddMeasure(Dated(kind, new DateOnly(2026, 9, 1))));
        Assert.Equal(("FromDate", "Error_MeasureAfterJobEnd"), (ex.Field, ex.MessageKey));
        Assert.Empty(job.Measures);
    }

    [Fact]
    public void AddMeasure_InclusionGrantHasNoPeriod_AcceptedOnAnyOpenJob()
    {
        var job = Placement.Register(1, 1, PlacementKind.Permanent, LabourMarket.Regular, 50, Today.AddDays(30), null, "u", Now);
        job.AddMeasure(Measure(SupportMeasureKind.Inkluderingstilskudd));
        Assert.Single(job.Measures);
    }

    [Fact]
    public void DescribeMentor_MandateRequired_JointPeriodInsideGrant()
    {
        // "det er også helt avgjørende at det lages konkrete rammer for vervet slik at mentoren har et mandat"
        var m = Measure(SupportMeasureKind.Mentortilskudd);
        Assert.Equal("MentorMandate", Assert.Throws<DomainException>(() => m.DescribeMentor(" ", null, null, null)).Field);
        Assert.Equal("Error_JointPeriodBothDates", Assert.Throws<DomainException>(() => m.DescribeMentor("Mandat", null, Today, null)).MessageKey);
        Assert.Equal("Error_JointOutsideGrant", Assert.Throws<DomainException>(() => m.DescribeMentor("Mandat", null, Today.AddDays(-1), Today.AddDays(10))).MessageKey);
        Assert.Equal("Error_JointOutsideGrant", Assert.Throws<DomainException>(() => m.DescribeMentor("Mandat", null, Today, Today.AddMonths(7))).MessageKey);
        Assert.Equal("Error_EndBeforeStart", Assert.Throws<DomainException>(() => m.DescribeMentor("Mandat", null, Today.AddDays(5), Today)).MessageKey);
        Assert.Null(m.MentorMandate);
        m.DescribeMentor(" Fast kontaktperson ", "Kurs i veiledning", Today, Today.AddMonths(1));
        Assert.Equal(("Fast kontaktperson", "Kurs i veiledning", Today, Today.AddMonths(1)), (m.MentorMandate, m.MentorTraining, m.JointFrom, m.JointTo));
    }

    [Fact]
    public void DescribeMentor_OnAnotherMeasure_Refused() =>
        Assert.Equal("Error_NotMentorGrant", Assert.Throws<DomainException>(() => Measure(SupportMeasureKind.Lonnstilskudd).DescribeMentor("x", null, null, null)).MessageKey);

    [Fact]
    public void ChangePlannedEnd_TemporaryJobExtended_TakesAMeasureInTheNewPeriod()
    {
        var job = Placement.Register(1, 1, PlacementKind.Temporary, LabourMarket.Regular, 50, new DateOnly(2026, 3, 2), new DateOnly(2026, 8, 31), "u", Now);

        job.ChangePlannedEnd(new DateOnly(2026, 12, 31));
        job.AddMeasure(Dated(SupportMeasureKind.Mentortilskudd, new DateOnly(2026, 10, 1)));

        Assert.Equal(new DateOnly(2026, 12, 31), job.EndDate);
        Assert.Single(job.Measures);
        Assert.True(job.IsActiveOn(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void ChangePlannedEnd_None_RunsUntilFurtherNotice()
    {
        var job = Placement.Register(1, 1, PlacementKind.Temporary, LabourMarket.Regular, 50, new DateOnly(2026, 3, 2), new DateOnly(2026, 8, 31), "u", Now);

        job.ChangePlannedEnd(null);

        Assert.Null(job.EndDate);
        Assert.True(job.IsActiveOn(new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void ChangePlannedEnd_BeforeStartOrBeforeAMeasureStarts_Refused_NothingChanged()
    {
        var job = Placement.Register(1, 1, PlacementKind.Temporary, LabourMarket.Regular, 50, new DateOnly(2026, 3, 2), new DateOnly(2026, 8, 31), "u", Now);
        job.AddMeasure(Dated(SupportMeasureKind.Lonnstilskudd, new DateOnly(2026, 6, 1)));

        var beforeStart = Assert.Throws<DomainException>(() => job.ChangePlannedEnd(new DateOnly(2026, 3, 1)));
        var beforeMeasure = Assert.Throws<DomainException>(() => job.ChangePlannedEnd(new DateOnly(2026, 5, 31)));

        Assert.Equal(("EndDate", "Error_EndBeforeStart"), (beforeStart.Field, beforeStart.MessageKey));
        Assert.Equal(("EndDate", "Error_PlannedEndBeforeMeasure"), (beforeMeasure.Field, beforeMeasure.MessageKey));
        Assert.Equal(new DateOnly(2026, 8, 31), job.EndDate);
        job.ChangePlannedEnd(new DateOnly(2026, 6, 1));
        Assert.Equal(new DateOnly(2026, 6, 1), job.EndDate);
    }

    [Fact]
    public void ChangePlannedEnd_EndedJob_Refused()
    {
        var job = Placement.Register(1, 1, PlacementKind.Temporary, LabourMarket.Regular, 50, new DateOnly(2026, 3, 2), new DateOnly(2026, 8, 31), "u", Now);
        job.End(new DateOnly(2026, 8, 31), PlacementEnding.ContractEnded, Today);

        var ex = Assert.Throws<DomainException>(() => job.ChangePlannedEnd(new DateOnly(2026, 12, 31)));

        Assert.Equal(("Ending", "Error_PlacementEnded"), (ex.Field, ex.MessageKey));
        Assert.Equal(new DateOnly(2026, 8, 31), job.EndDate);
    }
}
