using System.Globalization;
using System.Text;

namespace Trinn.Core.Research;

/// <summary>How a variable's values are written and read: numbers (codes included), text, or ISO dates.</summary>
public enum VariableType
{
    Numeric,
    Text,
    Date,
}

/// <summary>SPSS's measurement level (VARIABLE LEVEL); R gets factors for nominal, ordered factors for ordinal.</summary>
public enum MeasurementLevel
{
    Nominal,
    Ordinal,
    Scale,
}

/// <summary>A code and what it means (SPSS VALUE LABELS, R factor labels).</summary>
public sealed record ValueLabel(string Code, string Label);

/// <summary>
/// One variable of a research dataset, as a codebook describes it. <paramref name="MissingCodes"/> are user-missing codes
/// (SPSS MISSING VALUES, NA in R) with their meaning among the value labels; an empty cell is always system-missing.
/// </summary>
public sealed record ResearchVariable(
    string Name,
    string Label,
    VariableType Type,
    MeasurementLevel Level,
    IReadOnlyList<ValueLabel>? ValueLabels = null,
    IReadOnlyList<string>? MissingCodes = null,
    string? InstrumentVersion = null)
{
    public IReadOnlyList<ValueLabel> Labels => ValueLabels ?? [];

    public IReadOnlyList<string> Missing => MissingCodes ?? [];
}

/// <summary>
/// Variables measured more than once per participant, each time at an occasion (a wave 0/3/12/18, the n-th placement):
/// wide files spread them into one column per occasion (<c>name_occasion</c>), the long file of this block has one row
/// per participant and occasion with the occasion in its own column.
/// </summary>
public sealed record RepeatedBlock(ResearchVariable Occasion, IReadOnlyList<ResearchVariable> Variables)
{
    /// <summary>The block's name in file names (<c>long-placement</c>): the occasion variable's name.</summary>
    public string Name => Occasion.Name;
}

/// <summary>One participant: the research ID, one value per participant variable, and per block the occasions it has.</summary>
public sealed record ParticipantRecord(
    string ResearchId,
    IReadOnlyList<object?> Values,
    IReadOnlyDictionary<string, IReadOnlyList<OccasionValues>> Repeated);

/// <summary>The values of a block's variables at one occasion (the occasion as its code).</summary>
public sealed record OccasionValues(string Occasion, IReadOnlyList<object?> Values);

/// <summary>
/// A pseudonymous dataset described variable by variable, and the files researchers open with their own tools: wide and
/// long CSV, a codebook, SPSS syntax and an R script (<see cref="ResearchScripts"/>). Values are plain: numbers and codes
/// in the invariant culture, dates ISO (yyyy-mm-dd), flags 1/0, empty for system-missing. New measures (waves, construct
/// scores) are added by describing more variables and blocks; the writers need no change.
/// </summary>
public sealed class ResearchDataset
{
    public const string WideFile = "wide";

    public ResearchDataset(string title, ResearchVariable id, IReadOnlyList<ResearchVariable> variables, IReadOnlyList<RepeatedBlock> blocks, IReadOnlyList<ParticipantRecord> records)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(records);
        (Title, Id, Variables, Blocks, Records) = (title, id, variables, blocks, records);
        var names = new[] { id }.Concat(variables).Concat(blocks.SelectMany(b => b.Variables.Prepend(b.Occasion))).Select(v => v.Name).ToList();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
        {
            throw new ArgumentException("Variable names must be unique (ignoring case, as SPSS does).", nameof(variables));
        }

