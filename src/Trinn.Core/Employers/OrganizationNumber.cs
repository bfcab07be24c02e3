namespace Trinn.Core.Employers;

/// <summary>
/// Norwegian organisasjonsnummer (Brønnøysundregistrene): nine digits, the last a mod-11 control digit over
/// the first eight with the weights 3, 2, 7, 6, 5, 4, 3, 2. A remainder of 0 gives control digit 0; a
/// remainder of 1 (control digit 10) means the number was never issued.
/// </summary>
public static class OrganizationNumber
{
    public const int Length = 9;

    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>Digits only, spaces removed ("123 456 785" → "123456785"), or null when the input is not nine digits.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var digits = input.Replace(" ", "", StringComparison.Ordinal).Trim();
        return digits.Length == Length && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static bool IsValid(string? input)
    {
        var digits = Normalize(input);
        return digits is not null && ControlDigit(digits.AsSpan(0, 8)) == digits[8] - '0';
    }

    /// <summary>The control digit for eight leading digits, or null when no valid number starts with them.</summary>
    public static int? ControlDigit(ReadOnlySpan<char> firstEight)
    {
        if (firstEight.Length != 8)
        {
            throw new ArgumentException("Eight digits expected.", nameof(firstEight));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (firstEight[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        return remainder switch
        {
            0 => 0,
            1 => null,
            _ => 11 - remainder,
        };
    }
}
