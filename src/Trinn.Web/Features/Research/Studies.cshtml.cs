using Trinn.Core.Privacy;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Research;

/// <summary>
/// The forsker's list of studies: participants per coded team, active and discharged, with small cells suppressed.
/// No names, no national IDs, no real team names — the team codes are the ones in the export. Only the studies an admin
/// granted this forsker.
/// </summary>
public sealed class StudiesModel(TrinnDbContext db) : PageModel
{
    public IReadOnlyList<StudySummary> Studies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var studies = await db.Set<Study>().AsNoTracking().GrantedTo(db, User).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync();
        var list = new List<StudySummary>();
        foreach (var study in studies)
        {
            var codes = await StudyDataset.TeamCodesAsync(db, study.Id);
            var counts = await db.Set<StudyParticipant>().AsNoTracking().Where(p => p.StudyId == study.Id)
                .GroupBy(p => new { p.Candidate!.TeamId, Discharged = p.Candidate.DischargedOn != null })
                .Select(g => new { g.Key.TeamId, g.Key.Discharged, Count = g.Count() })
                .ToListAsync();
            var teams = codes.Where(c => counts.Any(x => x.TeamId == c.Key)).OrderBy(c => c.Key).ToList();
            var matrix = new int[teams.Count, 2];
            for (var r = 0; r < teams.Count; r++)
            {
                matrix[r, 0] = counts.Where(x => x.TeamId == teams[r].Key && !x.Discharged).Sum(x => x.Count);
                matrix[r, 1] = counts.Where(x => x.TeamId == teams[r].Key && x.Discharged).Sum(x => x.Count);
            }

            var hidden = SmallCellSuppression.Suppress(matrix);
            var rows = teams.Select((t, r) => new StudyTeamRow(
                t.Value,
                SmallCellSuppression.Display(matrix[r, 0], hidden[r, 0]),
                SmallCellSuppression.Display(matrix[r, 1], hidden[r, 1]),
                Total(matrix[r, 0] + matrix[r, 1]))).ToList();
            var total = counts.Sum(x => x.Count);
            list.Add(new StudySummary(study.Id, study.Name, Total(total), rows));
        }

        Studies = list;
    }

    /// <summary>A total is itself a count: below the threshold it is shown as "&lt;5" too.</summary>
    private static string Total(int count) => SmallCellSuppression.Display(count, count is > 0 and < SmallCellSuppression.DefaultThreshold);
}

public sealed record StudySummary(int Id, string Name, string Participants, IReadOnlyList<StudyTeamRow> Teams);

public sealed record StudyTeamRow(string Team, string Active, string Discharged, string Total);
