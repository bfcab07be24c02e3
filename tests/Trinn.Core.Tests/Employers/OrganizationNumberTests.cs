using Trinn.Core.Employers;

namespace Trinn.Core.Tests.Employers;

/// <summary>
/// Fictional numbers computed by hand with the weights 3,2,7,6,5,4,3,2 (no real organisations intended):
/// 12345678 → 3+4+21+24+25+24+21+16 = 138, 138 mod 11 = 6, control 11−6 = 5 → 123456785.
/// 11000003 → 3+2+6 = 11, mod 11 = 0 → control 0 → 110000030.
/// 10000000 → 3, control 8 → 100000008.
/// 99999999 → 9·32 = 288, mod 11 = 2, control 9 → 999999999.
/// 00000006 → 12, mod 11 = 1 → control would be 10: no valid number starts with these eight digits.
/// </summary>
public sealed class OrganizationNumberTests
{
    [Theory]
    [InlineData("123456785")]
    [InlineData("110000030")]
    [InlineData("100000008")]
    [InlineData("999999999")]
    [InlineData("123 456 785")]
    public void IsValid_HandComputedControlDigit_True(string number) => Assert.True(OrganizationNumber.IsValid(number));

    [Theory]
    [InlineData("123456789")]
    [InlineData("123456784")]
    [InlineData("110000031")]
    [InlineData("100000001")]
    [InlineData("999999990")]
    public void IsValid_WrongControlDigit_False(string number) => Assert.False(OrganizationNumber.IsValid(number));

    [Theory]
    [InlineData("000000060")]
    [InlineData("000000061")]
    [InlineData("000000069")]
    public void IsValid_RemainderOne_NoControlDigitIsValid(string number) => Assert.False(OrganizationNumber.IsValid(number));

    [Fact]
    public void ControlDigit_RemainderOne_Null() => Assert.Null(OrganizationNumber.ControlDigit("00000006"));

    [Theory]
    [InlineData("12345678", 5)]
    [InlineData("11000003", 0)]
    [InlineData("99999999", 9)]
    public void ControlDigit_HandComputed(string firstEight, int expected) => Assert.Equal(expected, OrganizationNumber.ControlDigit(firstEight));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("1234567850")]
    [InlineData("12345678A")]
    [InlineData("123-456-785")]
    public void Normalize_NotNineDigits_Null(string? input)
    {
        Assert.Null(OrganizationNumber.Normalize(input));
        Assert.False(OrganizationNumber.IsValid(input));
    }

    [Fact]
    public void Normalize_SpacesRemoved() => Assert.Equal("123456785", OrganizationNumber.Normalize(" 123 456 785 "));
}
