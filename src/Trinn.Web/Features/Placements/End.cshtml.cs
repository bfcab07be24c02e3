using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Placements;

namespace Trinn.Web.Features.Placements;

/// <summary>
/// Ends a placement and records how it ended. When a paid job ends and no other paid job runs, the page offers
/// to move the candidate back to stage 3 in the same save ("to skritt frem og ett tilbake").
/// </summary>
public sealed class EndModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<PlacementsResource> p, TimeProvider time) : PageModel
{
    [BindProperty]
    public EndPlacementInput Input { get; set; } = new();

    public int CandidateId { get; private set; }

    public string Title { get; private set; } = "";

    public bool OfferBack { get; private set; }

    public List<SelectListItem> Endings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var placement = await db.FindPlacementForEditAsync(id, User);
        if (placement is null)
        {
            return NotFound();
        }

        await ShowAsync(placement);
        Input = new EndPlacementInput { EndDate = NorwegianTime.Today(time), MoveBackToStage3 = OfferBack, Version = placement.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var placement = await db.FindPlacementForEditAsync(id, User);
        if (placement is null)
        {
            return NotFound();
        }

        await ShowAsync(placement);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var today = NorwegianTime.Today(time);
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, placement, Input.Version, x =>
        {
            x.End(Input.EndDate!.Value, Input.Ending, today);
            if (OfferBack && Input.MoveBackToStage3)
            {
                var candidate = x.Candidate!;
                var date = Input.EndDate!.Value < candidate.StageSince ? candidate.StageSince : Input.EndDate!.Value;
                candidate.MoveToStage(PlacementStages.JobFindingStage, date, p["Stage_BackReason", EnumText.Name(p, Input.Ending!.Value)], User.UserId(), today, time.GetUtcNow().UtcDateTime);
            }
        }, ModelState, t, ex => PlacementMessages.For(ex, t, p), field: f => f == "Date" ? "EndDate" : f);
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Placements/Index", new { candidateId = placement.CandidateId });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            Input = new EndPlacementInput { EndDate = placement.EndDate ?? today, Ending = placement.Ending, Version = placement.Version };
        }

        return Page();
    }

    private async Task ShowAsync(Placement placement)
    {
        CandidateId = placement.CandidateId;
        Title = await db.PlacementTitleAsync(placement, p);
        var otherPaidActive = await db.Set<Placement>().AnyAsync(o => o.CandidateId == placement.CandidateId && o.Id != placement.Id
            && o.Ending == null && o.Kind >= PlacementKind.Permanent);
        OfferBack = PlacementStages.OfferBackToJobFinding(placement.Candidate!, placement, otherPaidActive);
        Endings = EnumText.Items<PlacementEnding>(p, t["Select_Choose"]);
    }
}

public sealed class EndPlacementInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_EndDate")]
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Ending")]
    public PlacementEnding? Ending { get; set; }

    [Display(Name = "Field_MoveBackToStage3")]
    public bool MoveBackToStage3 { get; set; }

    public long Version { get; set; }
}