        if (records.Any(r => r.Values.Count != variables.Count))
        {
            throw new ArgumentException("Every record needs one value per participant variable.", nameof(records));
        }
    }

    public string Title { get; }

    public ResearchVariable Id { get; }

    public IReadOnlyList<ResearchVariable> Variables { get; }

    public IReadOnlyList<RepeatedBlock> Blocks { get; }

    public IReadOnlyList<ParticipantRecord> Records { get; }

    /// <summary>The files this dataset has: <c>wide</c> and <c>long-{block}</c>.</summary>
    public IReadOnlyList<string> Files => [WideFile, .. Blocks.Select(b => "long-" + b.Name)];

    public RepeatedBlock? BlockOf(string file) => Blocks.FirstOrDefault(b => "long-" + b.Name == file);

    /// <summary>The columns of a file, each with its variable (a wide repeated column is <c>name_occasion</c>).</summary>
    public IReadOnlyList<(string Column, ResearchVariable Variable)> Columns(string file)
    {
        var columns = new List<(string, ResearchVariable)> { (Id.Name, Id) };
        columns.AddRange(Variables.Select(v => (v.Name, v)));
        if (file == WideFile)
        {
            foreach (RepeatedBlock block in Blocks)
            {
                foreach (string occasion in Occasions(block))
                {
                    columns.AddRange(block.Variables.Select(v => ($"{v.Name}_{occasion}", v)));
                }
            }
        }
        else
        {
            RepeatedBlock block = BlockOf(file) ?? throw new ArgumentException($"Unknown file '{file}'.", nameof(file));
            columns.Add((block.Occasion.Name, block.Occasion));
            columns.AddRange(block.Variables.Select(v => (v.Name, v)));
        }

        return columns;
    }

    /// <summary>The rows of a file: one per participant (wide), or one per participant and occasion it has (long).</summary>
    public IEnumerable<object?[]> Rows(string file)
    {
        if (file == WideFile)
        {
            var occasions = Blocks.Select(b => (Block: b, Codes: Occasions(b))).ToList();
            foreach (ParticipantRecord r in Records)
            {
                var row = new List<object?> { r.ResearchId };
                row.AddRange(r.Values);
                foreach ((RepeatedBlock block, IReadOnlyList<string> codes) in occasions)
                {
                    IReadOnlyList<OccasionValues> own = r.Repeated.GetValueOrDefault(block.Name) ?? [];
                    foreach (string code in codes)
                    {
                        OccasionValues? at = own.FirstOrDefault(o => o.Occasion == code);
                        row.AddRange(at?.Values ?? new object?[block.Variables.Count]);
                    }
                }

                yield return [.. row];
            }

            yield break;
        }

        RepeatedBlock longBlock = BlockOf(file) ?? throw new ArgumentException($"Unknown file '{file}'.", nameof(file));
        foreach (ParticipantRecord r in Records)
        {
            foreach (OccasionValues o in r.Repeated.GetValueOrDefault(longBlock.Name) ?? [])
            {
                yield return [r.ResearchId, .. r.Values, o.Occasion, .. o.Values];
            }
        }
    }

    /// <summary>
    /// A file as CSV: UTF-8 with a byte-order mark, comma separated, CRLF, a header row of variable names. Numbers and
    /// dates are never quoted or altered; text is quoted when it must be, and text that a spreadsheet would run as a
    /// formula (= + - @ first) gets a leading apostrophe.
    /// </summary>
    public byte[] Csv(string file)
    {
        var columns = Columns(file);
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => c.Column)).Append("\r\n");
        foreach (object?[] row in Rows(file))
        {
            for (int c = 0; c < row.Length; c++)
            {
                if (c > 0)
                {
                    text.Append(',');
                }

                text.Append(Cell(row[c], columns[c].Variable.Type));
            }

            text.Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// The codebook as CSV: one row per variable — name, the columns it has in the wide file, label, type, measurement
    /// level, value labels ("1=…; 2=…"), missing codes, instrument version, and the files it is in.
    /// </summary>
    public byte[] CodebookCsv()
    {
        var text = new StringBuilder("variable,wide_columns,label,type,measurement_level,value_labels,missing_codes,instrument_version,files\r\n");
        foreach (CodebookEntry e in Codebook())
        {
            string[] cells =
            [
                e.Variable.Name, e.WideColumns, e.Variable.Label, e.Variable.Type.ToString().ToLowerInvariant(),
                e.Variable.Level.ToString().ToLowerInvariant(), string.Join("; ", e.Variable.Labels.Select(l => $"{l.Code}={l.Label}")),
                string.Join("; ", e.Variable.Missing), e.Variable.InstrumentVersion ?? "", e.Files,
            ];
            text.AppendJoin(',', cells.Select(c => Quote(c, escapeFormula: true))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The codebook's rows, for the CSV and the readable page.</summary>
    public IReadOnlyList<CodebookEntry> Codebook()
    {
        string all = string.Join(", ", Files);
        var entries = new List<CodebookEntry> { new(Id, Id.Name, all) };
        entries.AddRange(Variables.Select(v => new CodebookEntry(v, v.Name, all)));
        foreach (RepeatedBlock b in Blocks)
        {
            IReadOnlyList<string> codes = Occasions(b);
            string file = "long-" + b.Name;
            entries.Add(new CodebookEntry(b.Occasion, "", file));
            entries.AddRange(b.Variables.Select(v => new CodebookEntry(
                v, codes.Count == 0 ? $"{v.Name}_<{b.Occasion.Name}>" : $"{v.Name}_{codes[0]} … {v.Name}_{codes[^1]}", $"{WideFile}, {file}")));
        }

        return entries;
    }

    /// <summary>The occasions of a block that at least one participant has, in code order (numeric codes numerically).</summary>
    public IReadOnlyList<string> Occasions(RepeatedBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return [.. Records.SelectMany(r => r.Repeated.GetValueOrDefault(block.Name) ?? []).Select(o => o.Occasion).Distinct()
            .OrderBy(c => decimal.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? d : decimal.MaxValue)
            .ThenBy(c => c, StringComparer.Ordinal)];
    }

    /// <summary>The text of one cell: invariant numbers, ISO dates, 1/0 flags, empty for null.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A cell's value as the file holds it before CSV quoting (text a spreadsheet would run gets an apostrophe).</summary>
    public static string Written(object? value, VariableType type) =>
        type == VariableType.Text ? EscapeFormula(Format(value)) : Format(value);

    private static string Cell(object? value, VariableType type) =>
        type == VariableType.Text ? Quote(Written(value, type), escapeFormula: false) : Format(value);

    private static string EscapeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "'" + text : text;

    private static string Quote(string text, bool escapeFormula)
    {
        if (escapeFormula)
        {
            text = EscapeFormula(text);
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}

/// <summary>A codebook row: the variable, its wide columns (a range for repeated variables) and the files it is in.</summary>
public sealed record CodebookEntry(ResearchVariable Variable, string WideColumns, string Files);
