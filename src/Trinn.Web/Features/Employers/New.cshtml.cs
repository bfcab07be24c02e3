using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Web.Infrastructure;
using Trinn.Web.Shared;

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
        if (!EmployerForm.TryApply(Input, employer, ModelState, t, e))
        {
            return Page();
        }

        if (await db.Set<Employer>().AnyAsync(x => x.TeamId == teamId && x.OrganizationNumber == employer.OrganizationNumber))
        {
            ModelState.AddModelError("Input.OrganizationNumber", e["Error_OrgNumberTaken"]);
            return Page();
        }

        db.Add(employer);
        await db.SaveChangesAsync();
        return RedirectToPage("/Employers/Details", new { id = employer.Id });
    }

    private void Show()
    {
        Sectors = EmployerAccess.EnumItems<EmployerSector>(e, t["Select_Choose"]);
        Sizes = EmployerAccess.EnumItems<EmployerSize>(e, t["Select_None"]);
    }
}

internal static class EmployerForm
{
    public static bool TryApply(EmployerInput input, Employer employer, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state,
        IStringLocalizer<SharedResource> t, IStringLocalizer<EmployersResource> e)
    {
        try
        {
            input.ApplyTo(employer);
            return true;
        }
        catch (DomainException ex)
        {
            var message = ex.MessageKey.StartsWith("Error_OrgNumber", StringComparison.Ordinal)
                ? e[ex.MessageKey].Value
                : t[ex.MessageKey, t["Field_" + (ex.Field == nameof(Employer.Name) ? "EmployerName" : ex.Field)], Employer.NameMaxLength].Value;
            state.AddModelError("Input." + ex.Field, message);
            return false;
        }
    }
}
