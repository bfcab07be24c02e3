using Trinn.Core.Candidates;

namespace Trinn.Core.Tests.Candidates;

/// <summary>Days in stage and the no-contact warning: one definition each, used by the candidate page and the lists.</summary>
public class FollowUpWarningsTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData(2026, 6, 15, 0)]
    [InlineData(2026, 6, 14, 1)]
    [InlineData(2026, 5, 15, 31)]
    [InlineData(2026, 6, 20, 0)]
    public void DaysIn_StageSince_CountsWholeDaysAndNeverNegative(int year, int month, int day, int expected)
    {
        Assert.Equal(expected, Stages.DaysIn(new DateOnly(year, month, day), Today));
    }

    [Fact]
    public void DaysInStage_Candidate_UsesTheSameCount()
    {
        var c = new Candidate { FirstName = "A", LastName = "B", NationalId = "01818012337" };
        c.Start(new DateOnly(2026, 6, 1), "u1", DateTime.UtcNow);

        Assert.Equal(14, c.DaysInStage(Today));
        Assert.Equal(Stages.DaysIn(new DateOnly(2026, 6, 1), Today), c.DaysInStage(Today));
    }

    [Fact]
    public void NoRecentContact_LastContactFourteenDaysAgo_DoesNotWarn()
    {
        Assert.False(ContactWarning.NoRecentContact(Today.AddDays(-ContactWarning.Days), Today.AddDays(-100), null, Today));
    }

    [Fact]
    public void NoRecentContact_LastContactFifteenDaysAgo_Warns()
    {
        Assert.True(ContactWarning.NoRecentContact(Today.AddDays(-15), Today.AddDays(-100), null, Today));
    }

    [Fact]
    public void NoRecentContact_NoContactYet_CountsFromReferral()
    {
        Assert.False(ContactWarning.NoRecentContact(null, Today.AddDays(-14), null, Today));
        Assert.True(ContactWarning.NoRecentContact(null, Today.AddDays(-15), null, Today));
    }

    [Fact]
    public void NoRecentContact_Discharged_NeverWarns()
    {
        Assert.False(ContactWarning.NoRecentContact(Today.AddDays(-60), Today.AddDays(-100), Today.AddDays(-30), Today));
    }

    [Fact]
    public void Days_IsFourteen()
    {
        Assert.Equal(14, ContactWarning.Days);
    }
}
