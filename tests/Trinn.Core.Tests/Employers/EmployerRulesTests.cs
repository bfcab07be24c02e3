using Trinn.Core.Common;
using Trinn.Core.Employers;

namespace Trinn.Core.Tests.Employers;

public sealed class EmployerRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Rename_InvalidControlDigit_FieldErrorAndNothingChanged()
    {
        var employer = new Employer();
        employer.Rename("Eksempel AS", "123456785");
        var ex = Assert.Throws<DomainException>(() => employer.Rename("Nytt navn", "123456789"));
        Assert.Equal("OrganizationNumber", ex.Field);
        Assert.Equal("Error_OrgNumberControl", ex.MessageKey);
        Assert.Equal("Eksempel AS", employer.Name);
        Assert.Equal("123456785", employer.OrganizationNumber);
    }

    [Fact]
    public void Rename_EightDigits_FormatError()
    {
        var ex = Assert.Throws<DomainException>(() => new Employer().Rename("Eksempel AS", "12345678"));
        Assert.Equal("Error_OrgNumberFormat", ex.MessageKey);
    }

    [Fact]
    public void Rename_SpacedNumber_StoredAsDigits()
    {
        var employer = new Employer();
        employer.Rename("  Eksempel AS ", "999 999 999");
        Assert.Equal("Eksempel AS", employer.Name);
        Assert.Equal("999999999", employer.OrganizationNumber);
    }

    [Fact]
    public void CreateContact_NoPurpose_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => EmployerContact.Create(
            1, "u", Today, EmployerContactKind.Visit, null, false, 30, null, [], Today, Now));
        Assert.Equal("Purpose", ex.Field);
    }

    [Fact]
    public void CreateContact_FutureDate_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => EmployerContact.Create(
            1, "u", Today.AddDays(1), EmployerContactKind.Visit, EmployerContactPurpose.BuildNetwork, false, 30, null, [], Today, Now));
        Assert.Equal("Date", ex.Field);
    }

    [Fact]
    public void CreateContact_DuplicateCandidates_LinkedOnce()
    {
        var contact = EmployerContact.Create(
            1, "u", Today, EmployerContactKind.MeetingWithCandidate, EmployerContactPurpose.PresentCandidate, true, 45, " ", [3, 3, 4], Today, Now);
        Assert.Equal([3, 4], contact.Candidates.Select(c => c.CandidateId));
        Assert.Null(contact.Note);
        Assert.True(contact.FirstContact);
    }
}
