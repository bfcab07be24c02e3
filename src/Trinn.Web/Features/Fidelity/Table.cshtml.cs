using System.Text.Json;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Fidelity;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Web.Features.Fidelity;

/// <summary>
/// The report's Table 1 layout: items × rounds × teams, columns grouped by round label with one column per team,
/// plus a chart per item across rounds (the table carries the same numbers). When a team has several rounds with
/// the same label, the latest one (by opening date) is shown.
/// </summary>
public sealed class TableModel(TrinnDbContext db, FidelityDataQuery data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    public FidelityScoringMode ScoringMode { get; private set; }

    public List<string> Labels { get; private set; } = [];

    public List<string> Teams { get; private set; } = [];

    /// <summary>Result per (label, team), absent when the team had no round with that label.</summary>
    public Dictionary<(string Label, string Team), VisibleRoundResult> Cells { get; } = [];

    /// <summary>Item numbers and texts in order, from the shipped scale.</summary>
    public List<(int Item, string Number, string Label)> Items { get; } = [];

    public string ChartJson { get; private set; } = "{}";

    /// <summary>Items scored from recorded data per (label, team) round window, and per ("", team) for the latest months.</summary>
    public Dictionary<(string Label, string Team), IReadOnlyDictionary<int, FidelityDataCell>> FromData { get; private set; } = [];

    public Core.Indicators.DatePeriod NowWindow { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ScoringMode = FidelityText.ParseMode(Mode);
        var rounds = await db.Set<FidelityRound>().AsNoTracking().VisibleTo(User).Include(r => r.Team).ToListAsync();
        var latest = rounds
            .GroupBy(r => (r.Label, Team: r.Team!.Name))
            .Select(g => g.OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id).First())
            .ToList();
        Labels = latest.GroupBy(r => r.Label)
            .OrderBy(g => FidelityRound.LabelOrder(g.Key)).ThenBy(g => g.Min(r => r.OpensOn))
            .Select(g => g.Key).ToList();
        Teams = latest.Select(r => r.Team!.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var results = await FidelityResultsQuery.ScoreAsync(db, latest, User, new FidelityOptions { Mode = ScoringMode });
        foreach (var round in latest)
        {
            Cells[(round.Label, round.Team!.Name)] = results[round.Id];
        }

        NowWindow = data.WindowEnding(data.Today);
        var requests = latest.Select(r => ((r.Label, r.Team!.Name), r.TeamId, data.WindowOf(r)))
            .Concat(latest.GroupBy(r => r.TeamId).Select(g => (("", g.First().Team!.Name), g.Key, NowWindow)))
            .ToList();
        FromData = await data.ScoreAsync(requests, User);
        var definition = ShippedInstruments.Fidelity;
        for (var item = 1; item <= FidelityScale.ItemCount; item++)
        {
            var d = definition.GetItem(FidelityScale.ItemId(item));
            Items.Add((item, d.Number ?? item.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Label));
        }

        ChartJson = JsonSerializer.Serialize(new
        {
            rounds = Labels,
            items = Items.Select(i => new
            {
                item = i.Item,
                title = $"{i.Number}. {i.Label}",
                series = Teams.Select(team => new
                {
                    team,
                    values = Labels.Select(label => Value(label, team, i.Item)),
                }),
            }),
        });
        return Page();
    }

    /// <summary>The item's shown team mean, or null when there is none or it is withheld.</summary>
    public decimal? Value(string label, string team, int item) =>
        Cells.TryGetValue((label, team), out var result) ? result.Items[item - 1].Result?.Mean : null;

    /// <summary>Whether the round's self-reported mean and its data score differ by an answer band or more.</summary>
    public bool Differs(string label, string team, int item) =>
        FromData.TryGetValue((label, team), out var cells) && cells.TryGetValue(item, out var cell) && cell.DiffersFrom(Value(label, team, item));

    public int? DataScore(string label, string team, int item) =>
        FromData.TryGetValue((label, team), out var cells) && cells.TryGetValue(item, out var cell) ? cell.Score : null;

    public string Cell(string label, string team, int item, string withheld)
    {
        if (!Cells.TryGetValue((label, team), out var result))
        {
            return "";
        }

        var cell = result.Items[item - 1];
        return cell.Withheld ? withheld : FidelityText.Number(cell.Result?.Mean);
    }
}
