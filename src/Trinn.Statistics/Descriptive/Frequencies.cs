using System.Globalization;

namespace Trinn.Statistics.Descriptive;

/// <summary>One row of a frequency table.</summary>
/// <param name="Value">The value (ascending order in the table).</param>
/// <param name="Frequency">Count of cases with this value.</param>
/// <param name="Percent">100·k/N over all cases, missing included.</param>
/// <param name="ValidPercent">100·k/N_valid.</param>
/// <param name="CumulativePercent">100·(cumulative k)/N_valid.</param>
/// <param name="PercentDisplay">Percent with one decimal, rounded half away from zero from the exact value.</param>
/// <param name="ValidPercentDisplay">Valid percent, displayed the same way.</param>
/// <param name="CumulativePercentDisplay">Cumulative percent, displayed the same way.</param>
public sealed record FrequencyRow(
    decimal Value,
    int Frequency,
    double Percent,
    double ValidPercent,
    double CumulativePercent,
    string PercentDisplay,
    string ValidPercentDisplay,
    string CumulativePercentDisplay);

/// <summary>A frequency table as SPSS FREQUENCIES prints it.</summary>
public sealed record FrequencyTable(
    int NTotal,
    int NValid,
    int NMissing,
    IReadOnlyList<FrequencyRow> Rows,
    double ValidPercentOfTotal,
    string ValidPercentOfTotalDisplay,
    double MissingPercentOfTotal,
    string MissingPercentOfTotalDisplay);

/// <summary>Frequency tables.</summary>
public static class Frequencies
{
    /// <summary>
    /// Tabulates <paramref name="values"/> (null = missing). Percentages are computed exactly in
    /// <c>decimal</c>; display strings round 100·k/N half away from zero to one decimal (12.25 → "12.3").
    /// With no valid cases the valid and cumulative percentages are NaN-free: the table simply has no rows,
    /// and with no cases at all every percentage of total is 0.
    /// </summary>
    public static FrequencyTable Tabulate(IReadOnlyList<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new SortedDictionary<decimal, int>();
        int missing = 0;
        foreach (decimal? v in values)
        {
            if (v is { } x)
            {
                counts[x] = counts.TryGetValue(x, out int c) ? c + 1 : 1;
            }
            else
            {
                missing++;
            }
        }

        int total = values.Count;
        int valid = total - missing;
        var rows = new List<FrequencyRow>(counts.Count);
        int cumulative = 0;
        foreach ((decimal value, int k) in counts)
        {
            cumulative += k;
            decimal pct = Percent(k, total);
            decimal validPct = Percent(k, valid);
            decimal cumPct = Percent(cumulative, valid);
            rows.Add(new FrequencyRow(value, k, (double)pct, (double)validPct, (double)cumPct, Display(pct), Display(validPct), Display(cumPct)));
        }

        decimal validOfTotal = Percent(valid, total);
        decimal missingOfTotal = Percent(missing, total);
        return new FrequencyTable(total, valid, missing, rows, (double)validOfTotal, Display(validOfTotal), (double)missingOfTotal, Display(missingOfTotal));
    }

    /// <summary>Formats a percentage with one decimal, rounding half away from zero (invariant culture).</summary>
    public static string Display(decimal percent) =>
        Math.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    private static decimal Percent(int k, int n) => n == 0 ? 0m : 100m * k / n;
}
