using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.Employers;

namespace Trinn.Web.Features.Employers;

/// <summary>Registers an employer in the team's shared register.</summary>
public sealed class NewModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<EmployersResource> e, TimeProvider time) : PageModel
{
    [BindProperty]
    public EmployerInput Input { get; set; } = new();

    public List<SelectListItem> Sectors { get; private set; } = [];

    public List<SelectListItem> Sizes { get; private set; } = [];

    public void OnGet() => Show();

    public async Task<IActionResult> OnPostAsync()
    {
        Show();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var teamId = User.TeamId()!.Value;
        var employer = new Employer { TeamId = teamId, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
        {
            Input.ApplyTo(employer);
            await EmployerForm.RequireFreeOrganizationNumberAsync(db, employer);
            db.Add(employer);
        }, ModelState, t, ex => EmployerForm.Message(ex, t, e));
        return outcome == SaveOutcome.Saved ? RedirectToPage("/Employers/Details", new { id = employer.Id }) : Page();
    }

    private void Show()
    {
        Sectors = EnumText.Items<EmployerSector>(e, t["Select_Choose"]);
        Sizes = EnumText.Items<EmployerSize>(e, t["Select_None"]);
    }
}

internal static class EmployerForm
{
    /// <summary>An employer's organisation number is the team's only once (another team may have the same employer).</summary>
    public static async Task RequireFreeOrganizationNumberAsync(TrinnDbContext db, Employer employer)
    {
        if (await db.Set<Employer>().AnyAsync(x => x.TeamId == employer.TeamId && x.Id != employer.Id && x.OrganizationNumber == employer.OrganizationNumber))
        {
            throw new DomainException(nameof(Employer.OrganizationNumber), "Error_OrgNumberTaken");
        }
    }

    /// <summary>A refused employer rule in words: organisation-number messages are the feature's own, the rest shared with the field's label.</summary>
    public static string Message(DomainException ex, IStringLocalizer<SharedResource> t, IStringLocalizer<EmployersResource> e) =>
        ex.MessageKey.StartsWith("Error_OrgNumber", StringComparison.Ordinal)
            ? e[ex.MessageKey].Value
            : t[ex.MessageKey, t["Field_" + (ex.Field == nameof(Employer.Name) ? "EmployerName" : ex.Field)], Employer.NameMaxLength].Value;
}
