using Trinn.Core.Candidates;
using Trinn.Core.Common;

namespace Trinn.Core.Tests.Candidates;

public class CandidateStageTests
{
    private static readonly DateOnly Referred = new(2026, 1, 5);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTime Now = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    private static Candidate NewCandidate()
    {
        var c = new Candidate { FirstName = "Test", LastName = "Person", NationalId = "01818012337" };
        c.Start(Referred, "u1", Now);
        return c;
    }

    [Fact]
    public void Start_NewCandidate_IsInStageOneSinceReferral()
    {
        var c = NewCandidate();

        Assert.Equal(1, c.Stage);
        Assert.Equal(Referred, c.StageSince);
        var first = Assert.Single(c.StageChanges);
        Assert.Null(first.FromStage);
    }

    [Fact]
    public void MoveToStage_ForwardThenBack_RecordsEveryMoveInOrder()
    {
        var c = NewCandidate();
        c.MoveToStage(2, new DateOnly(2026, 2, 1), "Avtale signert", "u1", Today, Now);
        c.MoveToStage(4, new DateOnly(2026, 4, 1), "Fikk jobb", "u1", Today, Now);
        c.MoveToStage(3, new DateOnly(2026, 5, 1), "Mistet jobben", "u1", Today, Now);

        Assert.Equal(3, c.Stage);
        Assert.Equal(new DateOnly(2026, 5, 1), c.StageSince);
        Assert.Equal([1, 2, 4, 3], c.StageChanges.Select(s => s.ToStage));
        Assert.True(c.StageChanges[^1].IsBackward);
        Assert.False(c.StageChanges[2].IsBackward);
        Assert.Equal(31, c.DaysInStage(Today));
    }

    [Theory]
    [InlineData(1, "2026-02-01", "x", "ToStage", "Error_StageSame")]
    [InlineData(6, "2026-02-01", "x", "ToStage", "Error_StageInvalid")]
    [InlineData(0, "2026-02-01", "x", "ToStage", "Error_StageInvalid")]
    [InlineData(2, "2026-06-02", "x", "Date", "Error_DateInFuture")]
    [InlineData(2, "2026-01-04", "x", "Date", "Error_DateBeforeCurrentStage")]
    [InlineData(2, "2026-02-01", " ", "Reason", "Error_Required")]
    public void MoveToStage_BadInput_IsRefusedAtTheFieldAndChangesNothing(int to, string date, string reason, string field, string key)
    {
        var c = NewCandidate();

        var ex = Assert.Throws<DomainException>(() => c.MoveToStage(to, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), reason, "u1", Today, Now));

        Assert.Equal(field, ex.Field);
        Assert.Equal(key, ex.MessageKey);
        Assert.Equal(1, c.Stage);
        Assert.Single(c.StageChanges);
    }

    [Fact]
    public void MoveToStage_ReasonTooLong_IsRefused()
    {
        var c = NewCandidate();
        var ex = Assert.Throws<DomainException>(() => c.MoveToStage(2, Today, new string('x', Candidate.ReasonMaxLength + 1), "u1", Today, Now));
        Assert.Equal("Error_TooLong", ex.MessageKey);
    }

    [Fact]
    public void Discharge_BeforeReferral_IsRefused()
    {
        var c = NewCandidate();
        var ex = Assert.Throws<DomainException>(() => c.Discharge(Referred.AddDays(-1), DischargeOutcome.OrdinaryWork, null, Referred, Today));
        Assert.Equal("Date", ex.Field);
        Assert.Equal("Error_DischargeBeforeStart", ex.MessageKey);
        Assert.Null(c.DischargedOn);
    }

    [Fact]
    public void Discharge_ThenMove_IsRefusedAndStatusIsDischarged()
    {
        var c = NewCandidate();
        c.PrimarySpecialistId = "u1";
        Assert.Equal(CandidateStatus.Active, c.Status);

        c.Discharge(Today, DischargeOutcome.Education, "Begynte på skole", Referred, Today);

        Assert.Equal(CandidateStatus.Discharged, c.Status);
        Assert.Equal(DischargeOutcome.Education, c.DischargeOutcome);
        Assert.Throws<DomainException>(() => c.MoveToStage(2, Today, "x", "u1", Today, Now));
        Assert.Throws<DomainException>(() => c.Discharge(Today, DischargeOutcome.Other, null, Referred, Today));
    }

    [Fact]
    public void Discharge_InTheFuture_IsRefused()
    {
        var c = NewCandidate();
        var ex = Assert.Throws<DomainException>(() => c.Discharge(Today.AddDays(1), DischargeOutcome.OrdinaryWork, null, Referred, Today));
        Assert.Equal("Error_DateInFuture", ex.MessageKey);
    }

    [Fact]
    public void Status_WithoutSpecialist_IsAwaitingSpecialist()
    {
        Assert.Equal(CandidateStatus.AwaitingSpecialist, NewCandidate().Status);
    }
}
