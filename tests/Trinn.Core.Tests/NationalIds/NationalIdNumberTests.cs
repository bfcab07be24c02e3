using FsCheck;
using FsCheck.Fluent;
using Trinn.Core.NationalIds;

namespace Trinn.Core.Tests.NationalIds;

public class NationalIdNumberTests
{
    // Hand-derived synthetic number for 01.01.1980 (month + 80), individual number 123:
    // digits 0 1 8 1 8 0 1 2 3
    // K1: 3·0+7·1+6·8+1·1+8·8+9·0+4·1+5·2+2·3 = 140; 140 mod 11 = 8; 11−8 = 3
    // K2: 5·0+4·1+3·8+2·1+7·8+6·0+5·1+4·2+3·3+2·3 = 114; 114 mod 11 = 4; 11−4 = 7
    private const string HandDerivedSynthetic = "01818012337";

    [Fact]
    public void Check_HandDerivedSyntheticWhenAllowed_IsValidWithBirthDate()
    {
        var result = NationalIdNumber.Check(HandDerivedSynthetic, allowSynthetic: true);

        Assert.True(result.IsValid);
        Assert.Equal(NationalIdKind.Synthetic, result.Kind);
        Assert.Equal(new DateOnly(1980, 1, 1), result.BirthDate);
    }

    [Fact]
    public void Check_SyntheticWhenNotAllowed_IsRefused()
    {
        Assert.Equal(NationalIdError.SyntheticNotAllowed, NationalIdNumber.Check(HandDerivedSynthetic, allowSynthetic: false).Error);
    }

    [Theory]
    [InlineData(null, NationalIdError.Required)]
    [InlineData("  ", NationalIdError.Required)]
    [InlineData("0181801233", NationalIdError.WrongLength)]
    [InlineData("018180123377", NationalIdError.WrongLength)]
    [InlineData("0181801233a", NationalIdError.NotDigits)]
    [InlineData("01818012338", NationalIdError.InvalidControlDigits)]
    [InlineData("01818012347", NationalIdError.InvalidControlDigits)]
    public void Check_MalformedNumbers_GiveTheirError(string? value, NationalIdError expected)
    {
        Assert.Equal(expected, NationalIdNumber.Check(value, allowSynthetic: true).Error);
    }

    [Fact]
    public void Check_SpacesBetweenDateAndPersonalNumber_AreIgnored()
    {
        Assert.True(NationalIdNumber.Check("018180 12337", allowSynthetic: true).IsValid);
    }

    [Theory]
    [InlineData("310280", "123")] // 31 February
    [InlineData("290281", "123")] // 29 February 1981 is not a leap day
    [InlineData("011380", "123")] // month 13
    [InlineData("000180", "123")] // day 0
    public void Check_ImpossibleDateWithValidControlDigits_IsInvalidDate(string ddmmyy, string individual)
    {
        // The synthetic convention adds 80 to the month; the control digits are made valid so only the date is wrong.
        var month = int.Parse(ddmmyy.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture) + 80;
        var start = int.Parse(individual, System.Globalization.CultureInfo.InvariantCulture);
        var number = Enumerable.Range(start, 100)
            .Select(i => TryWithControlDigits(ddmmyy[..2] + month.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ddmmyy[4..] + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)))
            .First(n => n is not null);

        Assert.Equal(NationalIdError.InvalidDate, NationalIdNumber.Check(number, allowSynthetic: true).Error);
    }

    [Fact]
    public void Check_LeapDayIn2000_IsValid()
    {
        // 29.02.2000, individual 500 (born 2000–2039 uses 500–999).
        var number = Enumerable.Range(500, 100).Select(i => TryWithControlDigits("298200" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).First(n => n is not null);
        var result = NationalIdNumber.Check(number, allowSynthetic: true);

        Assert.True(result.IsValid, result.Error.ToString());
        Assert.Equal(new DateOnly(2000, 2, 29), result.BirthDate);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property CreateSynthetic_AnyBirthDate_ValidatesOnlyWhereSyntheticAllowed()
    {
        var dates = Gen.Choose(0, (365 * 100) - 1).Select(d => new DateOnly(1920, 1, 1).AddDays(d)).ToArbitrary();
        return Prop.ForAll(dates, Gen.Choose(0, 10_000).ToArbitrary(), (birth, seed) =>
        {
            var number = NationalIdNumber.CreateSynthetic(birth, new Random(seed));
            var allowed = NationalIdNumber.Check(number, allowSynthetic: true);
            var refused = NationalIdNumber.Check(number, allowSynthetic: false);
            return allowed.IsValid && allowed.BirthDate == birth && refused.Error == NationalIdError.SyntheticNotAllowed;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Check_AnySingleDigitChange_IsRejected()
    {
        var changes = Gen.Choose(0, 10).SelectMany(pos => Gen.Choose(1, 9).Select(delta => (pos, delta))).ToArbitrary();
        return Prop.ForAll(changes, Gen.Choose(0, 10_000).ToArbitrary(), (change, seed) =>
        {
            var number = NationalIdNumber.CreateSynthetic(new DateOnly(1990, 6, 15), new Random(seed)).ToCharArray();
            number[change.pos] = (char)('0' + ((number[change.pos] - '0' + change.delta) % 10));
            return !NationalIdNumber.Check(new string(number), allowSynthetic: true).IsValid;
        });
    }

    /// <summary>Independent re-statement of Skatteetaten's mod-11 rule, used only to build test inputs; null when no valid number has these nine digits.</summary>
    private static string? TryWithControlDigits(string nineDigits)
    {
        int[] w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        int[] w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        var d = nineDigits.Select(c => c - '0').ToList();
        var k1 = (11 - (d.Select((x, i) => x * w1[i]).Sum() % 11)) % 11;
        d.Add(k1);
        var k2 = (11 - (d.Select((x, i) => x * w2[i]).Sum() % 11)) % 11;
        return k1 == 10 || k2 == 10 ? null : string.Concat(d) + k2;
    }
}
