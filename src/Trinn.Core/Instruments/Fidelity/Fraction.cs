using System.Numerics;

namespace Trinn.Core.Instruments.Fidelity;

/// <summary>
/// An exact rational, so that team means (k/n) add up to totals such as 67.6 without binary rounding and
/// compare exactly with the band cut-offs. Kept reduced with a positive denominator.
/// </summary>
internal readonly record struct Fraction : IComparable<Fraction>
{
    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsZero && !gcd.IsOne)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Fraction Zero { get; } = new(0, 1);

    public static Fraction Of(BigInteger numerator, BigInteger denominator) => new(numerator, denominator);

    public static Fraction Whole(long value) => new(value, 1);

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>Exact when the decimal expansion terminates within decimal's 28 digits; otherwise rounded to 28 significant digits.</summary>
    public decimal ToDecimal()
    {
        var whole = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return (decimal)whole + (decimal)remainder / (decimal)Denominator;
    }
}
