using Trinn.Core.Privacy;
using Trinn.Statistics.Contract;
using Trinn.Statistics.Descriptive;

namespace Trinn.Core.Research;

/// <summary>One column of the table: the whole sample (<see cref="Code"/> null) or one group.</summary>
public sealed record GroupCharacteristicsColumn(decimal? Code, int N, bool NHidden);

/// <summary>A count and its percentage of the column's valid answers; both hidden when the count is suppressed.</summary>
public sealed record CountCell(int Count, double? Percent, bool Hidden);

/// <summary>One category of a categorical variable, one cell per column.</summary>
public sealed record CategoryRow(decimal Value, IReadOnlyList<CountCell> Cells);

/// <summary>A categorical variable: its categories (ascending) and the missing count per column.</summary>
public sealed record CategoricalCharacteristic(string Variable, IReadOnlyList<CategoryRow> Categories, IReadOnlyList<int> Missing);

/// <summary>Mean and SD (n − 1) of one column; hidden when fewer than the threshold answered.</summary>
public sealed record MeanCell(int N, double? Mean, double? StandardDeviation, bool Hidden);

/// <summary>A continuous variable, one cell per column.</summary>
public sealed record ContinuousCharacteristic(string Variable, IReadOnlyList<MeanCell> Cells);

/// <summary>The report's Table 2: background characteristics for the whole sample and by group.</summary>
public sealed record GroupCharacteristicsTable(
    string? GroupVariable,
    IReadOnlyList<GroupCharacteristicsColumn> Columns,
    IReadOnlyList<CategoricalCharacteristic> Categorical,
    IReadOnlyList<ContinuousCharacteristic> Continuous,
    int ExcludedWithoutGroup,
    int Threshold);

/// <summary>
/// Builds the report's Table 2 layout ("Bakgrunnskjennetegn … ved inklusjon"): rows are variables — count and
/// % for each category of a categorical variable, mean (SD) for a continuous one — and columns are the whole
/// sample followed by each group. Works on any <see cref="IColumnSource"/>, an upload or Trinn's own data.
/// </summary>
/// <remarks>
/// Small cells are suppressed with <see cref="SmallCellSuppression"/>: per categorical variable, the category ×
/// column counts (the whole-sample column included, so a row's cells and its total are suppressed together) get
/// primary and complementary suppression, and a hidden count hides its percentage. A group of fewer than the
/// threshold hides its n, and a mean (SD) of fewer than the threshold answers is hidden. Rows without a group code
/// are left out of the table (and counted in <see cref="GroupCharacteristicsTable.ExcludedWithoutGroup"/>).
/// Percentages are of the column's valid (non-missing) answers to that variable.
/// </remarks>
public static class GroupCharacteristics
{
    public static GroupCharacteristicsTable Build(
        IColumnSource data,
        string? groupVariable,
        IReadOnlyList<string> categorical,
        IReadOnlyList<string> continuous,
        int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(categorical);
        ArgumentNullException.ThrowIfNull(continuous);

        // Column 0 is the whole sample; a row's column index is 1 + the index of its group code.
        IReadOnlyList<decimal?>? groups = groupVariable is null ? null : data.Column(groupVariable);
        decimal[] codes = groups is null ? [] : [.. groups.Where(g => g.HasValue).Select(g => g!.Value).Distinct().Order()];
        var included = new List<(int Row, int Column)>();
        for (int r = 0; r < data.RowCount; r++)
        {
            if (groups is null)
            {
                included.Add((r, -1));
            }
            else if (groups[r] is { } g)
            {
                included.Add((r, Array.IndexOf(codes, g)));
            }
        }

        int width = 1 + codes.Length;
        int[] sizes = new int[width];
        foreach ((_, int c) in included)
        {
            sizes[0]++;
            if (c >= 0)
            {
                sizes[1 + c]++;
            }
        }

        var columns = new List<GroupCharacteristicsColumn> { new(null, sizes[0], Small(sizes[0], threshold)) };
        columns.AddRange(codes.Select((code, i) => new GroupCharacteristicsColumn(code, sizes[1 + i], Small(sizes[1 + i], threshold))));

        var categoricalRows = categorical.Select(name => Categorical(name, data.Column(name), included, width, threshold)).ToList();
        var continuousRows = continuous.Select(name => Continuous(name, data.Column(name), included, width, threshold)).ToList();
        return new GroupCharacteristicsTable(groupVariable, columns, categoricalRows, continuousRows, data.RowCount - included.Count, threshold);
    }

    private static bool Small(int count, int threshold) => count > 0 && count < threshold;

    private static CategoricalCharacteristic Categorical(string name, IReadOnlyList<decimal?> values, List<(int Row, int Column)> included, int width, int threshold)
    {
        decimal[] categories = [.. included.Select(x => values[x.Row]).Where(v => v.HasValue).Select(v => v!.Value).Distinct().Order()];
        var counts = new int[categories.Length, width];
        int[] missing = new int[width];
        foreach ((int row, int column) in included)
        {
            int[] targets = column < 0 ? [0] : [0, 1 + column];
            foreach (int c in targets)
            {
                if (values[row] is { } v)
                {
                    counts[Array.IndexOf(categories, v), c]++;
                }
                else
                {
                    missing[c]++;
                }
            }
        }

        bool[,] hidden = SmallCellSuppression.Suppress(counts, threshold);
        int[] valid = Enumerable.Range(0, width).Select(c => Enumerable.Range(0, categories.Length).Sum(k => counts[k, c])).ToArray();
        var rows = categories.Select((value, k) => new CategoryRow(value, Enumerable.Range(0, width).Select(c => new CountCell(
            counts[k, c],
            valid[c] == 0 ? null : 100.0 * counts[k, c] / valid[c],
            hidden[k, c])).ToList())).ToList();
        return new CategoricalCharacteristic(name, rows, missing);
    }

    private static ContinuousCharacteristic Continuous(string name, IReadOnlyList<decimal?> values, List<(int Row, int Column)> included, int width, int threshold)
    {
        var perColumn = Enumerable.Range(0, width).Select(_ => new List<decimal>()).ToArray();
        foreach ((int row, int column) in included)
        {
            if (values[row] is { } v)
            {
                perColumn[0].Add(v);
                if (column >= 0)
                {
                    perColumn[1 + column].Add(v);
                }
            }
        }

        return new ContinuousCharacteristic(name, perColumn.Select(list =>
        {
            DescriptiveSummary s = Descriptives.Summarize(list);
            return new MeanCell(s.N, s.Mean, s.SampleStandardDeviation, Small(s.N, threshold));
        }).ToList());
    }
}
