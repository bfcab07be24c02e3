using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Placements;

namespace Trinn.Web.Features.Placements;

/// <summary>Adds a support measure (virkemiddel) to an open placement; each kind has its own required fields.</summary>
public sealed class MeasureModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<PlacementsResource> p, TimeProvider time) : PageModel
{
    [BindProperty]
    public MeasureInput Input { get; set; } = new();

    public int CandidateId { get; private set; }

    public string Title { get; private set; } = "";

    public List<SelectListItem> Kinds { get; private set; } = [];

    /// <summary>The measures this placement's kind may carry, said on the form before anyone tries another.</summary>
    public IReadOnlyList<SupportMeasureKind> AllowedHere { get; private set; } = [];

    /// <summary>The job's first day (dd.mm.yyyy), the earliest a measure may start.</summary>
    public string JobStart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var placement = await db.FindPlacementForEditAsync(id, User);
        if (placement is null)
        {
            return NotFound();
        }

        await ShowAsync(placement);
        Input = new MeasureInput { FromDate = placement.StartDate };
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
        if (placement.Ending is not null)
        {
            ModelState.AddModelError(string.Empty, p["Error_PlacementEnded"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var measure = Input.Kind!.Value switch
            {
                SupportMeasureKind.Lonnstilskudd => SupportMeasure.Lonnstilskudd(Input.Percent, Input.FromDate, Input.ToDate, Input.NextReviewDate, now),
                SupportMeasureKind.Mentortilskudd => SupportMeasure.Mentortilskudd(Input.MentorName, Input.HoursPerMonth, Input.FromDate, Input.ToDate, now),
                SupportMeasureKind.Inkluderingstilskudd => SupportMeasure.Inkluderingstilskudd(Input.Amount, Input.Text, now),
                SupportMeasureKind.Tilretteleggingsplan or _ => SupportMeasure.Tilretteleggingsplan(Input.Text, Input.FromDate, now),
            };
            if (measure.Kind == SupportMeasureKind.Mentortilskudd)
            {
                measure.DescribeMentor(Input.MentorMandate, Input.MentorTraining, Input.JointFrom, Input.JointTo);
            }

            // The rules decide which measures this kind of placement may carry (a wage subsidy only on paid work).
            placement.AddMeasure(measure);
            return Task.CompletedTask;
        }, ModelState, t, ex => PlacementMessages.For(ex, t, p, JobStart, placement.EndDate is { } end ? NorwegianTime.Format(end) : ""));
        return outcome == SaveOutcome.Saved
            ? RedirectToPage("/Placements/Index", new { candidateId = placement.CandidateId })
            : Page();
    }

    private async Task ShowAsync(Placement placement)
    {
        CandidateId = placement.CandidateId;
        Title = await db.PlacementTitleAsync(placement, p);
        Kinds = EnumText.Items<SupportMeasureKind>(p, t["Select_Choose"]);
        JobStart = NorwegianTime.Format(placement.StartDate);
        AllowedHere = Enum.GetValues<SupportMeasureKind>().Where(k => SupportMeasureRules.Allowed(k, placement.Kind)).ToList();
    }
}

public sealed class MeasureInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_MeasureKind")]
    public SupportMeasureKind? Kind { get; set; }

    [Display(Name = "Field_Percent")]
    public int? Percent { get; set; }

    [Display(Name = "Field_FromDate")]
    public DateOnly? FromDate { get; set; }

    [Display(Name = "Field_ToDate")]
    public DateOnly? ToDate { get; set; }

    [Display(Name = "Field_NextReviewDate")]
    public DateOnly? NextReviewDate { get; set; }

    [StringLength(100, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_MentorName")]
    public string? MentorName { get; set; }

    [Display(Name = "Field_HoursPerMonth")]
    public int? HoursPerMonth { get; set; }

    [Display(Name = "Field_Amount")]
    public int? Amount { get; set; }

    [StringLength(SupportMeasure.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_MeasureText")]
    public string? Text { get; set; }

    [StringLength(SupportMeasure.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_MentorMandate")]
    public string? MentorMandate { get; set; }

    [StringLength(SupportMeasure.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_MentorTraining")]
    public string? MentorTraining { get; set; }

    [Display(Name = "Field_JointFrom")]
    public DateOnly? JointFrom { get; set; }

    [Display(Name = "Field_JointTo")]
    public DateOnly? JointTo { get; set; }
}
