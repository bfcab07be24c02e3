using Trinn.Core.Privacy;

namespace Trinn.Core.Indicators;

/// <summary>
/// A measure as leder and forsker may see it. A count of people from 1 to 4 is shown as "&lt;5"; a share whose
/// complement (denominator − numerator) is 1 to 4 shows its numerator as ":" (it would give the small count away);
/// the value is hidden whenever a count it is made of is. Figures about the specialists' work (contacts, time) are
/// not counts of candidates and are shown as they are.
/// </summary>
public sealed record ShownMeasure(decimal? Value, decimal? Numerator, decimal? Denominator, string? NumeratorMark, string? DenominatorMark)
{
    public bool ValueHidden => Value is null && (NumeratorMark is not null || DenominatorMark is not null);

    public static ShownMeasure Plain(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new(measure.Value, measure.Numerator, measure.Denominator, null, null);
    }
}

public static class IndicatorSuppression
{
    public static ShownMeasure Apply(IndicatorDefinition definition, Measure? measure, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (measure is null)
        {
            return new ShownMeasure(null, null, null, null, null);
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
        var hide = numeratorMark is not null || denominatorMark is not null;
        return new ShownMeasure(
            hide ? null : measure.Value,
            numeratorMark is null ? measure.Numerator : null,
            denominatorMark is null ? measure.Denominator : null,
            numeratorMark,
            denominatorMark);
    }
}
