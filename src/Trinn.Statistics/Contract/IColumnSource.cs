namespace Trinn.Statistics.Contract;

/// <summary>
/// Rows of named numeric columns, from wherever they come (a CSV file in the CLI, an upload or the database
/// in the web app). A null cell is a missing value.
/// </summary>
public interface IColumnSource
{
    /// <summary>Number of data rows.</summary>
    int RowCount { get; }

    /// <summary>
    /// The values of column <paramref name="name"/>, one per row. Throws <see cref="StatsRequestException"/>
    /// for an unknown column or a cell that is not a number (the message names the row and the column).
    /// </summary>
    IReadOnlyList<decimal?> Column(string name);

    /// <summary>The raw text of column <paramref name="name"/> (null = empty), for identifiers such as subject ids.</summary>
    IReadOnlyList<string?> Labels(string name);
}

/// <summary>An in-memory <see cref="IColumnSource"/>.</summary>
public sealed class InMemoryColumns : IColumnSource
{
    private readonly Dictionary<string, IReadOnlyList<decimal?>> columns;

    /// <summary>Creates a table; every column must have the same length.</summary>
    public InMemoryColumns(IReadOnlyDictionary<string, IReadOnlyList<decimal?>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        this.columns = new Dictionary<string, IReadOnlyList<decimal?>>(columns, StringComparer.Ordinal);
        RowCount = this.columns.Count == 0 ? 0 : this.columns.Values.First().Count;
        if (this.columns.Values.Any(c => c.Count != RowCount))
        {
            throw new ArgumentException("All columns need the same number of rows.", nameof(columns));
        }
    }

    /// <inheritdoc/>
    public int RowCount { get; }

    /// <inheritdoc/>
    public IReadOnlyList<decimal?> Column(string name) =>
        columns.TryGetValue(name, out IReadOnlyList<decimal?>? c) ? c : throw new StatsRequestException($"Unknown column '{name}'.");

    /// <inheritdoc/>
    public IReadOnlyList<string?> Labels(string name) =>
        Column(name).Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

/// <summary>A request that cannot be run: unknown analysis, missing field, unknown column, unusable data.</summary>
public sealed class StatsRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StatsRequestException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public StatsRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public StatsRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
