using System.Globalization;
using Trinn.Statistics.Power;

namespace Trinn.Web.Features.Research;

/// <summary>The power calculator's fields, as typed (a decimal comma or point are both fine).</summary>
public sealed class PowerInput
{
    public const string RepeatedMeasures = "rm";
    public const string PairedT = "paired";
    public const string IndependentT = "independent";

    public string? Test { get; set; }

    public string? EffectSize { get; set; }

    public string? Alpha { get; set; }

    public string? Power { get; set; }

    public string? Measurements { get; set; }

    public string? Correlation { get; set; }

    public string? Epsilon { get; set; }

    public string? Groups { get; set; }

    /// <summary>Optional: an N to compute the achieved power for (post hoc), in the same unit as the required N.</summary>
    public string? N { get; set; }
}

/// <summary>One point of the power curve.</summary>
public sealed record PowerPoint(int N, double Power);

/// <summary>
/// The report's G*Power case read two ways: it gives N = 30 "ved inklusjon og ved tre måneder" (two measurements), but
/// N = 30 is what four measurements give (f = 0.25, α = 0.05, power 0.90, ρ = 0.5, ε = 1). Both are shown.
/// </summary>
public sealed record ReportReading(int Measurements, int RequiredN, double PowerAtThirty);

/// <summary>
/// Sample size and power as G*Power 3.1 computes them: "ANOVA: Repeated measures, within factors" (prefilled with the
/// report's case, which gives N = 30), and two-sided paired and independent t tests. Sent with GET, so the page works
/// without JavaScript and a calculation can be linked to.
/// </summary>
public sealed class PowerModel(IStringLocalizer<ResearchResource> t) : PageModel
{
    private const int CurvePoints = 30;

    [BindProperty(SupportsGet = true)]
    public PowerInput Input { get; set; } = new();

    /// <summary>Required N: total for repeated measures and paired t (pairs), per group for the independent t test.</summary>
    public int? RequiredN { get; private set; }

    public double? AchievedPower { get; private set; }

    public double? PowerAtNMinus1 { get; private set; }

    /// <summary>λ for the F test, δ for the t tests.</summary>
    public double? Noncentrality { get; private set; }

    public double? Critical { get; private set; }

    public double? Df1 { get; private set; }

    public double? Df2 { get; private set; }

    public IReadOnlyList<PowerPoint> Curve { get; private set; } = [];

    public double? TargetPower { get; private set; }

    /// <summary>The N given for a post hoc calculation and the power the test has with it.</summary>
    public int? PostHocN { get; private set; }

    public double? PostHocPower { get; private set; }
    /// <summary>The report's sample size as stated.</summary>
    public const int ReportN = 30;

    /// <summary>The report's case with two measurements (inclusion and 3 months, as the text says) and with four (all time points).</summary>
    public static IReadOnlyList<ReportReading> ReportReadings { get; } =
        [.. new[] { 2, 4 }.Select(m => new ReportReading(
            m,
            PowerAnalysis.RepeatedMeasuresWithinSampleSize(0.25, 0.05, 0.90, m, 0.5).TotalN,
            PowerAnalysis.RepeatedMeasuresWithin(0.25, 0.05, ReportN, m, 0.5, 1, 1).Power))];

    public string Test => Input.Test is PowerInput.PairedT or PowerInput.IndependentT ? Input.Test : PowerInput.RepeatedMeasures;

