using System.Globalization;

namespace Trinn.Core.NationalIds;

/// <summary>What kind of Norwegian national identity number a valid value is.</summary>
public enum NationalIdKind
{
    Fodselsnummer,
    DNumber,
    /// <summary>Skatteetaten's synthetic test numbers (birth month + 80); accepted only where a setting allows it.</summary>
    Synthetic,
}

public enum NationalIdError
{
    None,
    Required,
    WrongLength,
    NotDigits,
    InvalidDate,
    InvalidControlDigits,
    SyntheticNotAllowed,
}

public sealed record NationalIdCheck(NationalIdError Error, NationalIdKind? Kind, DateOnly? BirthDate)
{
    public bool IsValid => Error == NationalIdError.None;
}

/// <summary>
/// Validates fødselsnummer, D-numbers and synthetic test numbers: 11 digits, a real date of birth and both
/// mod-11 control digits (Skatteetaten's rules for numbers issued before 2032).
/// </summary>
public static class NationalIdNumber
{
    private static readonly int[] Weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] Weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    public static NationalIdCheck Check(string? value, bool allowSynthetic)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(NationalIdError.Required, null, null);
        }

        var digits = Normalize(value);
        if (digits.Length != 11)
        {
            return new(NationalIdError.WrongLength, null, null);
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            return new(NationalIdError.NotDigits, null, null);
        }

        var d = digits.Select(c => c - '0').ToArray();
        if (ControlDigit(d, Weights1) != d[9] || ControlDigit(d, Weights2) != d[10])
        {
            return new(NationalIdError.InvalidControlDigits, null, null);
        }

        var day = (d[0] * 10) + d[1];
        var month = (d[2] * 10) + d[3];
        var kind = NationalIdKind.Fodselsnummer;
        if (day > 40)
        {
            day -= 40;
            kind = NationalIdKind.DNumber;
        }

        if (month > 80)
        {
            month -= 80;
            kind = NationalIdKind.Synthetic;
        }

        var year = FullYear((d[4] * 10) + d[5], (d[6] * 100) + (d[7] * 10) + d[8]);
        if (year is null || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year.Value, month))
        {
            return new(NationalIdError.InvalidDate, null, null);
        }

        if (kind == NationalIdKind.Synthetic && !allowSynthetic)
        {
            return new(NationalIdError.SyntheticNotAllowed, null, null);
        }

        return new(NationalIdError.None, kind, new DateOnly(year.Value, month, day));
    }

    /// <summary>Removes spaces, the usual separator people type between date and personal number.</summary>
    public static string Normalize(string value) => value.Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>Makes a valid synthetic number for a birth date, for demo and test data only.</summary>
    public static string CreateSynthetic(DateOnly birthDate, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var individual = birthDate.Year switch
            {
                >= 2000 => random.Next(500, 1000),
                >= 1900 => random.Next(0, 500),
                _ => throw new ArgumentOutOfRangeException(nameof(birthDate)),
            };
            var prefix = string.Create(
                CultureInfo.InvariantCulture,
                $"{birthDate.Day:00}{birthDate.Month + 80:00}{birthDate.Year % 100:00}{individual:000}");
            var d = prefix.Select(c => c - '0').ToList();
            var k1 = ControlDigit([.. d], Weights1);
            if (k1 > 9)
            {
                continue;
            }

            d.Add(k1);
            var k2 = ControlDigit([.. d], Weights2);
            if (k2 > 9)
            {
                continue;
            }

            return prefix + k1.ToString(CultureInfo.InvariantCulture) + k2.ToString(CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException("No valid synthetic number found.");
    }

    private static int ControlDigit(int[] d, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += d[i] * weights[i];
        }

        var k = 11 - (sum % 11);
        return k == 11 ? 0 : k; // 10 means no valid number can have these digits.
    }

    private static int? FullYear(int yy, int individual) => individual switch
    {
        <= 499 => 1900 + yy,
        <= 749 when yy >= 54 => 1800 + yy,
        <= 999 when yy <= 39 => 2000 + yy,
        >= 900 when yy >= 40 => 1900 + yy,
        _ => null,
    };
}
