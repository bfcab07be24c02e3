using Trinn.Core.Activities;
using Trinn.Core.CaseReviews;
using Trinn.Core.Common;

namespace Trinn.Core.Tests.WorkingPractice;

/// <summary>
/// Case reviews ("Hvordan kan vi bruke våre «mislykkede» case for felles læring") with tagged lessons, and group
/// activities with leaders and participants.
/// </summary>
public sealed class CaseReviewAndActivityTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ParseTags_SplitTrimLowerOnce() =>
        Assert.Equal(["oppfølging på arbeidsplassen", "prøvetid"], CaseReview.ParseTags(" Oppfølging  på arbeidsplassen, prøvetid ; PRØVETID,, "));

    [Fact]
    public void ParseTags_TooManyOrTooLong_Refused()
    {
        Assert.Equal("Error_TooManyTags", Assert.Throws<DomainException>(() => CaseReview.ParseTags(string.Join(",", Enumerable.Range(1, 11)))).MessageKey);
        Assert.Equal("Error_TagTooLong", Assert.Throws<DomainException>(() => CaseReview.ParseTags(new string('a', CaseReview.TagMaxLength + 1))).MessageKey);
    }

    [Fact]
    public void Record_LessonsTaggedAndSearchable_RetaggingReplacesTags()
    {
        var review = CaseReview.Schedule(1, 2, CaseReviewReason.LostJob, Today, "mv", Now);
        Assert.False(review.IsHeld);
        review.Record(Today, "Mistet jobben", null, "For lite oppfølging", "Faste møter på arbeidsplassen", "Oppfølging, Prøvetid", "js", Today);
        Assert.True(review.IsHeld);
        Assert.Equal(["oppfølging", "prøvetid"], review.Tags.Select(t => t.Tag));
        Assert.Contains("faste møter på arbeidsplassen", review.SearchText, StringComparison.Ordinal);
        review.Record(Today, "Mistet jobben", null, null, "Faste møter", "prøvetid, arbeidsgiver", "js", Today);
        Assert.Equal(["prøvetid", "arbeidsgiver"], review.Tags.Select(t => t.Tag));
    }

    [Fact]
    public void Record_AllTextsEmptyOrHeldInTheFuture_Refused()
    {
        var review = CaseReview.Schedule(1, 2, CaseReviewReason.DischargedWithoutWork, Today, "mv", Now);
        Assert.Equal("Error_ReviewEmpty", Assert.Throws<DomainException>(() => review.Record(Today, " ", null, "", null, null, "js", Today)).MessageKey);
        Assert.Equal("Error_DateInFuture", Assert.Throws<DomainException>(() => review.Record(Today.AddDays(1), "x", null, null, null, null, "js", Today)).MessageKey);
        Assert.False(review.IsHeld);
    }

    [Fact]
    public void Schedule_ReasonAndDateRequired()
    {
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => CaseReview.Schedule(1, 2, null, Today, "mv", Now)).Field);
        Assert.Equal("ScheduledFor", Assert.Throws<DomainException>(() => CaseReview.Schedule(1, 2, CaseReviewReason.Other, null, "mv", Now)).Field);
    }

    [Fact]
    public void Initials_ShownInTheList() => Assert.Equal("K.N.", CaseReview.Initials("kari", "Nordmann"));

    [Fact]
    public void GroupActivity_LeadersAndParticipantsOnce_RulesChecked()
    {
        var a = GroupActivity.Create(1, Today, GroupActivityKind.CvGroup, " CV-verksted ", null, 120, ["js1", "js1", "js2"], [5, 6, 5], "js1", Today, Now);
        Assert.Equal("CV-verksted", a.Title);
        Assert.Equal(["js1", "js2"], a.Leaders.Select(l => l.UserId));
        Assert.Equal([5, 6], a.Participants.Select(p => p.CandidateId));
        Assert.Equal("Error_NoParticipant", Assert.Throws<DomainException>(() =>
            GroupActivity.Create(1, Today, GroupActivityKind.CvGroup, "x", null, 0, ["js1"], [], "js1", Today, Now)).MessageKey);
        Assert.Equal("Error_NoLeader", Assert.Throws<DomainException>(() =>
            GroupActivity.Create(1, Today, GroupActivityKind.CvGroup, "x", null, 0, [], [5], "js1", Today, Now)).MessageKey);
        Assert.Equal("Title", Assert.Throws<DomainException>(() =>
            GroupActivity.Create(1, Today, GroupActivityKind.CvGroup, " ", null, 0, ["js1"], [5], "js1", Today, Now)).Field);
    }

    [Theory]
    [InlineData(GroupActivityKind.JointEmployerVisit, true, false)]
    [InlineData(GroupActivityKind.MeetingPlace, false, true)]
    [InlineData(GroupActivityKind.CvGroup, false, false)]
    public void GroupActivityKinds_CountInTheIndicatorsWhereTheyApply(GroupActivityKind kind, bool employerContact, bool meetingPlace)
    {
        Assert.Equal(employerContact, GroupActivityKinds.IsEmployerContact(kind));
        Assert.Equal(meetingPlace, GroupActivityKinds.IsMeetingPlace(kind));
    }
}
