using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Opportunities;

namespace Trinn.Web.Features.Opportunities;

/// <summary>The team's job opportunities, filtered by status and industry, paged.</summary>
public sealed class IndexModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<OpportunitiesResource> o) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "status")]
    public OpportunityStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "bransje")]
    public string? Industry { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OpportunityListItem> Rows { get; private set; } = [];

    public List<SelectListItem> Statuses { get; private set; } = [];

    /// <summary>The industries the team's opportunities have, for the filter.</summary>
    public List<SelectListItem> Industries { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync()
    {
        Statuses = EnumText.Items<OpportunityStatus>(o, t["Select_All"]);
        var query = db.Set<JobOpportunity>().AsNoTracking().VisibleTo(User);
        var industries = await query.Where(x => x.Industry != null).Select(x => x.Industry!).Distinct().OrderBy(x => x).Take(200).ToListAsync();
        Industries = [new SelectListItem(t["Select_All"], ""), .. industries.Select(i => new SelectListItem(i, i))];
        if (Status is { } status)
        {
            query = query.Where(x => x.Status == status);
        }

        if (TextInput.Blank(Industry) is { } industry)
        {
            query = query.Where(x => x.Industry == industry);
        }

        var total = await query.CountAsync();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, Request.Query);
        Rows = await query.OrderBy(x => x.Status).ThenBy(x => x.Employer!.Name).ThenBy(x => x.Title).ThenBy(x => x.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(x => new OpportunityListItem(x.Id, x.Title, x.EmployerId, x.Employer!.Name, x.Industry, x.HoursPerWeek, x.Place, x.Status,
                x.CarvedForCandidateId != null))
            .ToListAsync();
    }
}

public sealed record OpportunityListItem(
    int Id, string Title, int EmployerId, string EmployerName, string? Industry, int HoursPerWeek, string Place, OpportunityStatus Status, bool Carved);
