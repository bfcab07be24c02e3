using MathNet.Numerics.LinearAlgebra;
using Trinn.Statistics.Distributions;
using Trinn.Statistics.Internal;

namespace Trinn.Statistics.Inference;

/// <summary>The pieces the one-way and the mixed repeated-measures ANOVA share (SPSS GLM repeated measures).</summary>
internal static class RepeatedMeasuresCore
{
    /// <summary>QAQ with Q = I − J/k: the cross-products of the within-subject deviations (rows and columns centred).</summary>
    public static Rational[,] DoublyCentred(Rational[,] a)
    {
        int k = a.GetLength(0);
        var rowSums = new Rational[k];
        Rational total = Rational.Zero;
        for (int j = 0; j < k; j++)
        {
            Rational s = Rational.Zero;
            for (int l = 0; l < k; l++)
            {
                s += a[j, l];
            }

            rowSums[j] = s;
            total += s;
        }

        var result = new Rational[k, k];
        Rational kk = k;
        for (int j = 0; j < k; j++)
        {
            for (int l = 0; l < k; l++)
            {
                result[j, l] = a[j, l] - ((rowSums[j] + rowSums[l]) / kk) + (total / (kk * kk));
            }
        }

        return result;
    }

    public static Rational Trace(Rational[,] a)
    {
        Rational t = Rational.Zero;
        for (int j = 0; j < a.GetLength(0); j++)
        {
            t += a[j, j];
        }

        return t;
    }

    public static Rational Total(Rational[,] a)
    {
        Rational t = Rational.Zero;
        foreach (Rational x in a)
        {
            t += x;
        }

        return t;
    }

    public static Matrix<double> ToMatrix(Rational[,] a) =>
        Matrix<double>.Build.Dense(a.GetLength(0), a.GetLength(1), (i, j) => a[i, j].ToDouble());

    /// <summary>C′DC for the orthonormal polynomial contrasts C (k × (k − 1)).</summary>
    public static Matrix<double> Transformed(Matrix<double> levelSpace)
    {
        var c = Matrix<double>.Build.DenseOfArray(RepeatedMeasuresAnova.OrthonormalPolynomial(levelSpace.RowCount));
        Matrix<double> t = c.TransposeThisAndMultiply(levelSpace) * c;
        return (t + t.Transpose()) / 2;
    }

    /// <summary>Greenhouse–Geisser ε = (tr S)²/(p·tr S²); null when S is zero.</summary>
    public static double? GreenhouseGeisser(Matrix<double> s)
    {
        int p = s.RowCount;
        double tr = s.Trace();
        double tr2 = s.PointwiseMultiply(s).Enumerate().Sum();
        return tr2 > 0 ? tr * tr / (p * tr2) : null;
    }

    /// <summary>
    /// (a·p·ε − 2)/(p(errorDf − p·ε)): Huynh &amp; Feldt (1976) with a = N (as SPSS prints it) or Lecoutre's (1991)
    /// correction with a = N − g + 1 (R car); errorDf = N − g.
    /// </summary>
    public static double? HuynhFeldt(double? gg, double a, double errorDf, int p)
    {
        if (gg is not { } e)
        {
            return null;
        }

        double den = p * (errorDf - (p * e));
        return den != 0 ? ((a * p * e) - 2) / den : null;
    }

    public static CorrectedWithinTest Corrected(double? epsilon, double ssEffect, double df, double ssError, double dfError)
    {
        if (epsilon is not { } e || !(e > 0))
        {
            return new CorrectedWithinTest(epsilon, ssEffect, null, null, null, null, null, ssError, null, null);
        }

        double d1 = df * e;
        double d2 = dfError * e;
        double ms1 = ssEffect / d1;
        double? ms2 = d2 > 0 ? ssError / d2 : null;
        double? f = ms2 is { } m && m > 0 ? ms1 / m : null;
        double? pv = f is { } fv ? Probability.FUpperTail(fv, d1, d2) : null;
        double? eta = ssEffect + ssError > 0 ? ssEffect / (ssEffect + ssError) : null;
        return new CorrectedWithinTest(e, ssEffect, d1, ms1, f, pv, eta, ssError, d2 > 0 ? d2 : null, ms2);
    }

    /// <summary>Mauchly's test on the covariance <paramref name="s"/> of the p transformed scores with ν error df.</summary>
    public static MauchlyTest Mauchly(Matrix<double> s, double nu)
    {
        int p = s.RowCount;
        double df = (p * (p + 1) / 2.0) - 1;
        if (p == 1)
        {
            return new MauchlyTest(1, 0, 0, null, null, null, null, null);
        }

        double tr = s.Trace();
        double[] eigen = [.. ((s + s.Transpose()) / 2).Evd(Symmetricity.Symmetric).EigenValues.Select(x => x.Real)];
        if (!(tr > 0) || !(eigen.Min() > 0) || nu < p)
        {
            return new MauchlyTest(tr > 0 ? Math.Max(0, s.Determinant()) / Math.Pow(tr / p, p) : null, null, df, null, null, null, null, null);
        }

        // ln W = Σ ln(λᵢ/λ̄) = Σ (ln(1 + δᵢ) − δᵢ) with δᵢ = λᵢ/λ̄ − 1 (Σδᵢ = 0): near sphericity W is close to 1 and
        // ln det S − p ln(tr S/p) would lose most of its digits to cancellation.
        double mean = eigen.Average();
        double logW = eigen.Sum(l => Log1pMinusX((l - mean) / mean));
        double rho = 1 - (((2.0 * p * p) + p + 2) / (6.0 * p * nu));
        double omega2 = (p + 2.0) * (p - 1.0) * (p - 2.0) * ((2.0 * p * p * p) + (6.0 * p * p) + (3.0 * p) + 2) / (288.0 * Math.Pow(nu * p * rho, 2));
        double chi = -nu * rho * logW;
        double pr1 = Probability.ChiSquareUpperTail(chi, df);
        double pr2 = Probability.ChiSquareUpperTail(chi, df + 4);
        // R's mauchly.test writes 3 * (p + 1) where Anderson has 3p.
        double omega2R = omega2 * ((2.0 * p * p * p) + (6.0 * p * p) + (3.0 * (p + 1)) + 2) / ((2.0 * p * p * p) + (6.0 * p * p) + (3.0 * p) + 2);
        return new MauchlyTest(Math.Exp(logW), chi, df, pr1 + (omega2 * (pr2 - pr1)), pr1, omega2, rho, pr1 + (omega2R * (pr2 - pr1)));
    }

