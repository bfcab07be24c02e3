using System.ComponentModel.DataAnnotations;
using Trinn.Core.Placements;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Placements;

/// <summary>
/// Marks a wage subsidy (lønnstilskudd) reviewed and sets the next review date, so it does not "roll" without review.
/// A review whose next date is still ahead ends the warning on Min portefølje and the team view.
/// </summary>
[ReadsCandidateData]
public sealed class ReviewModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<PlacementsResource> p, TimeProvider time, ILogger<ReviewModel> logger) : PageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public int CandidateId { get; private set; }

    public string Title { get; private set; } = "";

    public SupportMeasure? Measure { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var measure = await FindAsync(id);
        if (measure is null)
        {
            return NotFound();
        }

        await ShowAsync(measure);
        // The date now due has passed or is today, so it cannot be the next one: suggest the subsidy's own cadence again.
        var today = NorwegianTime.Today(time);
        Input = new ReviewInput { LastReviewedOn = today, NextReviewDate = measure.SuggestNextReview(today), ReviewNote = measure.ReviewNote, Version = measure.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var measure = await FindAsync(id);
        if (measure is null)
        {
            return NotFound();
        }

        await ShowAsync(measure);
        if (measure.Placement!.Ending is not null)
        {
            ModelState.AddModelError(string.Empty, p["Error_PlacementEnded"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(
            db, measure, Input.Version, m => m.Review(Input.LastReviewedOn!.Value, Input.NextReviewDate, NorwegianTime.Today(time), Input.ReviewNote),
            ModelState, t, ex => PlacementMessages.For(ex, t, p));
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Placements/Index", new { candidateId = measure.Placement.CandidateId });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            Input = new ReviewInput { LastReviewedOn = measure.LastReviewedOn, NextReviewDate = measure.NextReviewDate, ReviewNote = measure.ReviewNote, Version = measure.Version };
        }

        return Page();
    }

    private async Task<SupportMeasure?> FindAsync(int id)
    {
        var measure = await db.FindWageSubsidyForEditAsync(id, User);
        if (measure is null)
        {
            logger.LogMeasureNotVisible(id, User.UserId());
        }

        return measure;
    }

    private async Task ShowAsync(SupportMeasure measure)
    {
        Measure = measure;
        CandidateId = measure.Placement!.CandidateId;
        Title = measure.Placement.Employer!.Name;
        await db.AuditReadAsync(AuditEntities.WageSubsidyReviewPage, CandidateId);
    }
}

public sealed class ReviewInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ReviewedOn")]
    public DateOnly? LastReviewedOn { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_NextReviewDate")]
    public DateOnly? NextReviewDate { get; set; }

    [StringLength(SupportMeasure.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_ReviewNote")]
    public string? ReviewNote { get; set; }

    public long Version { get; set; }
}

internal static partial class ReviewLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Support measure {MeasureId} was requested by user {UserId} who may not review it")]
    public static partial void LogMeasureNotVisible(this ILogger logger, int measureId, string userId);
}
