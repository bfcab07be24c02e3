using Trinn.Core.Common;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Surveys;

namespace Trinn.Core.Tests.Surveys;

public sealed class SurveyRulesTests
{
    [Theory]
    [InlineData("2027-01-31", 1, "2027-02-28")] // month end stays a month end
    [InlineData("2028-01-31", 1, "2028-02-29")] // leap year
    [InlineData("2027-08-31", 3, "2027-11-30")]
    [InlineData("2028-02-29", 12, "2029-02-28")] // from a leap day to a common year
    [InlineData("2026-11-30", 18, "2028-05-30")]
    [InlineData("2026-05-15", 0, "2026-05-15")]
    public void WaveDates_MonthsAfterInclusion_ClampToMonthEnd(string inclusion, int months, string target)
    {
        var dates = WaveDates.For(2, months, DateOnly.Parse(inclusion, System.Globalization.CultureInfo.InvariantCulture), 7, 30);

        Assert.Equal(DateOnly.Parse(target, System.Globalization.CultureInfo.InvariantCulture), dates.Target);
        Assert.Equal(dates.Target.AddDays(-7), dates.Opens);
        Assert.Equal(dates.Target.AddDays(30), dates.Closes);
    }

    [Fact]
    public void Protocol_Default_SchedulesFourWavesAt0_3_12_18Months()
    {
        var waves = StudyProtocol.CreateDefault(1).Schedule(new DateOnly(2028, 1, 31));

        Assert.Equal([0, 3, 12, 18], waves.Select(w => w.OffsetMonths));
        Assert.Equal([new DateOnly(2028, 1, 31), new DateOnly(2028, 4, 30), new DateOnly(2029, 1, 31), new DateOnly(2029, 7, 31)], waves.Select(w => w.Target));
        Assert.Equal(new DateOnly(2028, 1, 24), waves[0].Opens);
    }

    [Theory]
    [InlineData("3, 0")]
    [InlineData("0, 0, 3")]
    [InlineData("")]
    [InlineData("0, tre")]
    [InlineData("-1, 3")]
    [InlineData("0, 121")]
    public void Protocol_BadOffsets_Refused(string offsets)
    {
        var ex = Assert.Throws<DomainException>(() => StudyProtocol.CreateDefault(1).ChangeSchedule(offsets, 7, 30, 7, 14, WithdrawalPolicy.Keep));
        Assert.Equal("Error_WaveOffsets", ex.MessageKey);
    }

    [Fact]
    public void Protocol_ReminderRules_SecondAfterFirstAndInsideWindow()
    {
        var p = StudyProtocol.CreateDefault(1);
        Assert.Equal("Error_SecondReminderDays", Assert.Throws<DomainException>(() => p.ChangeSchedule("0", 7, 30, 7, 7, WithdrawalPolicy.Keep)).MessageKey);
        Assert.Equal("Error_ReminderDays", Assert.Throws<DomainException>(() => p.ChangeSchedule("0", 7, 30, 40, null, WithdrawalPolicy.Keep)).MessageKey);
        Assert.Equal("Error_BodyNeedsLink", Assert.Throws<DomainException>(() => p.ChangeTexts("Emne", "Ingen lenke", "Emne", "{lenke}")).MessageKey);
    }

    [Theory]
    [InlineData(1, 0, 30, 0, false, WaveStatus.Scheduled)]
    [InlineData(0, 0, 30, 5, false, WaveStatus.Due)]
    [InlineData(0, 0, 30, 5, true, WaveStatus.Sent)]
    [InlineData(0, 0, 30, -1, true, WaveStatus.Overdue)]
    [InlineData(-31, -31, -1, -10, true, WaveStatus.Missed)]
    public void WaveStatus_ByWindowAndInvitation(int opensIn, int _, int closesIn, int targetIn, bool invited, WaveStatus expected)
    {
        var today = new DateOnly(2027, 3, 1);
        Assert.Equal(expected, SurveyWave.Status(today, today.AddDays(opensIn), today.AddDays(closesIn), today.AddDays(targetIn), invited));
    }

