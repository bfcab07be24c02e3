using System.Globalization;
using Trinn.Core.Indicators;

namespace Trinn.Web.Features.Overview;

/// <summary>Norwegian display of indicator values, fractions, targets and lights (one place for the page, the export and the API).</summary>
public static class IndicatorText
{
    private static readonly CultureInfo Nb = PagesSetup.Norwegian;

    public static string Value(decimal? value, IndicatorUnit unit) => value is not { } v ? "–" : unit switch
    {
        IndicatorUnit.Percent => v.ToString("0.#", Nb) + " %",
        IndicatorUnit.Ratio => v.ToString("0.0", Nb),
        IndicatorUnit.Days => v.ToString("0.#", Nb),
        IndicatorUnit.Count or _ => v.ToString("0", Nb),
    };

    public static string Value(ShownMeasure shown, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(shown);
        return shown.ValueHidden ? shown.ValueMark ?? Core.Privacy.SmallCellSuppression.ComplementSymbol : Value(shown.Value, unit);
    }

    /// <summary>A count or a sum: whole numbers as they are, FTE and hours with up to one or two decimals.</summary>
    public static string Amount(decimal? value, string? mark) => mark ?? (value is { } v ? v.ToString("0.##", Nb) : "–");

    public static string Title(IStringLocalizer l, string key) => l["Ind_" + key + "_Title"];

    public static string Fraction(IStringLocalizer l, string key, ShownMeasure shown, DateOnly? onDate)
    {
        ArgumentNullException.ThrowIfNull(shown);
        // Hours with one decimal; FTE and weeks with up to two; counts as they are.
        var hours = key is IndicatorKeys.OutOfOffice or IndicatorKeys.OutOfOfficeOfLogged;
        var numerator = Amount(hours && shown.Numerator is { } n ? Math.Round(n, 1) : shown.Numerator, shown.NumeratorMark);
        var denominator = Amount(shown.Denominator is { } d ? Math.Round(d, hours ? 1 : 2) : null, shown.DenominatorMark);
        return l["Ind_" + key + "_Fraction", numerator, denominator, NorwegianTime.Format(onDate)];
    }

    public static string Target(IStringLocalizer l, IndicatorTarget? target, IndicatorUnit unit)
    {
        if (target is null)
        {
            return l["Dash_NoTarget"];
        }

        return target.UpperValue is { } upper
            ? l["Dash_TargetBand", Value(target.Value, unit), Value(upper, unit)]
            : l["Dash_Target", Value(target.Value, unit)];
    }

    public static string Light(IStringLocalizer l, TrafficLight light) => l["Light_" + light];

    /// <summary>Aksel tag colour for a light.</summary>
    public static string LightColor(TrafficLight light) => light switch
    {
        TrafficLight.Met => "success",
        TrafficLight.Near => "warning",
        TrafficLight.NotMet => "danger",
        TrafficLight.StartUpYear or _ => "neutral",
    };

    public static string Definition(IStringLocalizer l, string key, decimal weeklyHours) =>
        l["Ind_" + key + "_Definition", weeklyHours.ToString("0.#", Nb)];

    public static string DataSource(IStringLocalizer l, string key) => l["Source_Recorded", l["Ind_" + key + "_Data"].Value];

    public static string Spread(IStringLocalizer l, ShownSpread shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var spread = shown.Spread;
        string D(decimal? v) => v is { } x ? x.ToString("0.#", Nb) : "–";
        return l["Spread", D(spread.Median), D(spread.P25), D(spread.P75), D(spread.Min), D(spread.Max),
            Amount(shown.N, shown.NMark), Amount(shown.Without, shown.WithoutMark)];
    }

    /// <summary>The basis of a data-scored fidelity item in words, or "no data" / "hidden".</summary>
    public static string FidelityBasis(IStringLocalizer l, FidelityDataItem item, ShownMeasure shown)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(shown);
        if (shown.ValueHidden)
        {
            return l["Fid_Hidden"];
        }

        if (item.Score is null)
        {
            return l["Fid_None"];
        }

        var value = item.Item is 1 or 11 ? Value(shown.Value, IndicatorUnit.Ratio) : (shown.Value ?? 0).ToString("0.#", Nb);
        var round = item.Item is 2 or 18 or 11 or 1;
        return l["Fid_" + item.Item.ToString(CultureInfo.InvariantCulture), value,
            Amount(round && shown.Numerator is { } n ? Math.Round(n, 1) : shown.Numerator, shown.NumeratorMark),
            Amount(round && shown.Denominator is { } d ? Math.Round(d, 1) : shown.Denominator, shown.DenominatorMark)];
    }

    public static string Score(FidelityDataItem item, ShownMeasure shown) =>
        shown.ValueHidden || item.Score is null ? "–" : item.Score.Value.ToString(CultureInfo.InvariantCulture);

    public static string Month(DatePeriod month) => month.From.ToString("MMM yyyy", Nb);
}
