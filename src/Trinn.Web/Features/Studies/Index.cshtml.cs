using Trinn.Core.Research;

namespace Trinn.Web.Features.Studies;

/// <summary>The studies the user runs: all for an admin, those including their team for a metodeveileder.</summary>
public sealed class IndexModel(TrinnDbContext db) : PageModel
{
    public IReadOnlyList<StudyListItem> Studies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Studies = await db.Set<Study>().AsNoTracking().VisibleTo(User)
            .OrderBy(s => s.Name)
            .Select(s => new StudyListItem(s.Id, s.Name, s.WholeOrganisation, s.Teams.Select(t => t.Team!.Name).ToList(), s.Participants.Count, s.CreatedAtUtc))
            .ToListAsync();
    }
}

public sealed record StudyListItem(int Id, string Name, bool WholeOrganisation, IReadOnlyList<string> Teams, int Participants, DateTime CreatedAtUtc);
