using Trinn.Core.Common;
using Trinn.Core.Opportunities;

namespace Trinn.Core.Tests.Opportunities;

public class JobOpportunityTests
{
    private static JobOpportunity Describe(string? industry = null, int? hours = 20, string? title = "Lagermedarbeider", string? place = "Oslo øst")
    {
        var o = new JobOpportunity();
        o.Describe(title, "Plukke varer", hours, " formiddag ", place, null, industry, OpportunityStatus.Open, null, "Lager og logistikk");
        return o;
    }

    [Fact]
    public void Describe_BlankIndustry_TakesEmployersIndustry()
    {
        Assert.Equal("Lager og logistikk", Describe(industry: "  ").Industry);
    }

    [Fact]
    public void Describe_OwnIndustry_KeptAndTextsTrimmed()
    {
        var o = Describe(industry: "Varehandel");

        Assert.Equal("Varehandel", o.Industry);
        Assert.Equal("formiddag", o.HoursNote);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Describe_HoursOutsideOneToSixty_RefusedOnHoursField(int hours)
    {
        var ex = Assert.Throws<DomainException>(() => Describe(hours: hours));

        Assert.Equal((nameof(JobOpportunity.HoursPerWeek), "Error_HoursPerWeek"), (ex.Field, ex.MessageKey));
    }

    [Fact]
    public void Describe_NoPlace_RefusedAndNothingChanged()
    {
        var o = Describe();

        var ex = Assert.Throws<DomainException>(() => o.Describe("Ny", "Ny", 10, null, " ", null, null, OpportunityStatus.Closed, null, null));

        Assert.Equal((nameof(JobOpportunity.Place), "Error_Required"), (ex.Field, ex.MessageKey));
        Assert.Equal(("Lagermedarbeider", 20, OpportunityStatus.Open), (o.Title, o.HoursPerWeek, o.Status));
    }
}
