namespace Trinn.Core.Indicators;

public enum TrafficLight
{
    Met = 1,
    Near = 2,
    NotMet = 3,

    /// <summary>Below target in the team's first year, when full attainment is not expected: shown instead of red or yellow.</summary>
    StartUpYear = 4,
}

/// <summary>A value with what it was computed from. <see cref="Value"/> is null when the denominator is 0 (nothing to measure).</summary>
public sealed record Measure(decimal? Value, decimal Numerator, decimal Denominator)
{
    public static Measure Ratio(decimal numerator, decimal denominator, decimal scale = 1m) =>
        new(denominator == 0 ? null : numerator / denominator * scale, numerator, denominator);

    public static Measure Percent(decimal numerator, decimal denominator) => Ratio(numerator, denominator, 100m);
}

/// <summary>Median, quartiles (SPSS HAVERAGE) and range of a set of day counts; <see cref="Without"/> is how many have no value yet.</summary>
public sealed record Spread(decimal? Median, decimal? P25, decimal? P75, int? Min, int? Max, int N, int Without);

/// <summary>
/// One indicator for a team or a specialist over a period. For the two outcome indicators <see cref="Measure"/> is the
/// official definition (work) and <see cref="Broader"/> the report's broader one (work or education).
/// </summary>
public sealed record IndicatorValue(
    string Key,
    Measure Measure,
    DateOnly? OnDate,
    IndicatorTarget? Target,
    TrafficLight? Light,
    Measure? Broader = null,
    Spread? Spread = null)
{
    public IndicatorDefinition Definition => IndicatorKeys.Get(Key);
}

/// <summary>One month of a trend: the month's value (or the value at its end, or over the 12 months up to it) and the target then.</summary>
public sealed record IndicatorPoint(DatePeriod Month, Measure Measure, Measure? Broader, decimal? Target, decimal? UpperTarget);

public sealed record IndicatorSeries(string Key, IReadOnlyList<IndicatorPoint> Points);

public sealed record IndicatorReport(DatePeriod Period, bool StartUpYear, IReadOnlyList<IndicatorValue> Values, IReadOnlyList<IndicatorSeries> Trend)
{
    public IndicatorValue this[string key] => Values.Single(v => v.Key == key);

    public IndicatorSeries SeriesOf(string key) => Trend.Single(s => s.Key == key);
}
