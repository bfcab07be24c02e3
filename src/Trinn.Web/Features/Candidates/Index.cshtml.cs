using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;
using Trinn.Web.Features.Placements;

namespace Trinn.Web.Features.Candidates;

/// <summary>The team view: all the team's candidates (the specialists back each other up), filtered and paged.</summary>
[ReadsCandidateData]
public sealed class IndexModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel
{
    private const int PageSize = 25;

    /// <summary>The columns the team view sorts by (query values in Norwegian, as the other filters).</summary>
    private static readonly string[] SortKeys = ["navn", "trinn", "dager", "kontakt", "neste", "spesialist"];

    [BindProperty(SupportsGet = true, Name = "spesialist")]
    public string? Specialist { get; set; }

    [BindProperty(SupportsGet = true, Name = "trinn")]
    public int? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "program")]
    public Trinn.Core.Candidates.Programme? Programme { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string Status { get; set; } = "aktive";

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CandidateListItem> Rows { get; private set; } = [];

    public List<SelectListItem> Specialists { get; private set; } = [];

    public List<SelectListItem> Stages { get; private set; } = [];

    public List<SelectListItem> Programmes { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public SortOrder Sort { get; private set; } = default!;

    /// <summary>Stage 4–5 warnings for all the team's candidates.</summary>
    public IReadOnlyList<WorkplaceWarning> Warnings { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = NorwegianTime.Today(time);
        Specialists = await CandidateLookups.SpecialistsAsync(db, User.TeamId()!.Value, t["Select_All"]);
        Stages = CandidateLookups.Stages(t, t["Select_All"]);
        Programmes = EnumText.Items<Trinn.Core.Candidates.Programme>(t, t["Select_All"]);

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

        if (Programme is { } programme)
        {
            query = query.Where(c => c.Programme == programme);
        }

        var total = await query.CountAsync();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, Request.Query);
        Sort = SortOrder.From(Request, SortKeys, "trinn");
        Rows = await Ordered(query, Sort)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(CandidateListItem.Projection)
            .ToListAsync();
        Rows = await ActionPlans.ActionPlanQueries.WithNextStepsAsync(db, Rows);
        Warnings = await WorkplaceWarnings.LoadAsync(db, User, primary: null, Today);
        await db.AuditReadsAsync(
            (AuditEntities.TeamPage, [.. Rows.Select(c => c.Id)]),
            (AuditEntities.WorkplaceWarnings, [.. Warnings.Select(w => w.CandidateId)]));
    }

    /// <summary>The chosen column first, then stage and name, so every order is total and pages never overlap.</summary>
    private static IOrderedQueryable<Candidate> Ordered(IQueryable<Candidate> query, SortOrder sort)
    {
        var d = sort.Descending;
        var ordered = sort.Key switch
        {
            "navn" => d ? query.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName) : query.OrderBy(c => c.LastName).ThenBy(c => c.FirstName),
            "dager" => d ? query.OrderBy(c => c.StageSince) : query.OrderByDescending(c => c.StageSince),
            "kontakt" => d ? query.OrderByDescending(c => c.JournalNotes.Max(n => (DateOnly?)n.Date)) : query.OrderBy(c => c.JournalNotes.Max(n => (DateOnly?)n.Date)),
            "neste" => d ? query.OrderByDescending(c => c.NextActionDate) : query.OrderBy(c => c.NextActionDate),
            "spesialist" => d ? query.OrderByDescending(c => c.PrimarySpecialist!.DisplayName) : query.OrderBy(c => c.PrimarySpecialist!.DisplayName),
            _ => d ? query.OrderByDescending(c => c.Stage) : query.OrderBy(c => c.Stage),
        };
        return ordered.ThenBy(c => c.Stage).ThenBy(c => c.LastName).ThenBy(c => c.Id);
    }
}
