using Trinn.Core.Candidates;
using Trinn.Core.Common;

namespace Trinn.Core.Tests.Candidates;

/// <summary>
/// Discharge keeps a record with the handover summary; "a discharged candidate who loses the job within 12 months can
/// be taken back with one action that keeps the history" (the report asks for support after discharge).
/// </summary>
public sealed class DischargeAndTakeBackTests
{
    private static readonly DateOnly Referred = new(2025, 6, 2);
    private static readonly DateOnly Discharged = new(2026, 3, 2);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static Candidate DischargedToWork(DischargeOutcome outcome = DischargeOutcome.OrdinaryWork)
    {
        var c = new Candidate { FirstName = "Test", LastName = "Person", NationalId = "x" };
        c.Start(Referred, "u", Now);
        c.MoveToStage(4, new DateOnly(2025, 12, 1), "Fikk jobb", "u", Discharged, Now);
        c.Discharge(Discharged, outcome, "Internt notat", Referred, Discharged, "Veilederen følger opp lønnstilskuddet");
        return c;
    }

    [Fact]
    public void Discharge_KeepsARecordWithTheHandoverSummary()
    {
        var c = DischargedToWork();
        var record = Assert.Single(c.Discharges);
        Assert.Equal((Discharged, DischargeOutcome.OrdinaryWork, "Veilederen følger opp lønnstilskuddet"), (record.DischargedOn, record.Outcome, record.HandoverAgreed));
        Assert.Null(record.TakenBackOn);
    }

    [Fact]
    public void TakeBack_LostJobWithinTwelveMonths_BackToStage3_HistoryKept()
    {
        var c = DischargedToWork();
        var lost = Discharged.AddMonths(8);
        c.TakeBack(lost, "Mistet jobben ved nedbemanning", "u2", lost, Now);
        Assert.Null(c.DischargedOn);
        Assert.Null(c.DischargeOutcome);
        Assert.Equal(Candidate.TakeBackStage, c.Stage);
        Assert.Equal(lost, c.StageSince);
        var record = Assert.Single(c.Discharges);
        Assert.Equal((lost, "Mistet jobben ved nedbemanning", "u2"), (record.TakenBackOn, record.TakeBackReason, record.TakenBackById));
        Assert.Equal(DischargeOutcome.OrdinaryWork, record.Outcome);
        Assert.Contains("Mistet jobben ved nedbemanning", c.StageChanges[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TakeBack_MoreThanTwelveMonthsAfterDischarge_Refused()
    {
        var c = DischargedToWork();
        var late = Discharged.AddMonths(12).AddDays(1);
        Assert.Equal("Error_TakeBackAfterYear", Assert.Throws<DomainException>(() => c.TakeBack(late, "Mistet jobben", "u", late, Now)).MessageKey);
        Assert.NotNull(c.DischargedOn);
        Assert.False(c.CanBeTakenBack(late));
        Assert.True(c.CanBeTakenBack(Discharged.AddMonths(12)));
    }

    [Theory]
    [InlineData(DischargeOutcome.Education)]
    [InlineData(DischargeOutcome.BackToNavNotReady)]
    public void TakeBack_NotDischargedToWork_Refused(DischargeOutcome outcome)
    {
        var c = DischargedToWork(outcome);
        Assert.Equal("Error_TakeBackNotWork", Assert.Throws<DomainException>(() => c.TakeBack(Discharged.AddDays(10), "x", "u", Discharged.AddDays(10), Now)).MessageKey);
    }

    [Fact]
    public void TakeBack_ReasonRequired_DateNotBeforeDischargeNorAhead()
    {
        var c = DischargedToWork();
        var today = Discharged.AddMonths(2);
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => c.TakeBack(today, " ", "u", today, Now)).Field);
        Assert.Equal("Error_TakeBackBeforeDischarge", Assert.Throws<DomainException>(() => c.TakeBack(Discharged.AddDays(-1), "x", "u", today, Now)).MessageKey);
        Assert.Equal("Error_DateInFuture", Assert.Throws<DomainException>(() => c.TakeBack(today.AddDays(1), "x", "u", today, Now)).MessageKey);
    }

    [Fact]
    public void TakeBack_ThenDischargedAgain_BothDischargesKept()
    {
        var c = DischargedToWork();
        var back = Discharged.AddMonths(3);
        c.TakeBack(back, "Mistet jobben", "u", back, Now);
        c.Discharge(back.AddMonths(4), DischargeOutcome.WorkWithWageSubsidy, null, Referred, back.AddMonths(4));
        Assert.Equal(2, c.Discharges.Count);
        Assert.Equal(back, c.Discharges[0].TakenBackOn);
        Assert.Null(c.Discharges[1].TakenBackOn);
    }

    [Fact]
    public void TakeBack_NotDischarged_Refused()
    {
        var c = new Candidate { FirstName = "Test", LastName = "Person", NationalId = "x" };
        c.Start(Referred, "u", Now);
        Assert.Equal("Error_NotDischarged", Assert.Throws<DomainException>(() => c.TakeBack(Discharged, "x", "u", Discharged, Now)).MessageKey);
    }

    [Fact]
    public void SetProgramme_Undefined_Refused_ValidKept()
    {
        var c = new Candidate { FirstName = "Test", LastName = "Person", NationalId = "x" };
        Assert.Equal(Programme.UtvidetOppfolging, c.Programme);
        c.SetProgramme(Programme.Ips);
        Assert.Throws<DomainException>(() => c.SetProgramme((Programme)42));
        Assert.Equal(Programme.Ips, c.Programme);
    }
}