    public IActionResult OnGet()
    {
        if (Input.EffectSize is null && Input.Alpha is null && Input.Power is null)
        {
            Prefill();
        }

        double? effect = Number(Input.EffectSize, "EffectSize");
        double? alpha = Number(Input.Alpha, "Alpha");
        double? power = Number(Input.Power, "Power");
        if (effect is { } e && !(e > 0))
        {
            Error("EffectSize", t[Test == PowerInput.RepeatedMeasures ? "Power_Error_F" : "Power_Error_D"]);
        }

        bool alphaValid = alpha is > 0 and < 1;
        if (alpha is not null && !alphaValid)
        {
            Error("Alpha", t["Power_Error_Alpha"]);
        }

        if (power is { } p && !(p > (alphaValid ? alpha!.Value : 0) && p < 1))
        {
            Error("Power", t["Power_Error_Power"]);
        }

        int? m = null;
        double? rho = null;
        double? eps = null;
        int? groups = null;
        if (Test == PowerInput.RepeatedMeasures)
        {
            m = Integer(Input.Measurements, "Measurements", 2, "Power_Error_Measurements");
            rho = Number(Input.Correlation, "Correlation");
            eps = Number(Input.Epsilon, "Epsilon");
            groups = Integer(Input.Groups, "Groups", 1, "Power_Error_Groups");
            if (rho is { } r && !(r > -1 && r < 1))
            {
                Error("Correlation", t["Power_Error_Correlation"]);
            }

            if (eps is { } x && m is { } mm && !(x >= (1.0 / (mm - 1)) - 1e-12 && x <= 1))
            {
                Error("Epsilon", t["Power_Error_Epsilon", (1.0 / (mm - 1)).ToString("0.###", CultureInfo.GetCultureInfo("nb-NO"))]);
            }
        }

        int? postHocN = null;
        if (!string.IsNullOrWhiteSpace(Input.N))
        {
            // Paired: pairs ≥ 2; independent: per group ≥ 2; repeated measures: total N above the number of groups.
            int least = Test == PowerInput.RepeatedMeasures ? (groups ?? 1) + 1 : 2;
            postHocN = Integer(Input.N, "N", least, "Power_Error_N", 1_000_000);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TargetPower = power;
        try
        {
            Calculate(effect!.Value, alpha!.Value, power!.Value, m, rho, eps, groups, postHocN);
        }
        catch (ArgumentOutOfRangeException)
        {
            Error("EffectSize", t["Power_Error_TooLarge"]);
        }

        return Page();
    }

    private void Calculate(double effect, double alpha, double power, int? m, double? rho, double? eps, int? groups, int? postHocN)
    {
        Func<int, double> powerAt;
        int first;
        switch (Test)
        {
            case PowerInput.PairedT:
                TTestPower paired = PowerAnalysis.PairedTSampleSize(effect, alpha, power);
                (RequiredN, AchievedPower, Noncentrality, Critical, Df1) = (paired.TotalN, paired.Power, paired.NoncentralityDelta, paired.TCritical, paired.Df);
                powerAt = n => PowerAnalysis.PairedT(effect, alpha, n).Power;
                first = 2;
                break;
            case PowerInput.IndependentT:
                TTestPower independent = PowerAnalysis.IndependentTSampleSize(effect, alpha, power);
                (RequiredN, AchievedPower, Noncentrality, Critical, Df1) = (independent.TotalN / 2, independent.Power, independent.NoncentralityDelta, independent.TCritical, independent.Df);
                powerAt = n => PowerAnalysis.IndependentT(effect, alpha, n).Power;
                first = 2;
                break;
            default:
                RmWithinSampleSize rm = PowerAnalysis.RepeatedMeasuresWithinSampleSize(effect, alpha, power, m!.Value, rho!.Value, eps!.Value, groups!.Value);
                (RequiredN, AchievedPower, Noncentrality, Critical, Df1, Df2, PowerAtNMinus1) = (rm.TotalN, rm.ActualPower, rm.Lambda, rm.FCritical, rm.Df1, rm.Df2, rm.PowerAtNMinus1);
                powerAt = n => PowerAnalysis.RepeatedMeasuresWithin(effect, alpha, n, m.Value, rho.Value, eps.Value, groups.Value).Power;
                first = groups.Value + 1;
                break;
        }

        if (Test != PowerInput.RepeatedMeasures && RequiredN > first)
        {
            PowerAtNMinus1 = powerAt(RequiredN!.Value - 1);
        }

        if (postHocN is { } given)
        {
            (PostHocN, PostHocPower) = (given, powerAt(given));
        }

        // From the smallest possible N to well past the required one, at most about 30 points, always including N itself.
        int last = Math.Max(RequiredN!.Value * 2, RequiredN.Value + 10);
        int step = Math.Max(1, (int)Math.Ceiling((last - first) / (double)CurvePoints));
        Curve = Enumerable.Range(0, ((last - first) / step) + 1)
            .Select(i => first + (i * step))
            .Append(RequiredN.Value)
            .Distinct()
            .Order()
            .Select(n => new PowerPoint(n, powerAt(n)))
            .ToList();
    }

    private void Prefill()
    {
        // The report's G*Power case (f = 0.25, α = 0.05, power 0.90, 4 measurements, ρ = 0.5, ε = 1, 1 group); Cohen's medium d for the t tests.
        Input.EffectSize = Test == PowerInput.RepeatedMeasures ? "0,25" : "0,5";
        Input.Alpha = "0,05";
        Input.Power = "0,90";
        Input.Measurements ??= "4";
        Input.Correlation ??= "0,5";
        Input.Epsilon ??= "1";
        Input.Groups ??= "1";
        ModelState.Clear();
    }

    private double? Number(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(field, t["Power_Error_Required"]);
            return null;
        }

        string normal = text.Trim().Replace(',', '.').Replace('\u2212', '-');
        if (double.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        Error(field, t["Power_Error_Number", text]);
        return null;
    }

    private int? Integer(string? text, string field, int minimum, string message, int maximum = 1000)
    {
        double? value = Number(text, field);
        if (value is not { } v)
        {
            return null;
        }

        if (v != Math.Floor(v) || v < minimum || v > maximum)
        {
            Error(field, t[message]);
            return null;
        }

        return (int)v;
    }

    private void Error(string field, string message)
    {
        string key = "Input." + field;
        if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            ModelState.AddModelError(key, message);
        }
    }
}
