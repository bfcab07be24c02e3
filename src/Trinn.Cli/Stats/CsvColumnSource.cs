using System.Globalization;
using Trinn.Statistics.Contract;

namespace Trinn.Cli.Stats;

/// <summary>
/// A CSV file read by the contract's rules: UTF-8, one header row, comma separator, no quotes, '.' decimal
/// point; an empty field is missing; numbers are parsed exactly as <c>decimal</c>. Columns are parsed when
/// asked for, so a bad cell in an unused column does not matter.
/// </summary>
internal sealed class CsvColumnSource : IColumnSource
{
    private readonly string path;
    private readonly Dictionary<string, int> header;
    private readonly List<string[]> rows;
    private readonly Dictionary<string, IReadOnlyList<decimal?>> parsed = new(StringComparer.Ordinal);

    private CsvColumnSource(string path, Dictionary<string, int> header, List<string[]> rows)
    {
        this.path = path;
        this.header = header;
        this.rows = rows;
    }

    public int RowCount => rows.Count;

    /// <summary>Reads <paramref name="path"/>; throws <see cref="StatsRequestException"/> for a missing or malformed file.</summary>
    public static CsvColumnSource Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new StatsRequestException($"Data file not found: {path}");
        }

        string[] lines = File.ReadAllLines(path, System.Text.Encoding.UTF8);
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new StatsRequestException($"{path}: the file has no header row.");
        }

        string[] names = Split(lines[0]);
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (!header.TryAdd(names[i], i))
            {
                throw new StatsRequestException($"{path}: the column '{names[i]}' appears twice in the header.");
            }
        }

        var rows = new List<string[]>();
        for (int line = 1; line < lines.Length; line++)
        {
            // A blank line is a missing value in a one-column file; in a wider file it cannot be a row.
            if (lines[line].TrimEnd('\r').Length == 0 && names.Length > 1)
            {
                continue;
            }

            string[] fields = Split(lines[line]);
            if (fields.Length != names.Length)
            {
                throw new StatsRequestException($"{path}: line {line + 1} has {fields.Length} fields, the header has {names.Length}.");
            }

            rows.Add(fields);
        }

        return new CsvColumnSource(path, header, rows);
    }

    public IReadOnlyList<decimal?> Column(string name)
    {
        if (parsed.TryGetValue(name, out IReadOnlyList<decimal?>? done))
        {
            return done;
        }

        int index = Index(name);
        var values = new decimal?[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            string text = rows[r][index].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
            {
                // Line numbers count the header as line 1, as an editor shows them.
                throw new StatsRequestException($"{path}: line {r + 2}, column '{name}': '{text}' is not a number.");
            }

            values[r] = value;
        }

        parsed[name] = values;
        return values;
    }

    public IReadOnlyList<string?> Labels(string name)
    {
        int index = Index(name);
        return rows.Select(r => r[index].Trim() is { Length: > 0 } t ? t : null).ToList();
    }

    private static string[] Split(string line) => line.TrimStart('\uFEFF').TrimEnd('\r').Split(',').Select(f => f.Trim()).ToArray();

    private int Index(string name) =>
        header.TryGetValue(name, out int i) ? i
            : throw new StatsRequestException($"{path}: unknown column '{name}'. Columns: {string.Join(", ", header.Keys)}.");
}
