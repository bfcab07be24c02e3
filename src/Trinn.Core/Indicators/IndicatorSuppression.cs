using Trinn.Core.Privacy;

namespace Trinn.Core.Indicators;

/// <summary>
/// A measure as leder and forsker may see it. A count of people from 1 to 4 is shown as "&lt;5"; a share whose
/// complement (denominator − numerator) is 1 to 4 shows its numerator as ":" (it would give the small count away);
/// the value is hidden whenever a count it is made of is, except a median of days, which is hidden only when fewer
/// than five people have a value. Figures about the specialists' work (contacts, time) are not counts of candidates
/// and are shown as they are.
/// </summary>
public sealed record ShownMeasure(decimal? Value, decimal? Numerator, decimal? Denominator, string? NumeratorMark, string? DenominatorMark, bool ValueHidden)
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
        return new ShownMeasure(
            hide ? null : measure.Value,
            numeratorMark is null ? measure.Numerator : null,
            denominatorMark is null ? measure.Denominator : null,
            numeratorMark,
            denominatorMark,
            hide);
    }
}
