using Trinn.Web.Features.Research;

namespace Trinn.Web.Tests.Research;

public sealed class StatFormatTests
{
    [Theory]
    [InlineData(0.0269, "p = ,027")]
    [InlineData(0.05, "p = ,050")]
    [InlineData(0.000999, "p < ,001")]
    [InlineData(2.3e-22, "p < ,001")]
    [InlineData(0.9996, "p > ,999")]
    [InlineData(double.NaN, "p = –")]
    public void PEquals_ApaWithDecimalComma(double p, string expected) => Assert.Equal(expected, StatFormat.PEquals(p));

    [Theory]
    [InlineData(1.0, 4.0, "1, 4")]
    [InlineData(1.52, 6.08, "1,52; 6,08")]
    public void DfPair_SemicolonWhenDecimals(double df1, double df2, string expected) => Assert.Equal(expected, StatFormat.DfPair(df1, df2));

    [Fact]
    public void Number_NegativeUsesHyphenMinusAndUndefinedIsDash()
    {
        Assert.Equal("-3,67", StatFormat.Number(-3.6742));
        Assert.Equal("–", StatFormat.Number(null));
        Assert.Equal("2,5", StatFormat.Code(2.5m));
    }
}
