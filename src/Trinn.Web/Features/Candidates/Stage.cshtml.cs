using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Candidates;

/// <summary>Moves a candidate between stages, forward or back, with date and reason.</summary>
[ReadsCandidateData]
public sealed class StageModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time, ILogger<StageModel> logger) : PageModel
{
    [BindProperty]
    public MoveStageInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public int CurrentStage { get; private set; }

    public List<SelectListItem> Stages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await db.AuditReadAsync(AuditEntities.StagePage, candidate.Id);

        Show(candidate);
        Input = new MoveStageInput { Date = NorwegianTime.Today(time), Version = candidate.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger, q => q.Include(c => c.StageChanges));
        if (candidate is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, candidate, Input.Version, c => c.MoveToStage(Input.ToStage!.Value, Input.Date!.Value, Input.Reason, User.UserId(), NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime), ModelState, t);
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
        CurrentStage = candidate.Stage;
        Stages = CandidateLookups.Stages(t, t["Select_Choose"]);
    }
}

public sealed class MoveStageInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Range(1, 5, ErrorMessage = "Error_StageInvalid")]
    [Display(Name = "Field_ToStage")]
    public int? ToStage { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Candidate.ReasonMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_StageReason")]
    public string? Reason { get; set; }

    public long Version { get; set; }
}
