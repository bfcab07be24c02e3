using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Opportunities;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Opportunities;

/// <summary>Edits a job opportunity; a stale form (someone else saved in between) is refused, not merged.</summary>
[ReadsCandidateData]
public sealed class EditModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<OpportunitiesResource> o, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public OpportunityInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public string? EmployerIndustry { get; private set; }

    public List<SelectListItem> Statuses { get; private set; } = [];

    public List<SelectListItem> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var opportunity = await db.FindOpportunityForEditAsync(id, User, logger);
        if (opportunity is null)
        {
            return NotFound();
        }

        Input = OpportunityInput.From(opportunity);
        await ShowAsync(opportunity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var opportunity = await db.FindOpportunityForEditAsync(id, User, logger);
        if (opportunity is null)
        {
            return NotFound();
        }

        await ShowAsync(opportunity);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, opportunity, Input.Version,
            x => OpportunityForm.ApplyAsync(Input, x, x.Employer!.Industry, db, User), ModelState, t, ex => OpportunityForm.Message(ex, t, o));
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Opportunities/Details", new { id });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            Input = OpportunityInput.From(opportunity);
            await ShowAsync(opportunity);
        }

        return Page();
    }

    private async Task ShowAsync(JobOpportunity opportunity)
    {
        (Id, Title, EmployerIndustry) = (opportunity.Id, opportunity.Title, opportunity.Employer!.Industry);
        Statuses = EnumText.Items<OpportunityStatus>(o, t["Select_Choose"]);
        Candidates = await OpportunityForm.CandidateItemsAsync(db, User, opportunity.CarvedForCandidateId ?? Input.CarvedForCandidateId, t["Select_None"]);
    }
}
