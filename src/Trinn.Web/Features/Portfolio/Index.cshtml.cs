using Trinn.Web.Features.Candidates;
using Trinn.Web.Features.Placements;

namespace Trinn.Web.Features.Portfolio;

/// <summary>Min portefølje: the job specialist's own active candidates, and those they back up.</summary>
[ReadsCandidateData]
public sealed class IndexModel(TrinnDbContext db, TimeProvider time) : PageModel
{
    // The page every job specialist opens first, compiled once per model (see PerModel). The team condition is
    // CandidateAccess.VisibleTo's, written out because a compiled query cannot call it.
    private static readonly PerModel<Func<TrinnDbContext, int, string, IAsyncEnumerable<CandidateListItem>>> MineQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, string me) => db.Candidates.AsNoTracking()
            .Where(c => c.TeamId == teamId && c.DischargedOn == null && (c.PrimarySpecialistId == me || c.BackupSpecialistId == me))
            .OrderBy(c => c.Stage).ThenBy(c => c.LastName)
            .Select(CandidateListItem.Projection)));

    public IReadOnlyList<CandidateListItem> Own { get; private set; } = [];

    public IReadOnlyList<CandidateListItem> Backup { get; private set; } = [];

    /// <summary>Stage 4–5 warnings for the user's own candidates.</summary>
    public IReadOnlyList<WorkplaceWarning> Warnings { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int WarningCount => Own.Count(c => c.NoRecentContact(Today));

    public async Task OnGetAsync()
    {
        Today = NorwegianTime.Today(time);
        var me = User.UserId();
        // One read for both lists (own first, then backup): each list keeps the stage-then-surname order.
        var rows = new List<CandidateListItem>();
        if (User.VisibleTeamId() is { } teamId)
        {
            await foreach (var row in MineQuery.For(db)(db, teamId, me))
            {
                rows.Add(row);
            }
        }

        rows = [.. await ActionPlans.ActionPlanQueries.WithNextStepsAsync(db, rows)];
        Own = rows.Where(c => c.PrimarySpecialistId == me).ToList();
        Backup = rows.Where(c => c.BackupSpecialistId == me).ToList();
        Warnings = await WorkplaceWarnings.LoadAsync(db, User, me, Today);
        await db.AuditReadsAsync(
            (AuditEntities.PortfolioPage, [.. Own.Select(c => c.Id), .. Backup.Select(c => c.Id)]),
            (AuditEntities.WorkplaceWarnings, [.. Warnings.Select(w => w.CandidateId)]));
    }
}
