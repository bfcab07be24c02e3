using System.Globalization;
using Trinn.Statistics.Contract;

namespace Trinn.Core.Research;

/// <summary>What is wrong with a CSV file or one of its cells (<see cref="CsvDataException"/>).</summary>
public enum CsvProblem
{
    /// <summary>The file is empty or its first line is blank.</summary>
    NoHeader,

    /// <summary>A header name is empty.</summary>
    EmptyColumnName,

    /// <summary>A header name appears twice.</summary>
    DuplicateColumn,

    /// <summary>A data line has another number of fields than the header.</summary>
    WrongFieldCount,

    /// <summary>A column that is not in the header was asked for.</summary>
    UnknownColumn,

    /// <summary>A cell that should be a number is not one.</summary>
    NotANumber,
}

/// <summary>
/// A CSV problem with what the caller needs to word it in its own language: the line (as an editor counts it,
/// header = line 1), the column, the cell text and, for ragged lines, the field counts.
/// </summary>
public sealed class CsvDataException : Exception
{
    public CsvDataException()
    {
    }

    public CsvDataException(string message)
        : base(message)
    {
    }

    public CsvDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal CsvDataException(CsvProblem problem, string message, int? line = null, string? column = null, string? text = null, int? fields = null, int? headerFields = null)
        : base(message)
    {
        Problem = problem;
        Line = line;
        Column = column;
        Text = text;
        Fields = fields;
        HeaderFields = headerFields;
    }

    public CsvProblem Problem { get; }

    public int? Line { get; }

    public string? Column { get; }

    public string? Text { get; }

    public int? Fields { get; }

    public int? HeaderFields { get; }
}

/// <summary>
/// A CSV table read by the statistics contract's rules (<c>shared/STATS-CONTRACT.md</c> section 2): UTF-8, one
/// header row, comma separator, no quotes, '.' decimal point; an empty field is missing; numbers are parsed exactly
/// as <c>decimal</c>. Columns are parsed when asked for, so a bad cell in an unused column does not matter.
/// A blank line is a missing value in a one-column file and is skipped otherwise. The CLI reads files into it and
/// the research pages read uploads into it; it never touches the file system itself.
/// </summary>
public sealed class CsvTable : IColumnSource
{
    private readonly Dictionary<string, int> header;
    private readonly List<string[]> rows;
    private readonly List<int> lineNumbers;
    private readonly Dictionary<string, IReadOnlyList<decimal?>> parsed = new(StringComparer.Ordinal);
    private readonly string prefix;

    private CsvTable(IReadOnlyList<string> columns, Dictionary<string, int> header, List<string[]> rows, List<int> lineNumbers, string? source)
    {
        Columns = columns;
        this.header = header;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
        prefix = source is null ? "" : source + ": ";
    }

    /// <summary>The header names in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc/>
    public int RowCount => rows.Count;

    /// <summary>
    /// Reads a whole table. <paramref name="source"/> (a path) starts the English messages of the exceptions that
    /// <see cref="Column"/> throws. Throws <see cref="CsvDataException"/> for a file without a header, an empty or
    /// repeated column name, or a line with the wrong number of fields.
    /// </summary>
    public static CsvTable Parse(TextReader reader, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? first = reader.ReadLine();
        if (first is null || first.TrimStart('\uFEFF').Trim().Length == 0)
        {
            throw new CsvDataException(CsvProblem.NoHeader, "the file has no header row.", line: 1);
        }

        string[] names = Split(first);
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                throw new CsvDataException(CsvProblem.EmptyColumnName, $"column {i + 1} of the header has no name.", line: 1);
            }

            if (!header.TryAdd(names[i], i))
            {
                throw new CsvDataException(CsvProblem.DuplicateColumn, $"the column '{names[i]}' appears twice in the header.", line: 1, column: names[i]);
            }
        }

        var rows = new List<string[]>();
        var lineNumbers = new List<int>();
        int line = 1;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Trim().Length == 0 && names.Length > 1)
            {
                continue;
            }

            string[] fields = Split(text);
            if (fields.Length != names.Length)
            {
                throw new CsvDataException(CsvProblem.WrongFieldCount, $"line {line} has {fields.Length} fields, the header has {names.Length}.", line: line, fields: fields.Length, headerFields: names.Length);
            }

            rows.Add(fields);
            lineNumbers.Add(line);
        }

        return new CsvTable(names, header, rows, lineNumbers, source);
    }

    /// <summary>
    /// The values of column <paramref name="name"/> as exact decimals (null = empty cell). Throws
    /// <see cref="CsvDataException"/> (<see cref="CsvProblem.UnknownColumn"/> or <see cref="CsvProblem.NotANumber"/>).
    /// </summary>
    public IReadOnlyList<decimal?> Numbers(string name)
    {
        // A kept upload may be read by two requests of the same user at once.
        lock (parsed)
        {
            if (parsed.TryGetValue(name, out IReadOnlyList<decimal?>? done))
            {
                return done;
            }
        }

        int index = Index(name);
        var values = new decimal?[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            string text = rows[r][index];
            if (text.Length == 0)
            {
                continue;
            }

            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
            {
                throw new CsvDataException(CsvProblem.NotANumber, $"line {lineNumbers[r]}, column '{name}': '{text}' is not a number.", line: lineNumbers[r], column: name, text: text);
            }

            values[r] = value;
        }

        lock (parsed)
        {
            parsed[name] = values;
        }

        return values;
    }

    /// <summary>Whether every non-empty cell of the column is a number (an unknown column is not numeric).</summary>
    public bool IsNumeric(string name)
    {
        if (!header.ContainsKey(name))
        {
            return false;
        }

        try
        {
            Numbers(name);
            return true;
        }
        catch (CsvDataException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<decimal?> Column(string name)
    {
        try
        {
            return Numbers(name);
        }
        catch (CsvDataException e)
        {
            throw new StatsRequestException(prefix + e.Message, e);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string?> Labels(string name)
    {
        int index;
        try
        {
            index = Index(name);
        }
        catch (CsvDataException e)
        {
            throw new StatsRequestException(prefix + e.Message, e);
        }

        return rows.Select(r => r[index] is { Length: > 0 } t ? t : null).ToList();
    }

    private static string[] Split(string line) => line.TrimStart('\uFEFF').TrimEnd('\r').Split(',').Select(f => f.Trim()).ToArray();

    private int Index(string name) =>
        header.TryGetValue(name, out int i) ? i
            : throw new CsvDataException(CsvProblem.UnknownColumn, $"unknown column '{name}'. Columns: {string.Join(", ", Columns)}.", column: name);
}
