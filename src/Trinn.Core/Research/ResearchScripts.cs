using System.Globalization;
using System.Text;

namespace Trinn.Core.Research;

/// <summary>The comment lines at the top of a generated script, in the user's language (the caller's resources).</summary>
/// <param name="Header">What the file is (e.g. the study and the file).</param>
/// <param name="FileHint">Where the CSV file must be (the script names it without a folder).</param>
public sealed record ScriptTexts(string Header, string FileHint);

/// <summary>
/// SPSS syntax and R scripts that read a <see cref="ResearchDataset"/> file as it was written: every column with its
/// type, labels, value labels, missing codes and measurement level. There is no well-kept .NET library that writes SPSS
/// .sav files (see docs/statistics.md, "Exports"), and syntax + CSV is the standard route: the researcher runs the
/// syntax once and saves the .sav in SPSS.
/// </summary>
public static class ResearchScripts
{
    /// <summary>
    /// SPSS syntax: GET DATA /TYPE=TXT reading <paramref name="csvFileName"/> (UTF-8, comma, quoted text), then VARIABLE
    /// LABELS, VALUE LABELS, MISSING VALUES and VARIABLE LEVEL. Text widths and numeric decimals come from the data.
    /// </summary>
    public static string Spss(ResearchDataset dataset, string file, string csvFileName, ScriptTexts texts)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(texts);
        var columns = dataset.Columns(file);
        List<object?[]> rows = [.. dataset.Rows(file)];
        var s = new StringBuilder();
        s.Append("* ").Append(Comment(texts.Header)).Append(".\r\n");
        s.Append("* ").Append(Comment(texts.FileHint)).Append(".\r\n\r\n");
        s.Append("GET DATA\r\n  /TYPE=TXT\r\n  /FILE=").Append(SpssString(csvFileName)).Append("\r\n");
        s.Append("  /ENCODING='UTF8'\r\n  /ARRANGEMENT=DELIMITED\r\n  /DELCASE=LINE\r\n  /DELIMITERS=\",\"\r\n  /QUALIFIER='\"'\r\n  /FIRSTCASE=2\r\n  /VARIABLES=\r\n");
        // One format per variable over all its columns, so a repeated measure reads the same at every occasion.
        var formats = columns.Select((c, i) => (c.Variable, i)).GroupBy(x => x.Variable)
            .ToDictionary(g => g.Key, g => SpssFormat(g.Key.Type, g.SelectMany(x => rows.Select(r => ResearchDataset.Written(r[x.i], g.Key.Type)))));
        foreach ((string column, ResearchVariable variable) in columns)
        {
            s.Append("    ").Append(column).Append(' ').Append(formats[variable]).Append("\r\n");
        }

        s.Append(".\r\nDATASET NAME trinn WINDOW=FRONT.\r\n\r\nVARIABLE LABELS\r\n");
        s.AppendJoin("\r\n  /", columns.Select(c => $"  {c.Column} {SpssString(c.Variable.Label)}").Select((l, i) => i == 0 ? l : l.TrimStart()));
        s.Append(".\r\n");

        var labelled = Grouped(columns, v => v.Labels.Count > 0);
        if (labelled.Count > 0)
        {
            s.Append("\r\nVALUE LABELS\r\n");
            s.AppendJoin("\r\n  /", labelled.Select((g, i) =>
                (i == 0 ? "  " : "") + string.Join(' ', g.Columns) + "\r\n" + string.Join("\r\n", g.Variable.Labels.Select(l => $"    {SpssValue(g.Variable, l.Code)} {SpssString(l.Label)}"))));
            s.Append(".\r\n");
        }

        foreach (var g in Grouped(columns, v => v.Missing.Count > 0))
        {
            s.Append("MISSING VALUES ").Append(string.Join(' ', g.Columns)).Append(" (")
                .Append(string.Join(", ", g.Variable.Missing.Take(3).Select(m => SpssValue(g.Variable, m)))).Append(").\r\n");
        }

