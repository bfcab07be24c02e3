using Trinn.Core.Employers;
using Trinn.Core.TimeLog;

namespace Trinn.Core.Tests.TimeLog;

/// <summary>When an edited employer contact moves the time carried from it (the rest is <see cref="TimeBlock.FollowContact"/>, tested with the contact rules).</summary>
public class CarriedTimeTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static EmployerContact Contact() =>
        EmployerContact.Create(1, "u1", Today.AddDays(-2), EmployerContactKind.Visit, EmployerContactPurpose.FollowUp, false, 45, "notat", [1], Today, Now);

    [Fact]
    public void DiffersFrom_OnlyNotePurposeAndCandidatesChanged_IsFalse()
    {
        var contact = Contact();
        var before = ContactTiming.Of(contact);

        contact.Change(contact.Date, contact.Kind, EmployerContactPurpose.BuildNetwork, true, contact.DurationMinutes, "annet notat", [1, 2], Today);

        Assert.False(before.DiffersFrom(contact));
    }

    [Fact]
    public void DiffersFrom_DateChanged_IsTrue()
    {
        var contact = Contact();
        var before = ContactTiming.Of(contact);

        contact.Change(Today, contact.Kind, contact.Purpose, contact.FirstContact, contact.DurationMinutes, contact.Note, [1], Today);

        Assert.True(before.DiffersFrom(contact));
    }

    [Fact]
    public void DiffersFrom_DurationChanged_IsTrue()
    {
        var contact = Contact();
        var before = ContactTiming.Of(contact);

        contact.Change(contact.Date, contact.Kind, contact.Purpose, contact.FirstContact, 30, contact.Note, [1], Today);

        Assert.True(before.DiffersFrom(contact));
    }

    [Fact]
    public void DiffersFrom_KindChangedToPhone_IsTrue()
    {
        var contact = Contact();
        var before = ContactTiming.Of(contact);

        contact.Change(contact.Date, EmployerContactKind.Phone, contact.Purpose, contact.FirstContact, contact.DurationMinutes, contact.Note, [1], Today);

        Assert.True(before.DiffersFrom(contact));
    }

    [Fact]
    public void Of_Contact_TakesDateDurationAndKind()
    {
        Assert.Equal(new ContactTiming(Today.AddDays(-2), 45, EmployerContactKind.Visit), ContactTiming.Of(Contact()));
    }
}
