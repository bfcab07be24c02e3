using System.Numerics;
using Trinn.Statistics.Internal;

namespace Trinn.Statistics.Inference;

/// <summary>
/// The exact sufficient statistics of complete rows of k decimal values: the count, the k sums and the k(k + 1)/2
/// cross-products Σxⱼxₗ. Values are kept as integers at a common decimal scale (128-bit, spilling into big integers
/// when a sum would overflow), so nothing is rounded however many rows are added: the centred sums of squares that
/// repeated-measures analyses need are formed exactly and rounded once when they become <c>double</c>. This is what
/// lets a file be streamed row by row — memory does not grow with the rows — and still reproduce the NIST StRD
/// certified values to the last digit. Not thread-safe.
/// </summary>
public sealed class ExactCrossProducts
{
    private static readonly long[] Pow10 = [.. Enumerable.Range(0, 19).Select(i => (long)Math.Pow(10, i))];

    private readonly ExactSum[] sums;
    private readonly ExactSum[] products;
    private readonly long[] aligned;
    private int scale;

    /// <summary>Creates an empty accumulator for rows of <paramref name="columns"/> values (at least 1).</summary>
    public ExactCrossProducts(int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Columns = columns;
        sums = new ExactSum[columns];
        products = new ExactSum[columns * (columns + 1) / 2];
        aligned = new long[columns];
    }

    /// <summary>The number of values in a row.</summary>
    public int Columns { get; }

    /// <summary>The number of rows added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one complete row (exactly <see cref="Columns"/> values).</summary>
    public void Add(ReadOnlySpan<decimal> row)
    {
        if (row.Length != Columns)
        {
            throw new ArgumentException($"A row needs {Columns} values.", nameof(row));
        }

        Count++;
        if (!TryAlign(row))
        {
            AddBig(row);
            return;
        }

        int p = 0;
        for (int j = 0; j < Columns; j++)
        {
            long a = aligned[j];
            sums[j].Add(a);
            for (int l = j; l < Columns; l++)
            {
                products[p++].Add(Math.BigMul(a, aligned[l]));
            }
        }
    }

    /// <summary>Adds every row of another accumulator with the same number of columns.</summary>
    public void Add(ExactCrossProducts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Columns != Columns)
        {
            throw new ArgumentException("The accumulators have different numbers of columns.", nameof(other));
        }

        Rescale(Math.Max(scale, other.scale));
        for (int j = 0; j < sums.Length; j++)
        {
            sums[j].AddBig(other.sums[j].Total * BigInteger.Pow(10, scale - other.scale));
        }

        for (int j = 0; j < products.Length; j++)
        {
            products[j].AddBig(other.products[j].Total * BigInteger.Pow(10, 2 * (scale - other.scale)));
        }

        Count += other.Count;
    }

    /// <summary>Σxⱼ exactly.</summary>
    internal Rational Sum(int j) => new(sums[j].Total, BigInteger.Pow(10, scale));

    /// <summary>The mean of column j exactly (Count must be positive).</summary>
    internal Rational Mean(int j) => new(sums[j].Total, BigInteger.Pow(10, scale) * Count);

    /// <summary>
    /// The centred cross-product Σ(xⱼ − x̄ⱼ)(xₗ − x̄ₗ) = (n·Σxⱼxₗ − ΣxⱼΣxₗ)/n exactly, as a k × k matrix.
    /// </summary>
    internal Rational[,] CentredCrossProducts()
    {
        var result = new Rational[Columns, Columns];
        BigInteger den = BigInteger.Pow(10, 2 * scale) * Count;
        int p = 0;
        for (int j = 0; j < Columns; j++)
        {
            for (int l = j; l < Columns; l++)
            {
                BigInteger num = (products[p++].Total * Count) - (sums[j].Total * sums[l].Total);
                result[j, l] = result[l, j] = new Rational(num, den);
            }
        }

        return result;
    }

    private bool TryAlign(ReadOnlySpan<decimal> row)
    {
        Span<int> bits = stackalloc int[4];
        int target = scale;
        for (int j = 0; j < row.Length; j++)
        {
            int s = row[j].Scale;
            if (s > target)
            {
                target = s;
            }
        }

        if (target > 18)
        {
            return false;
        }

        Rescale(target);
        for (int j = 0; j < row.Length; j++)
        {
            decimal.GetBits(row[j], bits);
            // The 96-bit integer must fit in 63 bits, and still fit once scaled to the common scale.
            if (bits[2] != 0 || bits[1] < 0)
            {
                return false;
            }

            long m = (long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
            int shift = scale - ((bits[3] >> 16) & 0xFF);
            if (shift > 0)
            {
                if (m > long.MaxValue / Pow10[shift])
                {
                    return false;
                }

                m *= Pow10[shift];
            }

            aligned[j] = bits[3] < 0 ? -m : m;
        }

        return true;
    }

    private void AddBig(ReadOnlySpan<decimal> row)
    {
        int target = scale;
        foreach (decimal v in row)
        {
            target = Math.Max(target, v.Scale);
        }

        Rescale(target);
        var values = new BigInteger[row.Length];
        Span<int> bits = stackalloc int[4];
        for (int j = 0; j < row.Length; j++)
        {
            decimal.GetBits(row[j], bits);
            var m = new BigInteger((ulong)(uint)bits[1] << 32 | (uint)bits[0]) + (new BigInteger((uint)bits[2]) << 64);
            m *= BigInteger.Pow(10, scale - ((bits[3] >> 16) & 0xFF));
            values[j] = bits[3] < 0 ? -m : m;
        }

        int p = 0;
        for (int j = 0; j < Columns; j++)
        {
            sums[j].AddBig(values[j]);
            for (int l = j; l < Columns; l++)
            {
                products[p++].AddBig(values[j] * values[l]);
            }
        }
    }

    private void Rescale(int target)
    {
        if (target <= scale)
        {
            return;
        }

        var factor = BigInteger.Pow(10, target - scale);
        for (int j = 0; j < sums.Length; j++)
        {
            sums[j].Multiply(factor);
        }

        BigInteger factor2 = factor * factor;
        for (int j = 0; j < products.Length; j++)
        {
            products[j].Multiply(factor2);
        }

        scale = target;
    }

    /// <summary>A 128-bit running sum that spills into a big integer instead of overflowing.</summary>
    private struct ExactSum
    {
        private Int128 fast;
        private BigInteger spill;

        public readonly BigInteger Total => spill + (BigInteger)fast;

        public void Add(Int128 value)
        {
            Int128 r = fast + value;
            // Signed overflow: both operands have the sign the result lacks.
            if (((fast ^ r) & (value ^ r)) < 0)
            {
                spill += (BigInteger)fast;
                r = value;
            }

            fast = r;
        }

        public void AddBig(BigInteger value) => spill += value;

        public void Multiply(BigInteger factor)
        {
            spill = Total * factor;
            fast = Int128.Zero;
        }
    }
}
