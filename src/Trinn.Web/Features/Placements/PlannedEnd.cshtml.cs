using System.ComponentModel.DataAnnotations;
using Trinn.Core.Placements;

namespace Trinn.Web.Features.Placements;

/// <summary>
/// Changes the planned last day of a placement that runs: a temporary job that is extended (so measures can start in
/// the new period), or a planned end entered wrongly. Ending the job is the End page.
/// </summary>
public sealed class PlannedEndModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<PlacementsResource> p) : PageModel
{
    [BindProperty]
    public PlannedEndInput Input { get; set; } = new();

    public int CandidateId { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly StartDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var placement = await db.FindPlacementForEditAsync(id, User);
        if (placement is null)
        {
            return NotFound();
        }

        await ShowAsync(placement);
        Input = new PlannedEndInput { PlannedEnd = placement.EndDate, Version = placement.Version };
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

        var latestMeasure = placement.Measures.Select(m => m.FromDate).Max();
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, placement, Input.Version, x => x.ChangePlannedEnd(Input.PlannedEnd),
            ModelState, t, ex => PlacementMessages.For(ex, t, p, latestMeasure is { } d ? NorwegianTime.Format(d) : ""),
            field: f => f == nameof(Placement.EndDate) ? "PlannedEnd" : f);
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Placements/Index", new { candidateId = placement.CandidateId });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            Input = new PlannedEndInput { PlannedEnd = placement.EndDate, Version = placement.Version };
        }

        return Page();
    }

    private async Task ShowAsync(Placement placement)
    {
        CandidateId = placement.CandidateId;
        StartDate = placement.StartDate;
        Title = await db.PlacementTitleAsync(placement, p);
    }
}

public sealed class PlannedEndInput
{
    [Display(Name = "Field_PlannedEnd")]
    public DateOnly? PlannedEnd { get; set; }

    public long Version { get; set; }
}
