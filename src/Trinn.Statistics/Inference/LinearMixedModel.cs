using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Trinn.Statistics.Distributions;

namespace Trinn.Statistics.Inference;

/// <summary>How the variance components are estimated.</summary>
public enum LikelihoodMethod
{
    /// <summary>Restricted (residual) maximum likelihood, the default of SPSS MIXED, R nlme and lme4.</summary>
    Reml,

    /// <summary>Full maximum likelihood (for comparing models with different fixed effects).</summary>
    MaximumLikelihood,
}

/// <summary>One observation in long format: a subject, its wave (a code such as 0, 3, 12, 18), its group (optional) and the outcome.</summary>
public readonly record struct LongObservation(int Subject, decimal Time, decimal? Group, decimal Outcome);

/// <summary>A fixed effect with its SE, nlme's denominator df, t and the two-sided p.</summary>
/// <param name="Term"><c>(Intercept)</c>, <c>time=3</c>, <c>group=2</c> or <c>time=3:group=2</c>.</param>
/// <param name="Time">The wave code of a time or interaction term.</param>
/// <param name="Group">The group code of a group or interaction term.</param>
public sealed record FixedEffect(string Term, decimal? Time, decimal? Group, double Estimate, double StandardError, double Df, double? T, double? P);

/// <summary>The model's estimate of one wave's mean (in one group), x′β̂, with SE = √(σ̂²·x′(X′Ĥ⁻¹X)⁻¹x).</summary>
/// <param name="Observations">Observations in this wave (and group).</param>
public sealed record EstimatedMean(decimal Time, decimal? Group, int Observations, double Estimate, double StandardError);

/// <summary>Result of a random-intercept linear mixed model.</summary>
/// <param name="VarianceRatio">γ = τ²/σ² at the optimum (0 when the optimum is on the boundary).</param>
/// <param name="EstimatedMeans">One per wave (time-only model) or per wave × group, waves within groups.</param>
/// <param name="TimeTest">Wald F test that every wave has the same mean (time-only model; null with a group): F = β̂ₜ′Cₜ⁻¹β̂ₜ/(k − 1)
/// with Cₜ the covariance of the time effects, df (k − 1, the time terms' df) — R nlme's <c>anova(fit)</c>.</param>
/// <param name="TimeByGroupTest">The same Wald F for the time × group terms (null without a group) — nlme's
/// <c>anova(fit, type = "marginal")</c> row for the interaction, which does not depend on the coding.</param>
public sealed record LinearMixedModelResult(
    LikelihoodMethod Method,
    int Observations,
    int Subjects,
    IReadOnlyList<decimal> TimeLevels,
    IReadOnlyList<decimal> GroupLevels,
    IReadOnlyList<FixedEffect> FixedEffects,
    double SubjectInterceptVariance,
    double ResidualVariance,
    double VarianceRatio,
    double LogLikelihood,
    double Aic,
    double Bic,
    IReadOnlyList<EstimatedMean> EstimatedMeans,
    FTest? TimeTest,
    FTest? TimeByGroupTest);

