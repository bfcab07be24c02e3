using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Privacy;

namespace Trinn.Web.Features.Overview;

/// <summary>Team-level aggregates for leder, forsker and metodeveileder: no names, small cells suppressed.</summary>
public sealed class IndexModel(TrinnDbContext db) : PageModel
{
    public IReadOnlyList<string> Teams { get; private set; } = [];

    public int[,] Counts { get; private set; } = new int[0, 5];

    public bool[,] Hidden { get; private set; } = new bool[0, 5];

    public string RowTotal(int row)
    {
        var total = Enumerable.Range(0, 5).Sum(s => Counts[row, s]);
        return SmallCellSuppression.Display(total, total is > 0 and < SmallCellSuppression.DefaultThreshold);
    }

    public async Task OnGetAsync()
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync();
        var counts = await db.Candidates.AsNoTracking().Where(c => c.DischargedOn == null)
            .GroupBy(c => new { c.TeamId, c.Stage })
            .Select(g => new { g.Key.TeamId, g.Key.Stage, Count = g.Count() })
            .ToListAsync();
        Teams = teams.Select(t => t.Name).ToList();
        Counts = new int[teams.Count, 5];
        foreach (var c in counts)
        {
            var row = teams.FindIndex(t => t.Id == c.TeamId);
            Counts[row, c.Stage - 1] = c.Count;
        }

        Hidden = SmallCellSuppression.Suppress(Counts);
    }
}
