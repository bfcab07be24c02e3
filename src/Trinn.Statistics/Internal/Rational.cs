using System.Numerics;

namespace Trinn.Statistics.Internal;

/// <summary>
/// An exact fraction of big integers, for the few sums of squares that must be formed without rounding before they
/// become <c>double</c> (centred cross-products of exact decimal input). The denominator is always positive.
/// </summary>
internal readonly struct Rational
{
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        (Numerator, Denominator) = denominator.Sign < 0 ? (-numerator, -denominator) : (numerator, denominator);
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Rational Zero => new(BigInteger.Zero, BigInteger.One);

    public static implicit operator Rational(long value) => new(value, BigInteger.One);

    public static Rational operator +(Rational a, Rational b) =>
        a.Denominator == b.Denominator ? new(a.Numerator + b.Numerator, a.Denominator)
            : new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        a.Denominator == b.Denominator ? new(a.Numerator - b.Numerator, a.Denominator)
            : new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public Rational Reduce()
    {
        BigInteger g = BigInteger.GreatestCommonDivisor(Numerator, Denominator);
        return g.IsOne || g.IsZero ? this : new(Numerator / g, Denominator / g);
    }

    /// <summary>The nearest double (within one unit in the last place).</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero)
        {
            return 0;
        }

        BigInteger a = BigInteger.Abs(Numerator);
        // A quotient of 64 to 66 bits keeps every bit a double can hold; its conversion rounds once.
        long shift = Denominator.GetBitLength() - a.GetBitLength() + 64;
        BigInteger q = shift >= 0 ? (a << (int)shift) / Denominator : a / (Denominator << (int)-shift);
        double value = Math.ScaleB((double)q, (int)-shift);
        return Numerator.Sign < 0 ? -value : value;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
