using Trinn.Core.Candidates;
using Trinn.Core.Common;

namespace Trinn.Core.Tests.Candidates;

public class CooperationAgreementTests
{
    private static readonly DateOnly Referred = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 3, 20);
    private static readonly AgreementConsents Consents = new(EmployerContact: true, NavVeileder: false, HealthAndNetwork: true, Research: false);

    [Fact]
    public void Record_DateBetweenReferralAndToday_KeepsDateTextAndConsents()
    {
        var a = CooperationAgreement.New(7);

        a.Record(Referred, "  Vi avtaler jobbsøk  ", Consents, Referred, Today);

        Assert.Equal(7, a.CandidateId);
        Assert.Equal(Referred, a.SignedOn);
        Assert.Equal("Vi avtaler jobbsøk", a.Agreed);
        Assert.True(a.ConsentEmployerContact);
        Assert.False(a.ConsentNavVeileder);
        Assert.True(a.ConsentHealthAndNetwork);
        Assert.False(a.ConsentResearch);
    }

    [Fact]
    public void Record_SignedAfterToday_IsRefusedAtTheDate()
    {
        var a = CooperationAgreement.New(7);

        var ex = Assert.Throws<DomainException>(() => a.Record(Today.AddDays(1), "Avtale", Consents, Referred, Today));

        Assert.Equal(nameof(CooperationAgreement.SignedOn), ex.Field);
        Assert.Equal("Error_DateInFuture", ex.MessageKey);
        Assert.Equal(default, a.SignedOn);
    }

    [Fact]
    public void Record_SignedBeforeReferral_IsRefusedAtTheDate()
    {
        var a = CooperationAgreement.New(7);

        var ex = Assert.Throws<DomainException>(() => a.Record(Referred.AddDays(-1), "Avtale", Consents, Referred, Today));

        Assert.Equal(nameof(CooperationAgreement.SignedOn), ex.Field);
        Assert.Equal("Error_BeforeReferral", ex.MessageKey);
    }

    [Theory]
    [InlineData(null, "Error_Required")]
    [InlineData("   ", "Error_Required")]
    public void Record_NoAgreedText_IsRefused(string? agreed, string key)
    {
        var ex = Assert.Throws<DomainException>(() => CooperationAgreement.New(7).Record(Today, agreed, Consents, Referred, Today));

        Assert.Equal(nameof(CooperationAgreement.Agreed), ex.Field);
        Assert.Equal(key, ex.MessageKey);
    }

    [Fact]
    public void Record_TextTooLong_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            CooperationAgreement.New(7).Record(Today, new string('x', CooperationAgreement.AgreedMaxLength + 1), Consents, Referred, Today));

        Assert.Equal("Error_TooLong", ex.MessageKey);
    }

    [Fact]
    public void New_StartsAtVersionOne_SoAnEarlierEmptyFormConflicts()
    {
        Assert.Equal(1, CooperationAgreement.New(7).Version);
    }
}
