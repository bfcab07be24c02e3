using Trinn.Core.Candidates;

namespace Trinn.Core.Tests.Candidates;

public sealed class DischargeOutcomeDefinitionsTests
{
    [Fact]
    public void EveryOutcome_IsConfigured() =>
        Assert.Equal(Enum.GetValues<DischargeOutcome>().Order(), DischargeOutcomeDefinitions.All.Keys.Order());

    [Fact]
    public void Official_IsOrdinaryWorkAndWorkWithWageSubsidy() =>
        Assert.Equal([DischargeOutcome.OrdinaryWork, DischargeOutcome.WorkWithWageSubsidy], DischargeOutcomeDefinitions.Counted(broader: false));

    [Fact]
    public void Broader_AddsEducationOnly() =>
        Assert.Equal([DischargeOutcome.OrdinaryWork, DischargeOutcome.WorkWithWageSubsidy, DischargeOutcome.Education], DischargeOutcomeDefinitions.Counted(broader: true));

    [Fact]
    public void OfficialIsASubsetOfBroader() =>
        Assert.All(DischargeOutcomeDefinitions.All.Values, d => Assert.True(!d.ToWorkOfficial || d.ToWorkBroader, d.Outcome.ToString()));

    [Theory]
    [InlineData(DischargeOutcome.BackToNavNotReady)] // "tilbake til NAV-veileder — ikke klar for arbeid"
    [InlineData(DischargeOutcome.DurationLimitReached)] // "varighetsgrensen nådd"
    [InlineData(DischargeOutcome.HealthTreatment)]
    [InlineData(DischargeOutcome.DisabilityBenefit)]
    [InlineData(DischargeOutcome.NoContact)]
    public void NonWorkOutcomes_CountInNeither(DischargeOutcome outcome)
    {
        Assert.False(DischargeOutcomeDefinitions.CountsToWorkOfficial(outcome));
        Assert.False(DischargeOutcomeDefinitions.CountsToWorkBroader(outcome));
    }
}
