using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.TimeLog;

namespace Trinn.Core.Tests.Candidates;

/// <summary>
/// Journal notes "can be corrected": the author corrects a note (the earlier text kept and visible as history) or marks
/// it as entered in error with a reason (struck through, never hard-deleted). Contacts with health services and the
/// NAV-veileder need the candidate's consent.
/// </summary>
public sealed class JournalNoteRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static Candidate Candidate(bool health = false, bool nav = true) => new()
    {
        Id = 5,
        FirstName = "Test",
        LastName = "Person",
        NationalId = "x",
        Agreement = new CooperationAgreement { Agreed = "Avtale", ConsentHealthAndNetwork = health, ConsentNavVeileder = nav },
    };

    private static JournalNote Note(JournalKind kind = JournalKind.Meeting) =>
        JournalNote.Create(Candidate(), "author", Today.AddDays(-2), kind, WorkPlace.OutOfOffice, 45, "Møte på kafé", Today, Now);

    [Fact]
    public void Create_DateInTheFuture_Refused() =>
        Assert.Equal("Date", Assert.Throws<DomainException>(() =>
            JournalNote.Create(Candidate(), "a", Today.AddDays(1), JournalKind.Meeting, WorkPlace.Office, 10, "x", Today, Now)).Field);

    [Theory]
    [InlineData(-1)]
    [InlineData(JournalNote.MaxDurationMinutes + 1)]
    public void Create_DurationOutOfRange_Refused(int minutes) =>
        Assert.Equal("Error_Duration", Assert.Throws<DomainException>(() =>
            JournalNote.Create(Candidate(), "a", Today, JournalKind.Meeting, WorkPlace.Office, minutes, "x", Today, Now)).MessageKey);

    [Fact]
    public void HealthServicesContact_WithoutHealthConsent_Refused_WithConsent_Saved()
    {
        // "contacts with health services as their own kind (with the consent flag enforced)".
        var ex = Assert.Throws<DomainException>(() =>
            JournalNote.Create(Candidate(health: false), "a", Today, JournalKind.HealthServices, WorkPlace.OutOfOffice, 30, "Fastlege", Today, Now));
        Assert.Equal(("Kind", "Error_NoConsent_HealthAndNetwork"), (ex.Field, ex.MessageKey));
        Assert.Equal(JournalKind.HealthServices,
            JournalNote.Create(Candidate(health: true), "a", Today, JournalKind.HealthServices, WorkPlace.OutOfOffice, 30, "Fastlege", Today, Now).Kind);
    }

    [Theory]
    [InlineData(JournalKind.NavVeileder)]
    [InlineData(JournalKind.ThreeWayMeeting)]
    public void NavVeilederContact_WithoutNavConsentOrAgreement_Refused(JournalKind kind)
    {
        Assert.Equal("Error_NoConsent_NavVeileder", Assert.Throws<DomainException>(() =>
            JournalNote.Create(Candidate(nav: false), "a", Today, kind, WorkPlace.Office, 30, "x", Today, Now)).MessageKey);
        var noAgreement = new Candidate { FirstName = "A", LastName = "B", NationalId = "x" };
        Assert.Throws<DomainException>(() => JournalNote.Create(noAgreement, "a", Today, kind, WorkPlace.Office, 30, "x", Today, Now));
    }

    [Fact]
    public void Correct_ByAuthor_KeepsEarlierTextAsHistory()
    {
        var note = Note();
        note.Correct("author", Candidate().Agreement, Today.AddDays(-1), JournalKind.WorkplaceVisit, WorkPlace.OutOfOffice, 60, "Besøk på arbeidsplassen", Today, Now);
        Assert.Equal(("Besøk på arbeidsplassen", JournalKind.WorkplaceVisit, Today.AddDays(-1), 60), (note.Text, note.Kind, note.Date, note.DurationMinutes));
        var before = Assert.Single(note.Revisions);
        Assert.Equal(("Møte på kafé", JournalKind.Meeting, Today.AddDays(-2), 45, "author"), (before.Text, before.Kind, before.Date, before.DurationMinutes, before.ReplacedById));
        Assert.Equal(Now, note.CorrectedAtUtc);
    }

    [Fact]
    public void Correct_BySomeoneElse_Refused_NothingChanges()
    {
        var note = Note();
        Assert.Equal("Error_NotNoteAuthor", Assert.Throws<DomainException>(() =>
            note.Correct("colleague", null, Today, JournalKind.Phone, WorkPlace.Office, 5, "Annet", Today, Now)).MessageKey);
        Assert.Equal("Møte på kafé", note.Text);
        Assert.Empty(note.Revisions);
    }

    [Fact]
    public void Correct_NothingChanged_Refused() =>
        Assert.Equal("Error_NoteUnchanged", Assert.Throws<DomainException>(() =>
            Note().Correct("author", null, Today.AddDays(-2), JournalKind.Meeting, WorkPlace.OutOfOffice, 45, "Møte på kafé", Today, Now)).MessageKey);

    [Fact]
    public void Correct_ToHealthKindWithoutConsent_Refused() =>
        Assert.Equal("Error_NoConsent_HealthAndNetwork", Assert.Throws<DomainException>(() =>
            Note().Correct("author", Candidate(health: false).Agreement, Today, JournalKind.HealthServices, WorkPlace.Office, 5, "Lege", Today, Now)).MessageKey);

    [Fact]
    public void MarkEnteredInError_NeedsReason_KeepsText_CountsForNothing()
    {
        var note = Note();
        Assert.True(note.CompletesFollowUp);
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => note.MarkEnteredInError("author", " ", Now)).Field);
        note.MarkEnteredInError("author", "Feil kandidat", Now);
        Assert.True(note.IsEnteredInError);
        Assert.Equal("Feil kandidat", note.EnteredInErrorReason);
        Assert.Equal("Møte på kafé", note.Text);
        Assert.False(note.CompletesFollowUp);
        Assert.Equal("Error_NoteEnteredInError", Assert.Throws<DomainException>(() =>
            note.Correct("author", null, Today, JournalKind.Phone, WorkPlace.Office, 5, "x", Today, Now)).MessageKey);
        Assert.Throws<DomainException>(() => note.MarkEnteredInError("author", "igjen", Now));
    }

    [Fact]
    public void MarkEnteredInError_BySomeoneElse_Refused() =>
        Assert.Equal("Error_NotNoteAuthor", Assert.Throws<DomainException>(() => Note().MarkEnteredInError("colleague", "Feil", Now)).MessageKey);

    [Theory]
    [InlineData(JournalKind.Meeting, true)]
    [InlineData(JournalKind.HomeVisit, true)]
    [InlineData(JournalKind.WorkplaceVisit, true)]
    [InlineData(JournalKind.WithEmployer, true)]
    [InlineData(JournalKind.ThreeWayMeeting, true)]
    [InlineData(JournalKind.Phone, false)]
    [InlineData(JournalKind.Message, false)]
    [InlineData(JournalKind.NavVeileder, false)]
    [InlineData(JournalKind.HealthServices, false)]
    public void AnyMeetingWithTheCandidate_CompletesAFollowUp_PhoneAndMessagesDoNot(JournalKind kind, bool completes) =>
        // "any meeting with the candidate (or at the workplace) completes the slot" – not only a workplace visit.
        Assert.Equal(completes, JournalKinds.IsMeetingWithCandidate(kind));

    [Fact]
    public void CarriedTime_FollowsTheCorrectedNote_AndGoesWhenStruckOut()
    {
        var note = Note();
        var block = TimeBlock.FromJournalNote(note, Now);
        note.Correct("author", null, Today.AddDays(-1), JournalKind.WorkplaceVisit, WorkPlace.Office, 90, "Besøk", Today, Now);
        Assert.True(block.FollowJournalNote(note));
        Assert.Equal((Today.AddDays(-1), 90, TimeCategory.AtEmployer, false), (block.Date, block.Minutes, block.Category, block.OutOfOffice));
        note.MarkEnteredInError("author", "Feilført", Now);
        Assert.False(block.FollowJournalNote(note));
    }

    [Fact]
    public void ContactWithoutTheCandidate_CarriesAsOtherTime_NotTimeWithTheCandidate() =>
        Assert.Equal(TimeCategory.Other, TimeBlock.FromJournalNote(
            JournalNote.Create(Candidate(health: true), "a", Today, JournalKind.HealthServices, WorkPlace.OutOfOffice, 30, "Lege", Today, Now), Now).Category);
}
