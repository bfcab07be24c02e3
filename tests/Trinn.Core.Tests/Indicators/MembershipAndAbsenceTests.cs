using Trinn.Core.Common;
using Trinn.Core.Identity;
using Trinn.Core.Indicators;
using Trinn.Core.Teams;
using Trinn.Core.TimeLog;
using static Trinn.Core.Tests.Indicators.Scenario;

namespace Trinn.Core.Tests.Indicators;

public sealed class MembershipAndAbsenceTests
{
    private static readonly DateOnly Today = D(2026, 7, 1);
    private static readonly DateTime Now = new(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc);

    private static TrinnUser User(int? team = 1, decimal? fte = 0.8m) => new() { Id = "u1", UserName = "u1", DisplayName = "U", TeamId = team, Fte = fte };

    [Fact]
    public void Change_UserWithoutHistory_KeepsTheOldTeamUntilTheDayBefore()
    {
        var user = User();
        var history = new List<TeamMembership>();

        var next = TeamMembership.Change(user, history, 2, 1.0m, D(2026, 4, 1), Today, Now);

        Assert.Equal(2, history.Count);
        Assert.Equal((1, DateOnly.MinValue, (DateOnly?)D(2026, 3, 31), 0.8m), (history[0].TeamId, history[0].From, history[0].To, history[0].Fte));
        Assert.Same(next, history[1]);
        Assert.Equal((2, D(2026, 4, 1), (DateOnly?)null, 1.0m), (next!.TeamId, next.From, next.To, next.Fte));
        Assert.Equal((2, 1.0m), (user.TeamId!.Value, user.Fte!.Value));
    }

    [Fact]
    public void Change_LeavingTheTeam_EndsTheMembershipAndClearsTheTeam()
    {
        var user = User();
        var history = new List<TeamMembership> { TeamMembership.Start("u1", 1, 0.8m, D(2025, 1, 1), Now) };

        Assert.Null(TeamMembership.Change(user, history, null, null, D(2026, 6, 1), Today, Now));

        Assert.Equal(D(2026, 5, 31), history[0].To);
        Assert.Null(user.TeamId);
        Assert.Null(user.Fte);
    }

    [Theory]
    [InlineData(2026, 7, 2, 1.0, "From", "Error_DateInFuture")]
    [InlineData(2025, 1, 1, 1.0, "From", "Error_MembershipNotAfterLatest")]
    [InlineData(2024, 6, 1, 1.0, "From", "Error_MembershipNotAfterLatest")]
    [InlineData(2026, 3, 1, 1.5, "Fte", "Error_FteRange")]
    [InlineData(2026, 3, 1, 0.05, "Fte", "Error_FteRange")]
    public void Change_BadInput_RefusedAndNothingChanged(int y, int m, int d, double fte, string field, string key)
    {
        var user = User();
        var history = new List<TeamMembership> { TeamMembership.Start("u1", 1, 0.8m, D(2025, 1, 1), Now) };

        var ex = Assert.Throws<DomainException>(() => TeamMembership.Change(user, history, 2, (decimal)fte, D(y, m, d), Today, Now));

        Assert.Equal((field, key), (ex.Field, ex.MessageKey));
        Assert.Single(history);
        Assert.Null(history[0].To);
        Assert.Equal(1, user.TeamId);
    }

    [Fact]
    public void Absence_Rules()
    {
        Assert.Equal("To", Assert.Throws<DomainException>(() => Absence.Create("u", D(2026, 3, 2), D(2026, 3, 1), 100, AbsenceKind.Holiday, Today, Now)).Field);
        Assert.Equal("Error_AbsenceTooLong", Assert.Throws<DomainException>(() => Absence.Create("u", D(2025, 1, 1), D(2026, 1, 2), 100, AbsenceKind.Holiday, Today, Now)).MessageKey);
        Assert.Equal("Error_AbsenceTooFarAhead", Assert.Throws<DomainException>(() => Absence.Create("u", D(2027, 7, 1), D(2027, 7, 2), 100, AbsenceKind.Holiday, Today, Now)).MessageKey);
        Assert.Equal("Percent", Assert.Throws<DomainException>(() => Absence.Create("u", D(2026, 3, 2), D(2026, 3, 2), 0, AbsenceKind.SickLeave, Today, Now)).Field);
        Assert.Equal("Kind", Assert.Throws<DomainException>(() => Absence.Create("u", D(2026, 3, 2), D(2026, 3, 2), 50, (AbsenceKind)9, Today, Now)).Field);
        var planned = Absence.Create("u", D(2026, 7, 13), D(2026, 7, 31), 100, AbsenceKind.Holiday, Today, Now);
        Assert.Equal((D(2026, 7, 13), D(2026, 7, 31), 100), (planned.From, planned.To, planned.Percent));
    }

    [Fact]
    public void Team_StartUpYear_TwelveMonthsFromTheStart()
    {
        Assert.True(Team.InStartUpYear(D(2025, 7, 2), D(2026, 7, 1)));
        Assert.False(Team.InStartUpYear(D(2025, 7, 1), D(2026, 7, 1)));
        Assert.False(Team.InStartUpYear(null, D(2026, 7, 1)));
    }

    [Fact]
    public void Period_MonthsAndDefaults()
    {
        Assert.Equal(new DatePeriod(D(2025, 7, 1), D(2026, 6, 30)), DatePeriod.Rolling12Months(D(2026, 6, 30)));
        Assert.Equal(new DatePeriod(D(2026, 1, 1), D(2026, 7, 1)), DatePeriod.CalendarYear(2026, Today));
        Assert.Equal(new DatePeriod(D(2025, 1, 1), D(2025, 12, 31)), DatePeriod.CalendarYear(2025, Today));
        Assert.Equal(
            [new DatePeriod(D(2026, 1, 15), D(2026, 1, 31)), new DatePeriod(D(2026, 2, 1), D(2026, 2, 28)), new DatePeriod(D(2026, 3, 1), D(2026, 3, 10))],
            new DatePeriod(D(2026, 1, 15), D(2026, 3, 10)).Months());
    }
}
