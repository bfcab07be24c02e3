using Trinn.Core.Activities;

namespace Trinn.Web.Features.Activities;

/// <summary>The team's group activities (CV and interview groups, meeting places, joint employer visits), newest first.</summary>
public sealed class IndexModel(TrinnDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ActivityListItem> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = NorwegianTime.Today(time);
        var query = db.Set<GroupActivity>().AsNoTracking().VisibleTo(User);
        var total = await query.CountAsync();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, Request.Query);
        Rows = await query.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(a => new ActivityListItem(a.Id, a.Date, a.Kind, a.Title, a.Participants.Count, a.Leaders.Count))
            .ToListAsync();
    }
}

public sealed record ActivityListItem(int Id, DateOnly Date, GroupActivityKind Kind, string Title, int Participants, int Leaders);
