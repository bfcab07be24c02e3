using System.Globalization;
using ClosedXML.Excel;
using Trinn.Core.Indicators;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Overview;

/// <summary>
/// The dashboard as one long table (a row per indicator for the period, then per month, then the fidelity items
/// scored from data; for the metodeveileder also per specialist), for SPSS, R or a spreadsheet. Numbers use a point
/// as decimal separator; suppressed cells hold "&lt;5" or ":" as on the page, and a hidden value has no status. The
/// status is the page's word for it ("Nådd", "Ikke nådd", …). The last column names the programme the candidate figures
/// are narrowed to ("alle" for every programme).
/// </summary>
internal static class IndicatorExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Columns =
    [
        "team", "fra", "til", "jobbspesialist", "nokkel", "maltall", "maned", "verdi", "teller", "nevner", "mal", "mal_ovre", "status",
        "bredere_verdi", "bredere_teller", "bredere_nevner", "program",
    ];

    public static IReadOnlyList<ExportTable> Build(Dashboard d, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(l);
        var rows = new List<object?[]>();
        AddReport(rows, d, l, d.Report, "");
        if (d.Own is { } own)
        {
            AddReport(rows, d, l, own.Report, own.Name);
        }

        foreach (var s in d.Specialists)
        {
            AddReport(rows, d, l, s.Report, s.Name);
        }

        foreach (var item in d.Fidelity)
        {
            var shown = d.ShowFidelity(item);
            rows.Add(
            [
                d.Team.Name, d.Period.From, d.Period.To, "", "fidelitet-punkt-" + item.Item.ToString(CultureInfo.InvariantCulture),
                IndicatorText.FidelityBasis(l, item, shown), "", shown.ValueHidden ? shown.ValueMark : item.Score,
                Cell(shown.Numerator, shown.NumeratorMark), Cell(shown.Denominator, shown.DenominatorMark), null, null, null, null, null, null,
                ProgrammeChoice.ExportValue(d.Programme),
            ]);
        }

        return [new ExportTable("maltall", Columns, rows)];
    }

    public static string FileName(Dashboard d, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"trinn-maltall-team{d.Team.Id}{ProgrammeChoice.FileNamePart(d.Programme)}-{d.Period.From:yyyy-MM-dd}-{d.Period.To:yyyy-MM-dd}.{extension}");

    public static byte[] ToXlsx(IReadOnlyList<ExportTable> tables)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(table.Name);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                sheet.Cell(1, c + 1).Value = table.Columns[c];
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
            }

            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Length; c++)
                {
                    var cell = sheet.Cell(r + 2, c + 1);
                    switch (table.Rows[r][c])
                    {
                        case null:
                            break;
                        case decimal m:
                            cell.Value = m;
                            break;
                        case int i:
                            cell.Value = i;
                            break;
                        case DateOnly date:
                            cell.Value = date.ToDateTime(TimeOnly.MinValue);
                            cell.Style.DateFormat.Format = "yyyy-mm-dd";
                            break;
                        case var other:
                            // Text as text: a value starting with = is never a formula.
                            cell.SetValue(StudyDataset.Format(other));
                            break;
                    }
                }
            }

            sheet.SheetView.FreezeRows(1);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void AddReport(List<object?[]> rows, Dashboard d, IStringLocalizer l, IndicatorReport report, string specialist)
    {
        foreach (var v in report.Values)
        {
            var shown = d.Show(v.Definition, v.Measure);
            var broader = v.Broader is null ? null : d.Show(v.Definition, v.Broader);
            var status = v.Light is { } light && !shown.ValueHidden ? IndicatorText.Light(l, light) : null;
            rows.Add(Row(d, l, specialist, v.Key, "", shown, broader, v.Target?.Value, v.Target?.UpperValue, status));
        }

        foreach (var series in report.Trend)
        {
            var definition = IndicatorKeys.Get(series.Key);
            foreach (var p in series.Points)
            {
                rows.Add(Row(d, l, specialist, series.Key, p.Month.MonthKey, d.Show(definition, p.Measure),
                    p.Broader is null ? null : d.Show(definition, p.Broader), p.Target, p.UpperTarget, null));
            }
        }
    }

    private static object?[] Row(Dashboard d, IStringLocalizer l, string specialist, string key, string month, ShownMeasure shown, ShownMeasure? broader,
        decimal? target, decimal? upper, string? light) =>
    [
        d.Team.Name, d.Period.From, d.Period.To, specialist, key, IndicatorText.Title(l, key), month,
        shown.ValueHidden ? shown.ValueMark : Round(shown.Value),
        Cell(shown.Numerator, shown.NumeratorMark), Cell(shown.Denominator, shown.DenominatorMark), target, upper, light,
        broader is null ? null : broader.ValueHidden ? broader.ValueMark : Round(broader.Value),
        broader is null ? null : Cell(broader.Numerator, broader.NumeratorMark),
        broader is null ? null : Cell(broader.Denominator, broader.DenominatorMark),
        ProgrammeChoice.ExportValue(d.Programme),
    ];

    private static object? Cell(decimal? value, string? mark) => mark ?? (object?)Round(value);

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4) : null;
}
