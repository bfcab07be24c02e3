using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trinn.Web.Features.Research;

/// <summary>
/// Numbers of statistical results as Norwegian research texts write them: decimal comma, APA-style p
/// (",027", "&lt; ,001", no leading zero), "–" for an undefined value. The JSON download keeps full precision.
/// </summary>
internal static class StatFormat
{
    public const string Undefined = "–";

    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>A number with a fixed count of decimals ("7,00"); the minus sign is a plain hyphen-minus so copied text pastes into any program.</summary>
    public static string Number(double? value, int decimals = 2) =>
        value is { } v && double.IsFinite(v)
            ? Clean(v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), Nb))
            : Undefined;

    /// <summary>An integer count ("30").</summary>
    public static string Count(double? value) => value is { } v && double.IsFinite(v) ? Clean(Math.Round(v).ToString("0", Nb)) : Undefined;

    /// <summary>Degrees of freedom: whole numbers as they are ("4"), corrected ones with two decimals ("1,52").</summary>
    public static string Df(double? value) =>
        value is not { } v || !double.IsFinite(v) ? Undefined
            : Math.Abs(v - Math.Round(v)) < 1e-9 ? Count(v)
            : Number(v, 2);

    /// <summary>
    /// A pair of df for F(df1, df2). With a decimal comma inside a df the two are separated by a semicolon, so
    /// "F(1,52; 6,08)" cannot be misread; whole-number df keep the usual "F(1, 4)".
    /// </summary>
    public static string DfPair(double? df1, double? df2)
    {
        string a = Df(df1);
        string b = Df(df2);
        return a.Contains(',', StringComparison.Ordinal) || b.Contains(',', StringComparison.Ordinal) ? $"{a}; {b}" : $"{a}, {b}";
    }

    /// <summary>APA p without a leading zero: ",027", "&lt; ,001"; "&gt; ,999" for values that would round to 1.</summary>
    public static string P(double? p)
    {
        if (p is not { } v || !double.IsFinite(v))
        {
            return Undefined;
        }

        if (v < 0.001)
        {
            return "< ,001";
        }

        return v >= 0.9995 ? "> ,999" : Number(v, 3).TrimStart('0');
    }

    /// <summary>"p = ,027" or "p &lt; ,001" for a sentence.</summary>
    public static string PEquals(double? p)
    {
        string text = P(p);
        return text.StartsWith('<') || text.StartsWith('>') ? "p " + text : "p = " + text;
    }

    /// <summary>A code (group or category value) as written in the data: "1", "2.5" becomes "2,5".</summary>
    public static string Code(decimal value) => Clean(value.ToString("0.############", Nb));

    /// <summary>A code read from a contract result.</summary>
    public static string Code(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? Code(decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture))
            : node is JsonValue s && s.TryGetValue(out string? text) ? text : Undefined;

    /// <summary>A percentage display string of the contract ("12.3") with a decimal comma ("12,3").</summary>
    public static string PercentText(string? invariant) => invariant is null ? Undefined : invariant.Replace('.', ',');

    private static string Clean(string text) => text.Replace('\u2212', '-');
}
