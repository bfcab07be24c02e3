using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Employers;
using Trinn.Core.Opportunities;
using Trinn.Web.Features.Employers;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Opportunities;

/// <summary>Registers a job opportunity at one of the team's employers, possibly carved for one candidate.</summary>
[ReadsCandidateData]
public sealed class NewModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<OpportunitiesResource> o, TimeProvider time, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public OpportunityInput Input { get; set; } = new();

    public int EmployerId { get; private set; }

    public string EmployerName { get; private set; } = "";

    public string? EmployerIndustry { get; private set; }

    public List<SelectListItem> Statuses { get; private set; } = [];

    public List<SelectListItem> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int employerId, int? candidateId)
    {
        var employer = await db.FindEmployerForEditAsync(employerId, User, logger);
        if (employer is null)
        {
            return NotFound();
        }

        Input = new OpportunityInput { CarvedForCandidateId = candidateId };
        await ShowAsync(employer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int employerId)
    {
        var employer = await db.FindEmployerForEditAsync(employerId, User, logger);
        if (employer is null)
        {
            return NotFound();
        }

        await ShowAsync(employer);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var opportunity = new JobOpportunity { EmployerId = employer.Id, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
        {
            await OpportunityForm.ApplyAsync(Input, opportunity, employer.Industry, db, User);
            db.Add(opportunity);
        }, ModelState, t, ex => OpportunityForm.Message(ex, t, o));
        return outcome == SaveOutcome.Saved ? RedirectToPage("/Opportunities/Details", new { id = opportunity.Id }) : Page();
    }

    private async Task ShowAsync(Employer employer)
    {
        (EmployerId, EmployerName, EmployerIndustry) = (employer.Id, employer.Name, employer.Industry);
        Statuses = EnumText.Items<OpportunityStatus>(o, t["Select_Choose"]);
        Candidates = await OpportunityForm.CandidateItemsAsync(db, User, Input.CarvedForCandidateId, t["Select_None"]);
    }
}
