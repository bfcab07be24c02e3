using Trinn.Core.Instruments.Fidelity;

namespace Trinn.Core.Tests.Instruments.Fidelity;

public class FidelityBandsTests
{
    [Theory]
    [InlineData("95", "eksemplarisk")]
    [InlineData("85", "eksemplarisk")]
    [InlineData("84.99", "godt")]
    [InlineData("72.4", "godt")]
    [InlineData("70", "godt")]
    [InlineData("69.5", "rimelig")]
    [InlineData("69.99", "rimelig")]
    [InlineData("67.6", "rimelig")]
    [InlineData("44", "rimelig")]
    [InlineData("43.5", "ikke_se")]
    [InlineData("43", "ikke_se")]
    [InlineData("0", "ikke_se")]
    public void Modified_TotalAgainstLowerCutOffs_Band(string total, string expected)
    {
        Assert.Equal(expected, FidelityBands.Modified(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(125, "eksemplarisk")]
    [InlineData(115, "eksemplarisk")]
    [InlineData(114, "godt")]
    [InlineData(100, "godt")]
    [InlineData(99, "rimelig")]
    [InlineData(74, "rimelig")]
    [InlineData(73, "ikke_se")]
    public void Original_Ips25Total_Band(int total, string expected)
    {
        Assert.Equal(expected, FidelityBands.Original(total));
    }

    [Theory]
    [InlineData(139, 2, "rimelig")] // 69.5
    [InlineData(209, 3, "rimelig")] // 69.67
    [InlineData(211, 3, "godt")] // 70.33
    [InlineData(254, 3, "godt")] // 84.67
    [InlineData(256, 3, "eksemplarisk")] // 85.33
    [InlineData(133, 3, "rimelig")] // 44.33
    [InlineData(131, 3, "ikke_se")] // 43.67
    [InlineData(-1, 1, "ikke_se")]
    public void Modified_FractionTotal_SameCutOffsAsDecimal(int numerator, int denominator, string expected)
    {
        var total = Fraction.Of(numerator, denominator);

        Assert.Equal(FidelityBands.Modified(total.ToDecimal()), FidelityBands.Modified(total));
        Assert.Equal(expected, FidelityBands.Modified(total));
    }

    [Fact]
    public void Fraction_ThirdsSummingToCutOff_CompareExactly()
    {
        // 69 + 1/3 + 2/3 = 70 exactly; decimal arithmetic would give 69.999… and the wrong band.
        var total = Fraction.Whole(69) + Fraction.Of(1, 3) + Fraction.Of(2, 3);

        Assert.Equal(FidelityBands.Godt, FidelityBands.Modified(total));
        Assert.Equal(70m, total.ToDecimal());
    }
}
