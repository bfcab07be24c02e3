using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Candidates;

/// <summary>Utskriving: the end of the follow-up, with date, outcome category and the handover summary for the NAV-veileder.</summary>
[ReadsCandidateData]
public sealed class DischargeModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time, ILogger<DischargeModel> logger) : PageModel
{
    [BindProperty]
    public DischargeInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await db.AuditReadAsync(AuditEntities.DischargePage, candidate.Id);

        Show(candidate);
        Input = new DischargeInput { Date = NorwegianTime.Today(time), Version = candidate.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger, q => q.Include(c => c.Referral));
        if (candidate is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, candidate, Input.Version, c => c.Discharge(Input.Date!.Value, Input.Outcome!.Value, TextInput.Blank(Input.Note), c.Referral!.ReferredOn, NorwegianTime.Today(time), Input.HandoverAgreed), ModelState, t);
            if (outcome == SaveOutcome.Saved)
            {
                return RedirectToPage("/Candidates/Details", new { id });
            }

            if (outcome == SaveOutcome.Conflict)
            {
                Input.Version = candidate.Version;
            }
        }

        Show(candidate);
        return Page();
    }

    private void Show(Candidate candidate)
    {
        Id = candidate.Id;
        Name = candidate.FullName;
        Outcomes = EnumText.Items<DischargeOutcome>(t, t["Select_Choose"]);
    }
}

public sealed class DischargeInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_DischargeDate")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Outcome")]
    public DischargeOutcome? Outcome { get; set; }

    [StringLength(Candidate.ReasonMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_DischargeNote")]
    public string? Note { get; set; }

    /// <summary>What was agreed, for the handover summary the NAV-veileder reads.</summary>
    [StringLength(DischargeRecord.HandoverMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_HandoverAgreed")]
    public string? HandoverAgreed { get; set; }

    public long Version { get; set; }
}
