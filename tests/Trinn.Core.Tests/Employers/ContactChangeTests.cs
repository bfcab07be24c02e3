using Trinn.Core.Common;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;

namespace Trinn.Core.Tests.Employers;

/// <summary>Changing what was registered: contacts, the time carried from them, follow-ups they marked done, wage subsidy reviews.</summary>
public class ContactChangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static EmployerContact Contact(EmployerContactKind kind = EmployerContactKind.Visit, int minutes = 45) =>
        EmployerContact.Create(1, "u1", Today.AddDays(-2), kind, EmployerContactPurpose.FollowUp, false, minutes, null, [1, 2], Today, Now);

    [Fact]
    public void Change_NewCandidateList_ReplacesLinksKeepingTheOnesStillThere()
    {
        var contact = Contact();
        var kept = contact.Candidates.Single(l => l.CandidateId == 2);

        contact.Change(Today, EmployerContactKind.Phone, EmployerContactPurpose.BuildNetwork, true, 10, " ok ", [2, 3, 3], Today);

        Assert.Equal([2, 3], contact.Candidates.Select(l => l.CandidateId).Order());
        Assert.Same(kept, contact.Candidates.Single(l => l.CandidateId == 2));
        Assert.Equal((EmployerContactKind.Phone, 10, "ok"), (contact.Kind, contact.DurationMinutes, contact.Note));
    }

    [Fact]
    public void Change_FutureDate_RefusedAndNothingChanged()
    {
        var contact = Contact();

        var ex = Assert.Throws<DomainException>(() => contact.Change(Today.AddDays(1), EmployerContactKind.Phone, EmployerContactPurpose.BuildNetwork, false, 5, null, [], Today));

        Assert.Equal(nameof(EmployerContact.Date), ex.Field);
        Assert.Equal((Today.AddDays(-2), 2), (contact.Date, contact.Candidates.Count));
    }

    [Fact]
    public void FollowContact_ContactEdited_BlockTakesDateDurationAndOutOfOffice()
    {
        var contact = Contact();
        var block = TimeBlock.FromEmployerContact(contact, Now);
        contact.Change(Today, EmployerContactKind.Phone, EmployerContactPurpose.FollowUp, false, 20, null, [], Today);

        Assert.True(block.FollowContact(contact));
        Assert.Equal((Today, 20, false), (block.Date, block.Minutes, block.OutOfOffice));
    }

    [Fact]
    public void FollowContact_DurationRemoved_SaysTheBlockShouldGo()
    {
        var contact = Contact();
        var block = TimeBlock.FromEmployerContact(contact, Now);
        contact.Change(contact.Date, contact.Kind, contact.Purpose, false, 0, null, [], Today);

        Assert.False(block.FollowContact(contact));
    }

    [Fact]
    public void Reopen_DoneByContact_BackToPlanned()
    {
        var contact = Contact(EmployerContactKind.WorkplaceFollowUp);
        var followUp = FollowUp.Planned(1, FollowUpKind.Weekly, Today.AddDays(-4));
        followUp.MarkDone(Today.AddDays(-3), FollowUpDoneBy.EmployerContact, contact);
        Assert.Same(contact, followUp.DoneByContact);

        followUp.Reopen();

        Assert.Equal((null, null, null), (followUp.DoneOn, followUp.DoneBy, followUp.DoneByContactId));
        Assert.True(followUp.IsOverdue(Today));
    }

    [Fact]
    public void Review_WithNote_StoredTrimmedAndNextDateMoved()
    {
        var subsidy = SupportMeasure.Lonnstilskudd(40, new DateOnly(2026, 6, 1), null, new DateOnly(2026, 11, 1), Now);

        subsidy.Review(Today, Today.AddMonths(3), Today, "  Ned til 30 % fra neste måned ");

        Assert.Equal((Today, Today.AddMonths(3), "Ned til 30 % fra neste måned"), (subsidy.LastReviewedOn, subsidy.NextReviewDate, subsidy.ReviewNote));
    }
}
