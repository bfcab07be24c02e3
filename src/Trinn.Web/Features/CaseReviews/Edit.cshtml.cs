using System.ComponentModel.DataAnnotations;
using Trinn.Core.CaseReviews;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.CaseReviews;

/// <summary>The team records a case review: what happened, what worked, what did not, what it will do differently, and tags.</summary>
[ReadsCandidateData]
public sealed class EditModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<CaseReviewsResource> r, TimeProvider time, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public RecordReviewInput Input { get; set; } = new();

    public CaseReviewHeader Header { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var review = await LoadAsync(id);
        if (review is null)
        {
            return NotFound();
        }

        Input = new RecordReviewInput
        {
            HeldOn = review.HeldOn ?? NorwegianTime.Today(time),
            WhatHappened = review.WhatHappened,
            WhatWorked = review.WhatWorked,
            WhatDidNotWork = review.WhatDidNotWork,
            DoDifferently = review.DoDifferently,
            Tags = string.Join(", ", review.Tags.OrderBy(x => x.Tag).Select(x => x.Tag)),
            Version = review.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var review = await LoadAsync(id);
        if (review is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, review, Input.Version,
                x => x.Record(Input.HeldOn, Input.WhatHappened, Input.WhatWorked, Input.WhatDidNotWork, Input.DoDifferently, Input.Tags, User.UserId(), NorwegianTime.Today(time)),
                ModelState, t, ex => DomainMessages.For(ex, r, t, _ => CaseReview.TextMaxLength));
            if (outcome == SaveOutcome.Saved)
            {
                return RedirectToPage("/CaseReviews/Details", new { id });
            }

            if (outcome == SaveOutcome.Conflict)
            {
                Input.Version = review.Version;
            }
        }

        return Page();
    }

    /// <summary>The review, tracked with its tags, when it belongs to the user's team (its candidate's read is audited).</summary>
    private async Task<CaseReview?> LoadAsync(int id)
    {
        var review = await db.Set<CaseReview>().VisibleTo(User).Include(x => x.Tags).SingleOrDefaultAsync(x => x.Id == id);
        if (review is null)
        {
            return null;
        }

        var candidate = await db.ReadVisibleAsync(review.CandidateId, User, c => new { Name = c.FirstName + " " + c.LastName }, AuditEntities.CaseReviewPage, logger);
        Header = new CaseReviewHeader(review.Id, review.CandidateId, candidate?.Name ?? "", review.Reason, review.ScheduledFor);
        return review;
    }
}

public sealed record CaseReviewHeader(int Id, int CandidateId, string CandidateName, CaseReviewReason Reason, DateOnly ScheduledFor);

public sealed class RecordReviewInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_HeldOn")]
    public DateOnly? HeldOn { get; set; }

    [StringLength(CaseReview.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_WhatHappened")]
    public string? WhatHappened { get; set; }

    [StringLength(CaseReview.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_WhatWorked")]
    public string? WhatWorked { get; set; }

    [StringLength(CaseReview.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_WhatDidNotWork")]
    public string? WhatDidNotWork { get; set; }

    [StringLength(CaseReview.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_DoDifferently")]
    public string? DoDifferently { get; set; }

    [StringLength(CaseReview.MaxTags * (CaseReview.TagMaxLength + 2), ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Tags")]
    public string? Tags { get; set; }

    public long Version { get; set; }
}
