using System.Globalization;
using CsvHelper;

namespace Trinn.Core.Instruments.Fidelity;

/// <summary>A bad cell or header in a responses file. <see cref="Row"/> counts the header as row 1, as a spreadsheet shows it.</summary>
public sealed class FidelityCsvException(int row, string column, string problem)
    : Exception($"Rad {row}, kolonne «{column}»: {problem}")
{
    public int Row { get; } = row;

    public string Column { get; } = column;
}

/// <summary>
/// Reads fidelity responses, one row per respondent and round: columns <c>team, round, respondent, item1 … item19</c>
/// in any order (names case-insensitive; other columns ignored). Single-choice items hold the chosen option's
/// position 1–5; multi-select items (3, 7, 8, 19) the ticked positions joined by <c>|</c>, or <c>0</c> when answered
/// with nothing ticked; an empty cell is unanswered. A respondent may appear once per team and round.
/// </summary>
public static class FidelityResponsesCsv
{
    private static readonly string[] KeyColumns = ["team", "round", "respondent"];

    public static IReadOnlyList<string> RequiredColumns { get; } =
        [.. KeyColumns, .. Enumerable.Range(1, FidelityScale.ItemCount).Select(FidelityScale.ItemId)];

    /// <exception cref="FidelityCsvException">A missing column or a bad value, naming the row (the file's line, header = 1) and column.</exception>
    public static IReadOnlyList<FidelityResponse> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = new CsvReaderOptions { Separator = ',', TrimWhitespace = true, TrackLineNumbers = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        csv.ReadHeader();
        var columns = ColumnIndexes(csv.Headers);
        var responses = new List<FidelityResponse>();
        var seen = new HashSet<(string, string, string)>();
        while (csv.Read())
        {
            var row = (int)csv.LineNumber;
            string Cell(string column) => columns[column] < csv.FieldCount ? csv.GetString(columns[column]).Trim() : string.Empty;
            string Key(string column)
            {
                var value = Cell(column);
                return value.Length > 0 ? value : throw new FidelityCsvException(row, column, "verdien mangler.");
            }

            var team = Key("team");
            var round = Key("round");
            var respondent = Key("respondent");
            if (!seen.Add((team, round, respondent)))
            {
                throw new FidelityCsvException(row, "respondent",
                    $"«{respondent}» har allerede svart for {team}, {round}; hver respondent kan ha én rad per team og runde.");
            }

            var answers = new Dictionary<int, FidelityAnswer>();
            for (var item = 1; item <= FidelityScale.ItemCount; item++)
            {
                var column = FidelityScale.ItemId(item);
                var cell = Cell(column);
                if (cell.Length > 0)
                {
                    answers[item] = ParseCell(item, cell, row, column);
                }
            }

            responses.Add(new FidelityResponse(team, round, respondent, answers));
        }

        return responses;
    }

    private static Dictionary<string, int> ColumnIndexes(IReadOnlyList<string> header)
    {
        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (RequiredColumns.Contains(name, StringComparer.OrdinalIgnoreCase) && !indexes.TryAdd(name, i))
            {
                throw new FidelityCsvException(1, name, "kolonnen finnes mer enn én gang.");
            }
        }

        var missing = RequiredColumns.FirstOrDefault(c => !indexes.ContainsKey(c));
        if (missing is not null)
        {
            throw new FidelityCsvException(1, missing, "kolonnen mangler i overskriftsraden.");
        }

        return indexes;
    }

    private static FidelityAnswer ParseCell(int item, string cell, int row, string column)
    {
        var options = FidelityScale.OptionCount(item);
        if (!FidelityScale.IsMultiSelect(item))
        {
            return FidelityAnswer.Choice(Position(cell, item, options, row, column));
        }

        if (cell == "0")
        {
            return FidelityAnswer.Ticks();
        }

        var positions = new List<int>();
        foreach (var part in cell.Split('|'))
        {
            var position = Position(part.Trim(), item, options, row, column);
            if (positions.Contains(position))
            {
                throw new FidelityCsvException(row, column, $"alternativ {position} er oppgitt to ganger i «{cell}».");
            }

            positions.Add(position);
        }

        return new FidelityAnswer(positions);
    }

    private static int Position(string text, int item, int options, int row, string column)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            var hint = FidelityScale.IsMultiSelect(item)
                ? "flervalg skrives som posisjoner skilt med | (f.eks. 1|3), eller 0 når ingen er krysset av"
                : "skriv posisjonen til valgt alternativ";
            throw new FidelityCsvException(row, column, $"«{text}» er ikke et heltall; {hint}.");
        }

        if (position < 1 || position > options)
        {
            var zero = FidelityScale.IsMultiSelect(item) && position == 0 ? " (0 kan bare stå alene)" : string.Empty;
            throw new FidelityCsvException(row, column,
                $"«{text}» er utenfor gyldig område; spørsmål {item} har alternativ 1–{options}{zero}.");
        }

        return position;
    }
}
