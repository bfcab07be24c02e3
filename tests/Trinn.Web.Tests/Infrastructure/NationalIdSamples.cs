using System.Globalization;

namespace Trinn.Web.Tests.Infrastructure;

/// <summary>Invalid national IDs for negative tests, built on synthetic numbers (month + 80) so none is a real person's.</summary>
public static class NationalIdSamples
{
    private static readonly int[] Weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] Weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>A valid synthetic number with its last control digit changed.</summary>
    public static string WrongControlDigit()
    {
        var valid = TestData.SyntheticNationalId();
        var last = (valid[10] - '0' + 1) % 10;
        return valid[..10] + last.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Both control digits right, but the date (31 February, synthetic month 82) does not exist.</summary>
    public static string InvalidDate() => WithControlDigits("318290");

    /// <summary>One digit short.</summary>
    public static string TenDigits() => TestData.SyntheticNationalId()[..10];

    private static string WithControlDigits(string sixDigitDate)
    {
        for (var individual = 100; individual < 500; individual++)
        {
            var prefix = sixDigitDate + individual.ToString("000", CultureInfo.InvariantCulture);
            var digits = prefix.Select(c => c - '0').ToList();
            var k1 = Control(digits, Weights1);
            if (k1 > 9)
            {
                continue;
            }

            digits.Add(k1);
            var k2 = Control(digits, Weights2);
            if (k2 <= 9)
            {
                return prefix + k1.ToString(CultureInfo.InvariantCulture) + k2.ToString(CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("No number with valid control digits found.");
    }

    private static int Control(List<int> digits, int[] weights)
    {
        var k = 11 - (weights.Select((w, i) => w * digits[i]).Sum() % 11);
        return k == 11 ? 0 : k;
    }
}
