using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Employers;

namespace Trinn.Web.Features.Employers;

/// <summary>Edits an employer; a stale form (someone else saved in between) is refused, not merged.</summary>
public sealed class EditModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<EmployersResource> e, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public EmployerInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Sectors { get; private set; } = [];

    public List<SelectListItem> Sizes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var employer = await db.FindEmployerForEditAsync(id, User, logger);
        if (employer is null)
        {
            return NotFound();
        }

        Show(employer);
        Input = EmployerInput.From(employer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var employer = await db.FindEmployerForEditAsync(id, User, logger);
        if (employer is null)
        {
            return NotFound();
        }

        Show(employer);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, employer, Input.Version, async x =>
        {
            Input.ApplyTo(x);
            await EmployerForm.RequireFreeOrganizationNumberAsync(db, x);
        }, ModelState, t, ex => EmployerForm.Message(ex, t, e));
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Employers/Details", new { id });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            Input = EmployerInput.From(employer);
        }

        return Page();
    }

    private void Show(Employer employer)
    {
        Id = employer.Id;
        Name = employer.Name;
        Sectors = EnumText.Items<EmployerSector>(e, t["Select_Choose"]);
        Sizes = EnumText.Items<EmployerSize>(e, t["Select_None"]);
    }
}
