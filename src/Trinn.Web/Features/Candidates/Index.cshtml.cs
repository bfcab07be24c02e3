using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trinn.Core.Data;
using Trinn.Web.Infrastructure;
using Trinn.Web.Shared;

namespace Trinn.Web.Features.Candidates;

/// <summary>The team view: all the team's candidates (the specialists back each other up), filtered and paged.</summary>
[ReadsCandidateData]
public sealed class IndexModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "spesialist")]
    public string? Specialist { get; set; }

    [BindProperty(SupportsGet = true, Name = "trinn")]
    public int? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string Status { get; set; } = "aktive";

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CandidateListItem> Rows { get; private set; } = [];

    public List<SelectListItem> Specialists { get; private set; } = [];

    public List<SelectListItem> Stages { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = NorwegianTime.Today(time);
        Specialists = await CandidateLookups.SpecialistsAsync(db, User.TeamId()!.Value, t["Select_All"]);
        Stages = CandidateLookups.Stages(t, t["Select_All"]);

        var query = db.Candidates.AsNoTracking().VisibleTo(User);
        query = Status switch
        {
            "avsluttet" => query.Where(c => c.DischargedOn != null),
            "alle" => query,
            _ => query.Where(c => c.DischargedOn == null),
        };
        if (!string.IsNullOrEmpty(Specialist))
        {
            query = query.Where(c => c.PrimarySpecialistId == Specialist || c.BackupSpecialistId == Specialist);
        }

        if (Stage is { } stage)
        {
            query = query.Where(c => c.Stage == stage);
        }

        var total = await query.CountAsync();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, Request.Query);
        Rows = await query.OrderBy(c => c.Stage).ThenBy(c => c.LastName).ThenBy(c => c.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(CandidateListItem.Projection)
            .ToListAsync();
        await db.AuditReadAsync("TeamPage", Rows.Select(c => c.Id).ToList());
    }
}
