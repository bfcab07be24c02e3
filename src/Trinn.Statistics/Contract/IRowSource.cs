namespace Trinn.Statistics.Contract;

/// <summary>Receives one data row: the requested numeric cells (null = missing) and the text of the label column.</summary>
/// <param name="values">The cells of the requested numeric columns, in the order asked for; valid only during the call.</param>
/// <param name="label">The trimmed text of the label column (empty when there is none or the cell is empty); valid only during the call.</param>
public delegate void RowHandler(ReadOnlySpan<decimal?> values, ReadOnlySpan<char> label);

/// <summary>
/// Rows read one at a time, for analyses whose memory must not grow with the data (a repeated-measures ANOVA on a file
/// of a million subjects keeps only exact sums). A source may be read more than once.
/// </summary>
public interface IRowSource
{
    /// <summary>
    /// Calls <paramref name="handler"/> for every data row in order with the values of <paramref name="numericColumns"/>
    /// and the text of <paramref name="labelColumn"/>; returns the number of rows. Throws
    /// <see cref="StatsRequestException"/> for an unknown column or a cell that is not a number.
    /// </summary>
    int ReadRows(IReadOnlyList<string> numericColumns, string? labelColumn, RowHandler handler);
}

/// <summary>Reads any <see cref="IColumnSource"/> row by row (sources that stream implement <see cref="IRowSource"/> themselves).</summary>
public static class RowSources
{
    /// <summary>The source itself when it streams, otherwise an adapter over its columns.</summary>
    public static IRowSource From(IColumnSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data as IRowSource ?? new ColumnRows(data);
    }

    private sealed class ColumnRows(IColumnSource data) : IRowSource
    {
        public int ReadRows(IReadOnlyList<string> numericColumns, string? labelColumn, RowHandler handler)
        {
            ArgumentNullException.ThrowIfNull(numericColumns);
            ArgumentNullException.ThrowIfNull(handler);
            IReadOnlyList<decimal?>[] columns = [.. numericColumns.Select(data.Column)];
            IReadOnlyList<string?>? labels = labelColumn is null ? null : data.Labels(labelColumn);
            var values = new decimal?[columns.Length];
            for (int r = 0; r < data.RowCount; r++)
            {
                for (int c = 0; c < columns.Length; c++)
                {
                    values[c] = columns[c][r];
                }

                handler(values, labels?[r] ?? "");
            }

            return data.RowCount;
        }
    }
}