    /// <summary>ln(1 + x) − x without cancellation for small x.</summary>
    private static double Log1pMinusX(double x)
    {
        if (Math.Abs(x) > 0.01)
        {
            return Math.Log(1 + x) - x;
        }

        // −x²/2 + x³/3 − x⁴/4 + …: terms fall by at least 100× each, so 10 terms reach full precision.
        double sum = 0;
        double power = x;
        for (int k = 2; k <= 12; k++)
        {
            power *= -x;
            sum += power / k;
        }

        return sum;
    }

    /// <summary>
    /// The eigenvalues of E⁻¹H (descending) for hypothesis and error SSCP matrices of the p transformed scores; null
    /// when E is not positive definite.
    /// </summary>
    public static double[]? Eigenvalues(Matrix<double> h, Matrix<double> e)
    {
        if (!(e.Determinant() > 0))
        {
            return null;
        }

        // E = LL′: the eigenvalues of L⁻¹HL⁻′ (symmetric) are those of E⁻¹H.
        Matrix<double> l = e.Cholesky().Factor;
        Matrix<double> li = l.Inverse();
        Matrix<double> m = li * h * li.Transpose();
        m = (m + m.Transpose()) / 2;
        return [.. m.Evd(Symmetricity.Symmetric).EigenValues.Select(x => Math.Max(0, x.Real)).OrderDescending()];
    }

    /// <summary>
    /// The four multivariate statistics with the F approximations SPSS GLM and R (<c>summary.manova</c>) print, for
    /// q hypothesis df and ν error df; partial η² as SPSS (Pillai V/s, Wilks 1 − Λ^(1/s), Hotelling (T/s)/(T/s + 1),
    /// Roy λ/(1 + λ)).
    /// </summary>
    public static (MultivariateTest Pillai, MultivariateTest Wilks, MultivariateTest Hotelling, MultivariateTest Roy) FourTests(double[]? eigenvalues, int p, double q, double nu)
    {
        int s = (int)Math.Min(p, q);
        double m = (Math.Abs(p - q) - 1) / 2;
        double n = (nu - p - 1) / 2;
        if (eigenvalues is null || s < 1)
        {
            MultivariateTest Empty(double d1, double d2) => new(null, null, d1, d2, null, null);
            double t3 = (p * p) + (q * q) - 5;
            double tw = t3 > 0 ? Math.Sqrt((((p * q) * (p * q)) - 4) / t3) : 1;
            return (Empty(s * ((2 * m) + s + 1), s * ((2 * n) + s + 1)),
                Empty(p * q, ((nu - ((p - q + 1) / 2)) * tw) - (((p * q) - 2) / 2)),
                Empty(s * ((2 * m) + s + 1), 2 * ((s * n) + 1)),
                Empty(Math.Max(p, q), nu - Math.Max(p, q) + q));
        }

        double[] eig = eigenvalues[..s];

        double v = eig.Sum(x => x / (1 + x));
        double pd1 = s * ((2 * m) + s + 1);
        double pd2 = s * ((2 * n) + s + 1);
        double? pf = s - v > 0 ? pd2 / ((2 * m) + s + 1) * v / (s - v) / s : null;

        double lambda = eig.Aggregate(1.0, (acc, x) => acc / (1 + x));
        double tmp3 = (p * p) + (q * q) - 5;
        double t = tmp3 > 0 ? Math.Sqrt(((p * q * p * q) - 4) / tmp3) : 1;
        double wd1 = p * q;
        double wd2 = ((nu - ((p - q + 1) / 2.0)) * t) - (((p * q) - 2) / 2.0);
        double? wf = lambda > 0 ? (Math.Pow(lambda, -1 / t) - 1) * wd2 / wd1 : null;

        double ht = eig.Sum();
        double hd1 = s * ((2 * m) + s + 1);
        double hd2 = 2 * ((s * n) + 1);
        double hf = hd2 * ht / s / s / ((2 * m) + s + 1);

        double roy = eig[0];
        double rd1 = Math.Max(p, q);
        double rd2 = nu - rd1 + q;
        double rf = rd2 * roy / rd1;

        double? P(double? f, double d1, double d2) => f is { } x && d2 > 0 && double.IsFinite(x) ? Probability.FUpperTail(x, d1, d2) : null;
        return (
            new MultivariateTest(v, pf, pd1, pd2, P(pf, pd1, pd2), v / s),
            new MultivariateTest(lambda, wf, wd1, wd2, P(wf, wd1, wd2), 1 - Math.Pow(lambda, 1.0 / s)),
            new MultivariateTest(ht, hf, hd1, hd2, P(hf, hd1, hd2), ht / s / ((ht / s) + 1)),
            new MultivariateTest(roy, rf, rd1, rd2, P(rf, rd1, rd2), roy / (1 + roy)));
    }
}
