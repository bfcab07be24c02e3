using Trinn.Core.Privacy;

namespace Trinn.Core.Indicators;

/// <summary>
/// A measure as leder and forsker may see it. A count of people from 1 to 4 is shown as "&lt;5"; a share whose
/// complement (denominator − numerator) is 1 to 4 shows its numerator as ":" (it would give the small count away);
/// the value is hidden whenever a count it is made of is, except a median of days, which is hidden only when fewer
/// than five people have a value. Figures about the specialists' work (contacts, time) are not counts of candidates
/// and are shown as they are. A hidden value shows <see cref="ValueMark"/>: a count of people its own mark, any other value
/// (a share, a median, people per FTE) ":", so a hidden 100 % never reads as "&lt;5 %".
/// </summary>
public sealed record ShownMeasure(
    decimal? Value, decimal? Numerator, decimal? Denominator, string? NumeratorMark, string? DenominatorMark, bool ValueHidden, string? ValueMark = null)
{
    public static readonly ShownMeasure None = new(null, null, null, null, null, false);

    public static ShownMeasure Plain(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new(measure.Value, measure.Numerator, measure.Denominator, null, null, false);
    }
}

public static class IndicatorSuppression
{
    public static ShownMeasure Apply(IndicatorDefinition definition, Measure? measure, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (measure is null)
        {
            return ShownMeasure.None;
        }

        if (!definition.PersonCounts)
        {
            return ShownMeasure.Plain(measure);
        }

        bool Small(decimal count) => count > 0 && count < threshold;
        var small = "<" + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Caseload and discharges per FTE divide people by staff: only the people count can be small.
        var peopleOverStaff = definition.Unit == IndicatorUnit.Ratio;
        var numeratorMark = Small(measure.Numerator) ? small
            : !peopleOverStaff && Small(measure.Denominator - measure.Numerator) ? SmallCellSuppression.ComplementSymbol
            : null;
        var denominatorMark = !peopleOverStaff && Small(measure.Denominator) ? small : null;
        // A median is about the people who have a value (the numerator); who has none yet reveals nothing about it.
        var hide = definition.Unit == IndicatorUnit.Days
            ? measure.Numerator < threshold && measure.Numerator > 0
            : numeratorMark is not null || denominatorMark is not null;
        var valueMark = !hide ? null
            : definition.Unit == IndicatorUnit.Count ? numeratorMark ?? denominatorMark ?? small
            : SmallCellSuppression.ComplementSymbol;
        return new ShownMeasure(
            hide ? null : measure.Value,
            numeratorMark is null ? measure.Numerator : null,
            denominatorMark is null ? measure.Denominator : null,
            numeratorMark,
            denominatorMark,
            hide,
            valueMark);
    }

    /// <summary>
    /// The spread behind a median of days as the measure is shown: none when the median is hidden; otherwise the number
    /// with a value and the number without one carry the marks of the measure's numerator and of its complement, so the
    /// line under a hidden count does not spell it out.
    /// </summary>
    public static ShownSpread? ApplySpread(Spread? spread, ShownMeasure shown, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(shown);
        if (spread is null || shown.ValueHidden)
        {
            return null;
        }

        var withoutMark = spread.Without > 0 && spread.Without < threshold
            ? "<" + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return new ShownSpread(spread, shown.NumeratorMark, withoutMark);
    }
}

/// <summary>A spread of days with the marks that replace its counts for leder and forsker (null: shown as they are).</summary>
public sealed record ShownSpread(Spread Spread, string? NMark, string? WithoutMark)
{
    public int? N => NMark is null ? Spread.N : null;

    public int? Without => WithoutMark is null ? Spread.Without : null;
}
