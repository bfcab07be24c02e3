using Trinn.Core.Common;
using Trinn.Core.Duration;

namespace Trinn.Core.Tests.Duration;

/// <summary>
/// Forskrift § 5: 6 months, "kan forlenges med ytterligere seks måneder" (in one or more steps, each with a reason) to
/// 12 months in all, up to 3 years in all with nedsatt arbeidsevne. End dates are last days.
/// </summary>
public sealed class FollowUpPeriodTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void Start_EndsAfterSixMonths()
    {
        var p = FollowUpPeriod.Start(1, Start, false);
        Assert.Equal(new DateOnly(2026, 7, 14), p.EndDate);
        Assert.Equal(new DateOnly(2027, 1, 14), p.Limit);
    }

    [Fact]
    public void ReducedCapacity_LimitIsThreeYears() =>
        Assert.Equal(new DateOnly(2029, 1, 14), FollowUpPeriod.Start(1, Start, true).Limit);

    [Fact]
    public void Extend_WithoutReason_Refused()
    {
        var p = FollowUpPeriod.Start(1, Start, false);
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => p.Extend(new DateOnly(2027, 1, 14), " ", "u", Today)).Field);
        Assert.Equal(new DateOnly(2026, 7, 14), p.EndDate);
    }

    [Fact]
    public void Extend_ToTwelveMonths_Allowed_OneDayMore_Refused()
    {
        var p = FollowUpPeriod.Start(1, Start, false);
        var ex = Assert.Throws<DomainException>(() => p.Extend(new DateOnly(2027, 1, 15), "Trenger mer tid", "u", Today));
        Assert.Equal("Error_PastTwelveMonths", ex.MessageKey);
        p.Extend(new DateOnly(2027, 1, 14), "Trenger mer tid", "u", Today);
        Assert.Equal(new DateOnly(2027, 1, 14), p.EndDate);
        Assert.Single(p.Extensions);
    }

    [Fact]
    public void KanForlengesMedYtterligereSeksMaaneder_SeveralExtensionsEachWithReason_UpToTwelveMonths()
    {
        // The old rule allowed one extension only; § 5 has no "once". Three steps, each with its own reason, to 12 months.
        var p = FollowUpPeriod.Start(1, Start, false);
        p.Extend(new DateOnly(2026, 9, 14), "Første", "u", Today);
        p.Extend(new DateOnly(2026, 11, 14), "Andre", "u", Today);
        p.Extend(new DateOnly(2027, 1, 14), "Tredje", "u", Today);
        Assert.Equal(["Første", "Andre", "Tredje"], p.Extensions.Select(e => e.Reason));
        Assert.Equal(new DateOnly(2027, 1, 14), p.EndDate);
        Assert.Equal("Error_PastTwelveMonths", Assert.Throws<DomainException>(() => p.Extend(new DateOnly(2027, 1, 15), "Fjerde", "u", Today)).MessageKey);
    }

    [Fact]
    public void SecondExtension_WithoutReason_Refused()
    {
        var p = FollowUpPeriod.Start(1, Start, false);
        p.Extend(new DateOnly(2026, 9, 14), "Første", "u", Today);
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => p.Extend(new DateOnly(2026, 11, 14), "", "u", Today)).Field);
        Assert.Single(p.Extensions);
    }

    [Fact]
    public void ReducedCapacity_SeveralExtensionsUpToThreeYears()
    {
        var p = FollowUpPeriod.Start(1, Start, true);
        p.Extend(new DateOnly(2027, 1, 14), "Første", "u", Today);
        p.Extend(new DateOnly(2029, 1, 14), "Andre", "u", Today);
        Assert.Equal("Error_PastThreeYears", Assert.Throws<DomainException>(() => p.Extend(new DateOnly(2029, 1, 15), "Tredje", "u", Today)).MessageKey);
    }

    [Fact]
    public void RemovingReducedCapacity_WhenEndPastTwelveMonths_Refused()
    {
        var p = FollowUpPeriod.Start(1, Start, true);
        p.Extend(new DateOnly(2027, 6, 1), "Lengre løp", "u", Today);
        Assert.Throws<DomainException>(() => p.SetReducedWorkCapacity(false));
        Assert.True(p.ReducedWorkCapacity);
    }

    [Theory]
    [InlineData("2026-06-14", true)]
    [InlineData("2026-06-13", false)]
    public void EndsSoon_ThirtyDaysAhead(string today, bool warns) =>
        Assert.Equal(warns, FollowUpPeriod.Start(1, Start, false).EndsSoon(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Start_EndOfMonth_SixMonthsClampsToShortMonth() =>
        Assert.Equal(new DateOnly(2027, 2, 27), FollowUpPeriod.Start(1, new DateOnly(2026, 8, 31), false).EndDate);
}
