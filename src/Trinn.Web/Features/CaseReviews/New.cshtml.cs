using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.CaseReviews;

/// <summary>The metodeveileder schedules a case review of one of the team's candidates, often a discharge without work or a lost job.</summary>
[ReadsCandidateData]
public sealed class NewModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<CaseReviewsResource> r, TimeProvider time, ILogger<NewModel> logger) : PageModel
{
    /// <summary>Candidates offered in the list when none is chosen: the team's latest, never the whole table.</summary>
    public const int CandidatesOffered = 300;

    [BindProperty]
    public ScheduleReviewInput Input { get; set; } = new();

    public string? CandidateName { get; private set; }

    public List<SelectListItem> Candidates { get; private set; } = [];

    public List<SelectListItem> Reasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? candidateId)
    {
        if (candidateId is { } id)
        {
            var candidate = await db.ReadVisibleAsync(id, User, c => new { c.Id, Name = c.FirstName + " " + c.LastName, c.DischargeOutcome }, AuditEntities.CaseReviewNewPage, logger);
            if (candidate is null)
            {
                return NotFound();
            }

            CandidateName = candidate.Name;
            Input = new ScheduleReviewInput
            {
                CandidateId = candidate.Id,
                Reason = candidate.DischargeOutcome is { } o && !DischargeOutcomeDefinitions.IsWork(o) ? CaseReviewReason.DischargedWithoutWork : null,
            };
        }

        Input.Date = NorwegianTime.Today(time).AddDays(7);
        await ShowAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? candidateId)
    {
        var chosen = candidateId ?? Input.CandidateId;
        var candidate = chosen is { } id
            ? await db.Candidates.AsNoTracking().VisibleTo(User).Where(c => c.Id == id).Select(c => new { c.Id, c.TeamId, Name = c.FirstName + " " + c.LastName }).SingleOrDefaultAsync()
            : null;
        if (chosen is { } denied && candidate is null)
        {
            await db.AuditDeniedAsync(denied, User, logger);
            if (candidateId is not null)
            {
                return NotFound();
            }

            ModelState.AddModelError("Input.CandidateId", r["Error_CandidateNotInTeam"]);
        }

        CandidateName = candidateId is null ? null : candidate?.Name;
        await ShowAsync();
        if (!ModelState.IsValid || candidate is null)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            db.Add(CaseReview.Schedule(candidate.TeamId, candidate.Id, Input.Reason, Input.Date, User.UserId(), time.GetUtcNow().UtcDateTime));
            return Task.CompletedTask;
        }, ModelState, t, ex => DomainMessages.For(ex, r, t, _ => CaseReview.TextMaxLength), "Input.");
        return outcome == SaveOutcome.Saved ? RedirectToPage("/CaseReviews/Index") : Page();
    }

    private async Task ShowAsync()
    {
        Reasons = Enum.GetValues<CaseReviewReason>()
            .Select(x => new SelectListItem(r["CaseReviewReason_" + x], ((int)x).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(t["Select_Choose"], "")).ToList();
        if (CandidateName is null)
        {
            var rows = await db.Candidates.AsNoTracking().VisibleTo(User)
                .OrderBy(c => c.DischargedOn == null).ThenByDescending(c => c.DischargedOn).ThenBy(c => c.LastName)
                .Take(CandidatesOffered)
                .Select(c => new { c.Id, c.FirstName, c.LastName, c.DischargedOn })
                .ToListAsync();
            await db.AuditReadAsync(AuditEntities.CaseReviewCandidatePicker, rows.Select(c => c.Id).ToList());
            Candidates = rows.Select(c => new SelectListItem(c.FirstName + " " + c.LastName + (c.DischargedOn is null ? "" : " (" + r["New_Discharged", NorwegianTime.Format(c.DischargedOn)] + ")"),
                    c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Prepend(new SelectListItem(t["Select_Choose"], "")).ToList();
        }
    }
}

public sealed class ScheduleReviewInput
{
    [Display(Name = "Field_ReviewCandidate")]
    public int? CandidateId { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ReviewReason")]
    public CaseReviewReason? Reason { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ReviewDate")]
    public DateOnly? Date { get; set; }
}