    [Fact]
    public void Tokens_AreLongRandomAndOnlyTheHashIsKept()
    {
        var (token, row) = SurveyLinkToken.Issue(5, DateTime.UtcNow);
        var (other, _) = SurveyLinkToken.Issue(5, DateTime.UtcNow);

        Assert.Equal(43, token.Length);
        Assert.NotEqual(token, other);
        Assert.True(SurveyTokens.IsWellFormed(token));
        Assert.Equal(SurveyTokens.Hash(token), row.TokenHash);
        Assert.DoesNotContain(token, row.TokenHash, StringComparison.Ordinal);
        Assert.False(SurveyTokens.IsWellFormed(token[..42]));
        Assert.False(SurveyTokens.IsWellFormed(token[..42] + "/"));
        Assert.False(SurveyTokens.IsWellFormed(null));
        Assert.NotEqual(SurveyTokens.Hash(token), SurveyTokens.Hash(token[..42] + (token[42] == 'A' ? 'B' : 'A')));
    }

    [Fact]
    public void Backoff_GrowsAndGivesUpAfterSixAttempts()
    {
        Assert.Equal([1, 5, 15, 60, 240], new[] { 1, 2, 3, 4, 5 }.Select(n => OutboxMessage.Backoff(n).TotalMinutes));
        Assert.Equal(6, OutboxMessage.MaxAttempts);
    }

    [Fact]
    public void SelfEfficacyDrop_FallOfOnePointOrMore_BetweenAnsweredWavesAcrossBranches()
    {
        var result = SelfEfficacyDrop.Evaluate(
        [
            (1, SelfEfficacyDrop.NotInWork, 7.0m), (2, SelfEfficacyDrop.InWork, 6.5m), (2, SelfEfficacyDrop.NotInWork, null),
            (3, SelfEfficacyDrop.InWork, 5.5m), (4, SelfEfficacyDrop.InWork, 5.0m),
        ]);

        Assert.Equal([false, false, true, false], result.Select(r => r.Dropped));
        Assert.Equal(6.5m, result[1].Value);
    }

    [Fact]
    public void FormPages_JobSeekerQuestionnaire_BreaksAtSectionsAndBeforeItemsThatDependOnTheirOwnPage()
    {
        var pages = FormPages.Split(ShippedInstruments.JobSeekerQuestionnaire);

        // Page 1 ends with "Er du i arbeid?"; 2 asks full or part time (in work only); 3 part-time percentage (depends
        // on page 2) and the questions for everyone; then one page per section: in work (12–22), not in work (23–27), and
        // motivation, locus of control and work ability for everyone.
        Assert.Equal(6, pages.Count);
        Assert.Equal("q2", pages[0][^1].Id);
        Assert.Equal(["q3"], pages[1].Select(i => i.Id));
        Assert.Equal(("q4", "q11"), (pages[2][0].Id, pages[2][^1].Id));
        Assert.Equal(("in_work_intro", "q22"), (pages[3][0].Id, pages[3][^1].Id));
        Assert.Equal(["q23", "q24", "se_not_in_work_stem", "q25", "q26", "q27"], pages[4].Select(i => i.Id));
        Assert.Equal(("motives_stem", "thanks"), (pages[5][0].Id, pages[5][^1].Id));
        Assert.All(pages.Skip(1), page => Assert.True(page[0].Section is not null || page[0].ShowIf is not null, page[0].Id));
        foreach (var page in pages)
        {
            var ids = page.Select(i => i.Id).ToHashSet();
            Assert.DoesNotContain(page, i => i.ShowIf is not null && BranchingExpression.Parse(i.ShowIf).References.Any(r => ids.Contains(r.ItemId)));
        }
    }
}
