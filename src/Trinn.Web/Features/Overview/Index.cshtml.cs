using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;
using Trinn.Core.Indicators;

namespace Trinn.Web.Features.Overview;

/// <summary>
/// The team dashboard (issue #11): each indicator with value, target and its source, traffic light where a target
/// applies, numerator and denominator (linked to the list behind them for team members), a monthly trend with the
/// target line, the fidelity items scored from data, and candidates per stage. Exports the same table as CSV or XLSX.
/// </summary>
public sealed class IndexModel(DashboardQuery query, IStringLocalizer<IndicatorsResource> l, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "team")]
    public string? TeamText { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodKind { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? YearText { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromText { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToText { get; set; }

    [BindProperty(SupportsGet = true, Name = ProgrammeChoice.Field)]
    public string? ProgrammeText { get; set; }

    /// <summary>The programme filter's choices: every programme, then UO, IPS and other, by their API names.</summary>
    public IReadOnlyList<SelectListItem> Programmes { get; private set; } = [];

    public Dashboard? Dashboard { get; private set; }

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public PeriodChoice Choice { get; private set; } = new(PeriodChoice.Rolling, 2026, null, null);

    public Dictionary<string, string> Errors { get; } = [];

    public DateOnly Today { get; private set; }

    public string ChartJson { get; private set; } = "{}";

    public IReadOnlyList<string> StageTeams { get; private set; } = [];

    public int[,] StageCounts { get; private set; } = new int[0, 5];

    public bool[,] StageHidden { get; private set; } = new bool[0, 5];

    /// <summary>The indicator groups 1–8, each with its keys in order (the first is the group's headline).</summary>
    public static IReadOnlyList<IReadOnlyList<IndicatorDefinition>> Groups { get; } =
        IndicatorKeys.All.GroupBy(d => d.Group).Select(g => (IReadOnlyList<IndicatorDefinition>)g.ToList()).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(specialistTrends: false, ct))
        {
            return NotFound();
        }

        ChartJson = JsonSerializer.Serialize(Charts());
        (StageTeams, StageCounts, StageHidden) = await query.StagesAsync(User, ct);
        return Page();
    }

    /// <summary>The dashboard's indicators and monthly trend as CSV or one XLSX workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!await LoadAsync(specialistTrends: true, ct) || Dashboard is null)
        {
            return NotFound();
        }

        var export = IndicatorExport.Build(Dashboard, l);
        return format switch
        {
            "xlsx" => File(IndicatorExport.ToXlsx(export), IndicatorExport.XlsxContentType, IndicatorExport.FileName(Dashboard, "xlsx")),
            _ => File(Core.Research.StudyDataset.ToCsv(export[0]), "text/csv; charset=utf-8", IndicatorExport.FileName(Dashboard, "csv")),
        };
    }

    /// <summary>The link to the list behind a number, keeping the period.</summary>
    public string RowsLink(string key, string? specialist = null) =>
        $"/Overview/Rows?key={Uri.EscapeDataString(key)}&{PeriodChoice.Query(Dashboard!.Period)}{ProgrammeChoice.Query(Dashboard.Programme)}"
        + (specialist is null ? "" : "&specialist=" + Uri.EscapeDataString(specialist));

    public string ExportLink(string format) =>
        $"/Overview?handler=Export&format={format}&team={Dashboard!.Team.Id.ToString(CultureInfo.InvariantCulture)}&{PeriodChoice.Query(Dashboard.Period)}{ProgrammeChoice.Query(Dashboard.Programme)}";

    private async Task<bool> LoadAsync(bool specialistTrends, CancellationToken ct)
    {
        Today = query.Today;
        var (choice, period, field, error) = PeriodChoice.Parse(PeriodKind, YearText, FromText, ToText, Today);
        Choice = choice;
        if (field is not null)
        {
            Errors[field] = l[error!];
        }

        int? teamId = null;
        if (!string.IsNullOrWhiteSpace(TeamText))
        {
            if (int.TryParse(TeamText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                teamId = id;
            }
            else
            {
                Errors["team"] = l["Error_Team"];
            }
        }

        var (programme, programmeError) = ProgrammeChoice.Parse(ProgrammeText);
        if (programmeError is not null)
        {
            Errors[ProgrammeChoice.Field] = l[programmeError];
        }

        Programmes = Enum.GetValues<Programme>()
            .Select(p => new SelectListItem(EnumText.Name(t, p), p.ToString(), p == programme))
            .Prepend(new SelectListItem(l["Dash_ProgrammeAll"], "", programme is null))
            .ToList();
        Teams = await query.VisibleTeamsAsync(User, ct);
        Dashboard = await query.LoadAsync(User, teamId, period, programme, specialistTrends, ct);
        return Dashboard is not null || (teamId is null && Teams.Count == 0);
    }

    private object Charts()
    {
        if (Dashboard is not { } d)
        {
            return new { charts = Array.Empty<object>() };
        }

        return new
        {
            charts = Groups.Select(group =>
            {
                var main = group[0];
                var keys = group.Where(k => k.Unit == main.Unit).ToList();
                var months = d.Report.SeriesOf(main.Key).Points;
                var series = new List<object>();
                foreach (var key in keys)
                {
                    series.Add(new { label = IndicatorText.Title(l, key.Key), values = d.Report.SeriesOf(key.Key).Points.Select(p => d.Show(key, p.Measure).Value).ToList(), target = false });
                    if (key.HasOutcomes)
                    {
                        series.Add(new { label = l["Dash_BroaderShort"].Value, values = d.Report.SeriesOf(key.Key).Points.Select(p => d.Show(key, p.Broader).Value).ToList(), target = false });
                    }
                }

                if (main.Targetable)
                {
                    series.Add(new { label = l["Dash_TargetLine"].Value, values = months.Select(p => p.Target).ToList(), target = true });
                    if (months.Any(p => p.UpperTarget is not null))
                    {
                        series.Add(new { label = l["Dash_UpperTargetLine"].Value, values = months.Select(p => p.UpperTarget).ToList(), target = true });
                    }
                }

                return new { key = main.Key, percent = main.Unit == IndicatorUnit.Percent, labels = months.Select(p => IndicatorText.Month(p.Month)).ToList(), series };
            }).ToList(),
        };
    }
}