/// <summary>
/// The linear mixed model y = Xβ + u_subject + e with u ~ N(0, τ²), e ~ N(0, σ²), categorical time (treatment coding,
/// lowest code as reference), an optional group and time × group. With a single random intercept the covariance of a
/// subject's n observations is σ²(I + γJ), γ = τ²/σ², so β and σ² have closed forms given γ and the (restricted)
/// likelihood is a function of γ alone. This class finds its exact maximum: the root of the analytic derivative of the
/// profiled log-likelihood, refined by bisection until the bracket is two adjacent doubles (the optimisers of R nlme
/// and lme4 stop about 1e-7 short of it). Everything is computed from sufficient statistics grouped by the number of
/// observations per subject, so the cost per evaluation does not grow with the data.
/// </summary>
public static class LinearMixedModel
{
    /// <summary>
    /// Fits the model to complete observations (rows with a missing outcome are the caller's to drop; a subject keeps the
    /// rows it has). <paramref name="withGroup"/> adds the group and time × group terms; every observation then needs a
    /// group. Needs at least 2 waves, 2 subjects and an observation in every wave × group cell (otherwise
    /// <see cref="ArgumentException"/>, as the fixed effects are not estimable); the outcome must vary within subjects
    /// beyond the fixed effects. SE = √(σ̂²·(X′Ĥ⁻¹X)⁻¹) for REML and ML alike (SPSS MIXED, lme4); df by R nlme's rule.
    /// </summary>
    public static LinearMixedModelResult Fit(IReadOnlyList<LongObservation> observations, bool withGroup, LikelihoodMethod method)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var stats = Statistics.Build(observations, withGroup);
        Profile profile = stats.Maximise(method);
        return stats.Result(profile, method);
    }

    private static string Code(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>The profiled likelihood at γ with its derivative and the estimates.</summary>
    private sealed record Profile(double Gamma, double LogLikelihood, double Derivative, Vector<double> Beta, Matrix<double> AInverse, double Sigma2);

    private sealed class Statistics
    {
        private readonly int n;
        private readonly int subjects;
        private readonly int p;
        private readonly decimal shift;
        private readonly decimal[] times;
        private readonly decimal[] groups;
        private readonly bool[] inner;
        private readonly double[] cellCount;
        private readonly Matrix<double> design;
        private readonly Matrix<double> xtx;
        private readonly Vector<double> xty;
        private readonly double yty;
        private readonly (int Size, int Count, Matrix<double> Cc, Vector<double> Ct, double Tt)[] bySize;

        private Statistics(int n, int subjects, int p, decimal shift, decimal[] times, decimal[] groups, bool[] inner, double[] cellCount, Matrix<double> design, Matrix<double> xtx, Vector<double> xty, double yty, (int, int, Matrix<double>, Vector<double>, double)[] bySize)
        {
            (this.n, this.subjects, this.p, this.shift, this.times, this.groups, this.inner) = (n, subjects, p, shift, times, groups, inner);
            (this.cellCount, this.design) = (cellCount, design);
            (this.xtx, this.xty, this.yty, this.bySize) = (xtx, xty, yty, bySize);
        }

        public static Statistics Build(IReadOnlyList<LongObservation> rows, bool withGroup)
        {
            if (rows.Count == 0)
            {
                throw new ArgumentException("There are no observations.", nameof(rows));
            }

            if (withGroup && rows.Any(r => r.Group is null))
            {
                throw new ArgumentException("Every observation needs a group.", nameof(rows));
            }

            decimal[] times = [.. rows.Select(r => r.Time).Distinct().Order()];
            decimal[] groups = withGroup ? [.. rows.Select(r => r.Group!.Value).Distinct().Order()] : [];
            int k = times.Length;
            int g = Math.Max(1, groups.Length);
            if (k < 2)
            {
                throw new ArgumentException("Need at least 2 waves.", nameof(rows));
            }

            if (withGroup && g < 2)
            {
                throw new ArgumentException("Need at least 2 groups.", nameof(rows));
            }

            int cells = k * g;
            int p = cells;
            Matrix<double> design = Design(k, g);
            var timeIndex = times.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
            var groupIndex = groups.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);

            // The exact mean as shift: the deviations y − c are formed in decimal, so a large common level costs no digits.
            decimal total = 0;
            foreach (LongObservation r in rows)
            {
                total += r.Outcome;
            }

            decimal shift = total / rows.Count;
            var cellCount = new double[cells];
            var cellSum = new decimal[cells];
            double yty = 0;
            double compensation = 0;
            var subjectIndex = new Dictionary<int, int>();
            var subjectCells = new List<int[]>();
            var subjectSum = new List<decimal>();
            foreach (LongObservation r in rows)
            {
                int cell = timeIndex[r.Time] + (withGroup ? k * groupIndex[r.Group!.Value] : 0);
                decimal d = r.Outcome - shift;
                cellCount[cell]++;
                cellSum[cell] += d;
                double dd = (double)d;
                double y = (dd * dd) - compensation;
                double t = yty + y;
                compensation = t - yty - y;
                yty = t;
                if (!subjectIndex.TryGetValue(r.Subject, out int s))
                {
                    subjectIndex[r.Subject] = s = subjectCells.Count;
                    subjectCells.Add(new int[cells]);
                    subjectSum.Add(0);
                }

                subjectCells[s][cell]++;
                subjectSum[s] += d;
            }

            for (int c = 0; c < cells; c++)
            {
                if (cellCount[c] == 0)
                {
                    throw new ArgumentException(withGroup
                        ? $"No observation at time {Code(times[c % k])} in group {Code(groups[c / k])}; the time × group effects cannot be estimated."
                        : $"No observation at time {Code(times[c])}.", nameof(rows));
                }
            }

            if (subjectCells.Count < 2)
            {
                throw new ArgumentException("Need at least 2 subjects.", nameof(rows));
            }

            // nlme: a column is "inner" (within subjects) when it varies within at least one subject.
            var inner = new bool[p];
            var bySize = new SortedDictionary<int, (int Count, double[,] Cc, double[] Ct, double Tt)>();
            for (int s = 0; s < subjectCells.Count; s++)
            {
                int[] counts = subjectCells[s];
                int size = counts.Sum();
                if (!bySize.TryGetValue(size, out var acc))
                {
                    acc = (0, new double[cells, cells], new double[cells], 0);
                }

                double sum = (double)subjectSum[s];
                for (int a = 0; a < cells; a++)
                {
                    if (counts[a] == 0)
                    {
                        continue;
                    }

                    acc.Ct[a] += counts[a] * sum;
                    for (int b = 0; b < cells; b++)
                    {
                        acc.Cc[a, b] += counts[a] * counts[b];
                    }
                }

                bySize[size] = (acc.Count + 1, acc.Cc, acc.Ct, acc.Tt + (sum * sum));
                MarkInner(counts, design, inner);
            }

            Matrix<double> xtx = design.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfDiagonalArray(cellCount)) * design;
            Vector<double> xty = design.TransposeThisAndMultiply(Vector<double>.Build.Dense(cells, c => (double)cellSum[c]));
            var sizes = bySize.Select(kv => (kv.Key, kv.Value.Count,
                design.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfArray(kv.Value.Cc)) * design,
                design.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(kv.Value.Ct)),
                kv.Value.Tt)).ToArray();
            return new Statistics(rows.Count, subjectCells.Count, p, shift, times, groups, inner, cellCount, design, xtx, xty, yty, sizes);
        }

        /// <summary>The design row of each time × group cell (cell = time + k·group): treatment coding, contract order.</summary>
        private static Matrix<double> Design(int k, int g)
        {
            var x = Matrix<double>.Build.Dense(k * g, k * g);
            for (int gi = 0; gi < g; gi++)
            {
                for (int t = 0; t < k; t++)
                {
                    int cell = t + (k * gi);
                    x[cell, 0] = 1;
                    if (t > 0)
                    {
                        x[cell, t] = 1;
                    }

                    if (gi > 0)
                    {
                        x[cell, k - 1 + gi] = 1;
                        if (t > 0)
                        {
                            x[cell, k + (g - 1) + ((gi - 1) * (k - 1)) + (t - 1)] = 1;
                        }
                    }
                }
            }

            return x;
        }

        private static void MarkInner(int[] counts, Matrix<double> design, bool[] inner)
        {
            for (int j = 1; j < inner.Length; j++)
            {
                if (inner[j])
                {
                    continue;
                }

                double? seen = null;
                for (int c = 0; c < counts.Length; c++)
                {
                    if (counts[c] == 0)
                    {
                        continue;
                    }

                    if (seen is { } v && v != design[c, j])
                    {
                        inner[j] = true;
                        break;
                    }

                    seen = design[c, j];
                }
            }
        }

        public Profile Evaluate(double gamma, LikelihoodMethod method)
        {
            Matrix<double> a = xtx.Clone();
            Vector<double> b = xty.Clone();
            double c = yty;
            Matrix<double> da = Matrix<double>.Build.Dense(p, p);
            Vector<double> db = Vector<double>.Build.Dense(p);
            double dc = 0;
            double logH = 0;
            double dLogH = 0;
            foreach ((int size, int count, Matrix<double> cc, Vector<double> ct, double tt) in bySize)
            {
                double w = gamma / (1 + (size * gamma));
                double v = 1 / ((1 + (size * gamma)) * (1 + (size * gamma)));
                a -= w * cc;
                b -= w * ct;
                c -= w * tt;
                da -= v * cc;
                db -= v * ct;
                dc -= v * tt;
                logH += count * Math.Log(1 + (size * gamma));
                dLogH += count * size / (1 + (size * gamma));
            }

            a = (a + a.Transpose()) / 2;
            var chol = a.Cholesky();
            Vector<double> beta = chol.Solve(b);
            Matrix<double> ai = chol.Solve(Matrix<double>.Build.DenseIdentity(p));
            double q = c - b.DotProduct(beta);
            double dq = dc - (2 * beta.DotProduct(db)) + beta.DotProduct(da * beta);
            bool reml = method == LikelihoodMethod.Reml;
            double nn = reml ? n - p : n;
            double sigma2 = q / nn;
            double ll = -0.5 * ((nn * Math.Log(2 * Math.PI * sigma2)) + logH + (reml ? chol.DeterminantLn : 0) + nn);
            double dll = -0.5 * ((nn * dq / q) + dLogH + (reml ? ai.PointwiseMultiply(da).Enumerate().Sum() : 0));
            return new Profile(gamma, ll, dll, beta, ai, sigma2);
        }

        public Profile Maximise(LikelihoodMethod method)
        {
            if (n - (method == LikelihoodMethod.Reml ? p : 0) < 1)
            {
                throw new ArgumentException("There are too few observations for the fixed effects.");
            }

            // Scan log γ for the sign changes of the derivative (local maxima), then bisect each to adjacent doubles.
            var candidates = new List<Profile>();
            Profile boundary = Evaluate(0, method);
            if (boundary.Derivative <= 0)
            {
                candidates.Add(boundary);
            }

            const double Low = -30;
            const double High = 30;
            const double Step = 0.25;
            double previousT = Low;
            Profile previous = Evaluate(Math.Exp(Low), method);
            for (double t = Low + Step; t <= High + 1e-9; t += Step)
            {
                Profile current = Evaluate(Math.Exp(t), method);
                if (previous.Derivative > 0 && current.Derivative <= 0)
                {
                    candidates.Add(Bisect(previousT, t, method));
                }

                (previous, previousT) = (current, t);
            }

            if (candidates.Count == 0)
            {
                throw new ArgumentException("The outcome does not vary within subjects beyond the fixed effects; the residual variance is 0.");
            }

            Profile best = candidates.MaxBy(x => x.LogLikelihood)!;
            if (!(best.Sigma2 > 0) || !double.IsFinite(best.LogLikelihood))
            {
                throw new ArgumentException("The residual variance is 0; the model cannot be fitted.");
            }

            return best;
        }

        private Profile Bisect(double lo, double hi, LikelihoodMethod method)
        {
            Profile atLo = Evaluate(Math.Exp(lo), method);
            while (true)
            {
                double mid = lo + ((hi - lo) / 2);
                if (mid <= lo || mid >= hi)
                {
                    break;
                }

                Profile m = Evaluate(Math.Exp(mid), method);
                if (m.Derivative > 0)
                {
                    (lo, atLo) = (mid, m);
                }
                else
                {
                    hi = mid;
                }
            }

            Profile atHi = Evaluate(Math.Exp(hi), method);
            return Math.Abs(atHi.Derivative) < Math.Abs(atLo.Derivative) ? atHi : atLo;
        }

        public LinearMixedModelResult Result(Profile best, LikelihoodMethod method)
        {
            int k = times.Length;
            int g = Math.Max(1, groups.Length);
            int between = inner.Skip(1).Count(x => !x);
            int within = inner.Skip(1).Count(x => x);
            double dfBetween = subjects - between - 1;
            double dfWithin = n - subjects - within;
            var effects = new List<FixedEffect>(p);
            for (int j = 0; j < p; j++)
            {
                (string term, decimal? time, decimal? group) = Name(j, k, g);
                double estimate = best.Beta[j] + (j == 0 ? (double)shift : 0);
                double se = Math.Sqrt(best.Sigma2 * best.AInverse[j, j]);
                double df = j == 0 ? Math.Max(dfBetween, dfWithin) : inner[j] ? dfWithin : dfBetween;
                double? tv = se > 0 ? estimate / se : null;
                double? pv = tv is { } x && df > 0 ? Probability.StudentTTwoSided(x, df) : null;
                effects.Add(new FixedEffect(term, time, group, estimate, se, df, tv, pv));
            }

            double ll = best.LogLikelihood;
            double nInfo = method == LikelihoodMethod.Reml ? n - p : n;
            Matrix<double> covariance = best.Sigma2 * best.AInverse;
            var means = new List<EstimatedMean>(design.RowCount);
            for (int cell = 0; cell < design.RowCount; cell++)
            {
                Vector<double> x = design.Row(cell);
                double estimate = x.DotProduct(best.Beta) + (double)shift;
                double se = Math.Sqrt(Math.Max(0, x.DotProduct(covariance * x)));
                means.Add(new EstimatedMean(times[cell % k], groups.Length == 0 ? null : groups[cell / k], (int)cellCount[cell], estimate, se));
            }

            int[] timeTerms = [.. Enumerable.Range(1, k - 1)];
            int[] interactionTerms = [.. Enumerable.Range(k + g - 1, (k - 1) * (g - 1))];
            FTest? timeTest = groups.Length == 0 ? Wald(best.Beta, covariance, timeTerms, effects) : null;
            FTest? interactionTest = groups.Length == 0 ? null : Wald(best.Beta, covariance, interactionTerms, effects);
            return new LinearMixedModelResult(
                method, n, subjects, times, groups, effects,
                best.Gamma * best.Sigma2, best.Sigma2, best.Gamma, ll,
                (-2 * ll) + (2 * (p + 2)),
                (-2 * ll) + ((p + 2) * Math.Log(nInfo)),
                means, timeTest, interactionTest);
        }

        /// <summary>
        /// Wald F for the hypothesis that the given coefficients are all 0: β̂′C⁻¹β̂/q with C their covariance, on (q, df)
        /// where df is the terms' denominator df (the smallest if they differ); F and p are null when C is singular.
        /// </summary>
        private static FTest Wald(Vector<double> beta, Matrix<double> covariance, int[] terms, List<FixedEffect> effects)
        {
            int q = terms.Length;
            var b = Vector<double>.Build.Dense(q, i => beta[terms[i]]);
            var c = Matrix<double>.Build.Dense(q, q, (i, j) => covariance[terms[i], terms[j]]);
            double df2 = terms.Min(j => effects[j].Df);
            MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> chol;
            try
            {
                chol = ((c + c.Transpose()) / 2).Cholesky();
            }
            catch (ArgumentException)
            {
                return new FTest(null, q, df2, null);
            }

            double f = b.DotProduct(chol.Solve(b)) / q;
            return new FTest(f, q, df2, df2 > 0 && double.IsFinite(f) ? Probability.FUpperTail(f, q, df2) : null);
        }

        private (string Term, decimal? Time, decimal? Group) Name(int j, int k, int g)
        {
            if (j == 0)
            {
                return ("(Intercept)", null, null);
            }

            if (j < k)
            {
                return ($"time={Code(times[j])}", times[j], null);
            }

            if (j < k + g - 1)
            {
                decimal group = groups[j - k + 1];
                return ($"group={Code(group)}", null, group);
            }

            int rest = j - (k + g - 1);
            decimal gi = groups[(rest / (k - 1)) + 1];
            decimal ti = times[(rest % (k - 1)) + 1];
            return ($"time={Code(ti)}:group={Code(gi)}", ti, gi);
        }
    }
}