        s.Append("\r\nVARIABLE LEVEL");
        string[] levels = [.. Enum.GetValues<MeasurementLevel>().Select(level => (level, names: columns.Where(c => c.Variable.Level == level).Select(c => c.Column).ToList()))
            .Where(x => x.names.Count > 0)
            .Select(x => $" {string.Join(' ', x.names)} ({x.level.ToString().ToUpperInvariant()})")];
        s.AppendJoin("\r\n  /", levels).Append(".\r\nEXECUTE.\r\n");
        return s.ToString();
    }

    /// <summary>
    /// An R script that reads <paramref name="csvFileName"/> into the data frame <c>d</c>: text as character, dates as
    /// <c>Date</c>, missing codes as NA, labelled nominal codes as factors and ordinal ones as ordered factors (unlabelled
    /// text stays character), and each
    /// variable's label in its <c>"label"</c> attribute (as haven and labelled read it).
    /// </summary>
    public static string R(ResearchDataset dataset, string file, string csvFileName, ScriptTexts texts)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(texts);
        var columns = dataset.Columns(file);
        var s = new StringBuilder();
        s.Append("# ").Append(texts.Header.ReplaceLineEndings(" ")).Append('\n');
        s.Append("# ").Append(texts.FileHint.ReplaceLineEndings(" ")).Append('\n');
        s.Append("fil <- ").Append(RString(csvFileName)).Append('\n');
        s.Append("d <- read.csv(fil, fileEncoding = \"UTF-8-BOM\", na.strings = \"\", check.names = FALSE, stringsAsFactors = FALSE,\n  colClasses = c(");
        s.AppendJoin(", ", columns.Select(c => $"{RString(c.Column)} = \"{(c.Variable.Type == VariableType.Numeric ? "numeric" : "character")}\""));
        s.Append("))\n");
        foreach ((string column, ResearchVariable v) in columns)
        {
            string x = $"d[[{RString(column)}]]";
            if (v.Missing.Count > 0)
            {
                s.Append(x).Append('[').Append(x).Append(" %in% c(").AppendJoin(", ", v.Missing.Select(m => RValue(v, m))).Append(")] <- NA\n");
            }

            if (v.Type == VariableType.Date)
            {
                s.Append(x).Append(" <- as.Date(").Append(x).Append(")\n");
            }
            else if (v.Level != MeasurementLevel.Scale && v.Labels.Count > 0)
            {
                var labels = v.Labels.Where(l => !v.Missing.Contains(l.Code)).ToList();
                s.Append(x).Append(" <- factor(").Append(x).Append(", levels = c(").AppendJoin(", ", labels.Select(l => RValue(v, l.Code)))
                    .Append("), labels = c(").AppendJoin(", ", labels.Select(l => RString(l.Label))).Append(')')
                    .Append(v.Level == MeasurementLevel.Ordinal ? ", ordered = TRUE" : "").Append(")\n");
            }

            s.Append("attr(").Append(x).Append(", \"label\") <- ").Append(RString(v.Label)).Append('\n');
        }

        return s.ToString();
    }

    private static List<(ResearchVariable Variable, List<string> Columns)> Grouped(IReadOnlyList<(string Column, ResearchVariable Variable)> columns, Func<ResearchVariable, bool> keep) =>
        [.. columns.Where(c => keep(c.Variable)).GroupBy(c => c.Variable).Select(g => (g.Key, g.Select(c => c.Column).ToList()))];

    private static string SpssFormat(VariableType type, IEnumerable<string> values)
    {
        var texts = values.Where(t => t.Length > 0).ToList();
        switch (type)
        {
            case VariableType.Date:
                return "SDATE10";
            case VariableType.Text:
                return "A" + Math.Clamp(texts.Count == 0 ? 1 : texts.Max(Encoding.UTF8.GetByteCount), 1, 32767).ToString(CultureInfo.InvariantCulture);
            case VariableType.Numeric:
            default:
                int decimals = texts.Count == 0 ? 0 : texts.Max(t => t.Contains('.', StringComparison.Ordinal) ? t.Length - t.IndexOf('.', StringComparison.Ordinal) - 1 : 0);
                int width = Math.Max(texts.Count == 0 ? 1 : texts.Max(t => t.Length), decimals + 2);
                return $"F{Math.Min(width, 40).ToString(CultureInfo.InvariantCulture)}.{Math.Min(decimals, 16).ToString(CultureInfo.InvariantCulture)}";
        }
    }

    private static string SpssValue(ResearchVariable v, string code) => v.Type == VariableType.Numeric ? code : SpssString(code);

    private static string SpssString(string text) => "'" + text.ReplaceLineEndings(" ").Replace("'", "''", StringComparison.Ordinal) + "'";

    // A comment ends at a period at the end of its line; periods inside it are fine.
    private static string Comment(string text) => text.ReplaceLineEndings(" ").TrimEnd('.', ' ');

    private static string RValue(ResearchVariable v, string code) => v.Type == VariableType.Numeric ? code : RString(code);

    private static string RString(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings("\\n") + "\"";
}
