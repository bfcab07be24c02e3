using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Placements;

namespace Trinn.Core.Tests.Placements;

public sealed class PlacementRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Jobbsmak_LongerThanThreeDays_Warns(int days, bool warns)
    {
        var start = new DateOnly(2026, 11, 2);
        var p = Placement.Register(1, 1, PlacementKind.Jobbsmak, LabourMarket.Regular, null, start, start.AddDays(days - 1), "u", Now);
        Assert.Equal(days, p.Days);
        Assert.Equal(warns, p.JobbsmakTooLong);
    }

    [Fact]
    public void Arbeidstrening_LongerThanThreeDays_NoJobbsmakWarning()
    {
        var p = Placement.Register(1, 1, PlacementKind.Arbeidstrening, LabourMarket.Regular, null, Today.AddDays(-30), Today, "u", Now);
        Assert.False(p.JobbsmakTooLong);
    }

    [Fact]
    public void Register_PaidWithoutPercent_Refused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Placement.Register(1, 1, PlacementKind.Permanent, LabourMarket.Regular, null, Today, null, "u", Now));
        Assert.Equal("PositionPercent", ex.Field);
    }

    [Fact]
    public void Register_EndBeforeStart_Refused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Placement.Register(1, 1, PlacementKind.Jobbsmak, LabourMarket.Regular, null, Today, Today.AddDays(-1), "u", Now));
        Assert.Equal("EndDate", ex.Field);
    }

    [Fact]
    public void PaidPlacement_CandidateInStage3_MovesToStage4AtStart()
    {
        var candidate = CandidateInStage(3, new DateOnly(2026, 9, 1));
        var p = Placement.Register(1, 1, PlacementKind.Temporary, LabourMarket.Regular, 60, new DateOnly(2026, 11, 16), null, "u", Now);
        Assert.True(PlacementStages.OnRegistered(candidate, p, "u", Today, Now));
        Assert.Equal(4, candidate.Stage);
        Assert.Equal(new DateOnly(2026, 11, 16), candidate.StageSince);
        Assert.Equal("Startet i betalt jobb", candidate.StageChanges[^1].Reason);
    }

    [Fact]
    public void PaidPlacement_StartingLater_MovesToStage4Today()
    {
        var candidate = CandidateInStage(3, new DateOnly(2026, 9, 1));
        var p = Placement.Register(1, 1, PlacementKind.Permanent, LabourMarket.Regular, 100, Today.AddDays(10), null, "u", Now);
        PlacementStages.OnRegistered(candidate, p, "u", Today, Now);
        Assert.Equal(Today, candidate.StageSince);
    }

    [Fact]
    public void UnpaidPlacement_StageUnchanged()
    {
        var candidate = CandidateInStage(3, new DateOnly(2026, 9, 1));
        var p = Placement.Register(1, 1, PlacementKind.Jobbsmak, LabourMarket.Regular, null, Today, Today, "u", Now);
        Assert.False(PlacementStages.OnRegistered(candidate, p, "u", Today, Now));
        Assert.Equal(3, candidate.Stage);
    }

    [Fact]
    public void EndPaid_NoOtherJob_OffersBackToStage3_OtherJob_DoesNot()
    {
        var candidate = CandidateInStage(4, new DateOnly(2026, 9, 1));
        var p = Placement.Register(1, 1, PlacementKind.Permanent, LabourMarket.Regular, 50, new DateOnly(2026, 10, 1), null, "u", Now);
        p.End(Today, PlacementEnding.Dismissed, Today);
        Assert.True(PlacementStages.OfferBackToJobFinding(candidate, p, otherPaidActive: false));
        Assert.False(PlacementStages.OfferBackToJobFinding(candidate, p, otherPaidActive: true));
    }

    [Fact]
    public void End_WithoutHowItEnded_RefusedAndStillOpen()
    {
        var p = Placement.Register(1, 1, PlacementKind.Permanent, LabourMarket.Regular, 50, new DateOnly(2026, 10, 1), null, "u", Now);
        var ex = Assert.Throws<DomainException>(() => p.End(Today, null, Today));
        Assert.Equal("Ending", ex.Field);
        Assert.Null(p.EndDate);
    }

    [Fact]
    public void End_MeasuresRunningPastTheDay_EndWithTheJob()
    {
        var p = Placement.Register(1, 1, PlacementKind.Permanent, LabourMarket.Regular, 50, new DateOnly(2026, 8, 28), null, "u", Now);
        var wage = SupportMeasure.Lonnstilskudd(40, new DateOnly(2026, 8, 28), new DateOnly(2027, 8, 28), new DateOnly(2026, 11, 28), Now);
        var mentor = SupportMeasure.Mentortilskudd("Kollega", 8, new DateOnly(2026, 9, 1), null, Now);
        mentor.DescribeMentor("Mandat", null, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31));
        var over = SupportMeasure.Mentortilskudd("Kollega", 8, new DateOnly(2026, 8, 28), new DateOnly(2026, 10, 1), Now);
        var inclusion = SupportMeasure.Inkluderingstilskudd(5000, "Hev/senk-pult", Now);
        foreach (var m in new[] { wage, mentor, over, inclusion })
        {
            p.AddMeasure(m);
        }

        p.End(Today, PlacementEnding.ContractEnded, Today);

        Assert.Equal(Today, wage.ToDate);
        Assert.Equal(Today, mentor.ToDate);
        Assert.Equal(Today, mentor.JointTo);
        // Ended before the job did, or without a period: unchanged.
        Assert.Equal(new DateOnly(2026, 10, 1), over.ToDate);
        Assert.Null(inclusion.ToDate);
        Assert.Null(inclusion.FromDate);
    }

    [Fact]
    public void WageSubsidy_ReviewDateBeforeStart_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => SupportMeasure.Lonnstilskudd(40, Today, null, Today.AddDays(-1), Now));
        Assert.Equal("NextReviewDate", ex.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void WageSubsidy_PercentOutOfRange_Refused(int percent) =>
        Assert.Equal("Percent", Assert.Throws<DomainException>(() => SupportMeasure.Lonnstilskudd(percent, Today, null, Today.AddMonths(3), Now)).Field);

    [Fact]
    public void ReviewOverdue_Cases()
    {
        var from = new DateOnly(2026, 5, 1);
        var review = new DateOnly(2026, 11, 1);
        // Review date not yet passed.
        Assert.False(SupportMeasure.ReviewOverdue(Today.AddDays(1), null, from, null, null, Today));
        Assert.False(SupportMeasure.ReviewOverdue(Today, null, from, null, null, Today));
        // Passed, never any contact about it.
        Assert.True(SupportMeasure.ReviewOverdue(review, null, from, null, null, Today));
        // Passed, contact about it after the subsidy started (no review yet).
        Assert.False(SupportMeasure.ReviewOverdue(review, null, from, null, new DateOnly(2026, 10, 1), Today));
        // Passed, last contact before the last review.
        Assert.True(SupportMeasure.ReviewOverdue(review, new DateOnly(2026, 8, 1), from, null, new DateOnly(2026, 7, 31), Today));
        // Passed, contact on the day of the last review counts.
        Assert.False(SupportMeasure.ReviewOverdue(review, new DateOnly(2026, 8, 1), from, null, new DateOnly(2026, 8, 1), Today));
    }

    [Fact]
    public void ReviewOverdue_SubsidyEnded_NotOverdue()
    {
        // 1 January–1 June 2020, review due 1 March 2020, never reviewed nor any contact: overdue only while it runs.
        var from = new DateOnly(2020, 1, 1);
        var review = new DateOnly(2020, 3, 1);
        var to = new DateOnly(2020, 6, 1);
        Assert.True(SupportMeasure.ReviewOverdue(review, null, from, to, null, new DateOnly(2020, 5, 1)));
        Assert.True(SupportMeasure.ReviewOverdue(review, null, from, to, null, to));
        Assert.False(SupportMeasure.ReviewOverdue(review, null, from, to, null, to.AddDays(1)));
        Assert.False(SupportMeasure.ReviewOverdue(review, null, from, to, null, Today));
        // An open subsidy on a job that ended (its end date passed) has ended with the job.
        Assert.False(SupportMeasure.ReviewOverdue(review, null, from, SupportMeasure.RunsUntil(null, new DateOnly(2020, 4, 1)), null, Today));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("2027-01-31", null, "2027-01-31")]
    [InlineData(null, "2027-01-31", "2027-01-31")]
    [InlineData("2027-01-31", "2026-12-31", "2026-12-31")]
    [InlineData("2026-12-31", "2027-01-31", "2026-12-31")]
    public void RunsUntil_TheEarlierEnd(string? to, string? jobEnd, string? expected) =>
        Assert.Equal(Parse(expected), SupportMeasure.RunsUntil(Parse(to), Parse(jobEnd)));

    [Fact]
    public void SuggestNextReview_SameCadenceFromTheReview_NotPastTheEnd()
    {
        // Started 1 May, first review 1 November: a cadence of 184 days, counted again from today.
        var open = SupportMeasure.Lonnstilskudd(40, new DateOnly(2026, 5, 1), null, new DateOnly(2026, 11, 1), Now);
        Assert.Equal(Today.AddDays(184), open.SuggestNextReview(Today));
        // After a review the cadence runs from that review.
        open.Review(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), Today);
        Assert.Equal(Today.AddDays(30), open.SuggestNextReview(Today));
        // Never past the subsidy's end; none when it ends on the review day or before.
        var ending = SupportMeasure.Lonnstilskudd(40, new DateOnly(2026, 5, 1), new DateOnly(2027, 1, 31), new DateOnly(2026, 11, 1), Now);
        Assert.Equal(new DateOnly(2027, 1, 31), ending.SuggestNextReview(Today));
        Assert.Null(ending.SuggestNextReview(new DateOnly(2027, 1, 31)));
    }

    [Fact]
    public void SuggestNextReview_IsAcceptedByReview()
    {
        var m = SupportMeasure.Lonnstilskudd(40, new DateOnly(2026, 5, 1), null, new DateOnly(2026, 11, 1), Now);
        m.Review(Today, m.SuggestNextReview(Today), Today);
        Assert.Equal(Today, m.LastReviewedOn);
        Assert.True(m.NextReviewDate > Today);
    }

    [Fact]
    public void Mentor_And_Inclusion_RequireTheirFields()
    {
        Assert.Equal("MentorName", Assert.Throws<DomainException>(() => SupportMeasure.Mentortilskudd(" ", 8, Today, null, Now)).Field);
        Assert.Equal("HoursPerMonth", Assert.Throws<DomainException>(() => SupportMeasure.Mentortilskudd("Kollega", 0, Today, null, Now)).Field);
        Assert.Equal("Amount", Assert.Throws<DomainException>(() => SupportMeasure.Inkluderingstilskudd(0, "Hev/senk-pult", Now)).Field);
        Assert.Equal("Text", Assert.Throws<DomainException>(() => SupportMeasure.Inkluderingstilskudd(5000, "", Now)).Field);
    }

    private static Candidate CandidateInStage(int stage, DateOnly referred)
    {
        var c = new Candidate { FirstName = "A", LastName = "B", NationalId = "x" };
        c.Start(referred, "u", Now);
        for (var s = 2; s <= stage; s++)
        {
            c.MoveToStage(s, referred.AddDays(s), "r", "u", Today, Now);
        }

        return c;
    }

    private static DateOnly? Parse(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
