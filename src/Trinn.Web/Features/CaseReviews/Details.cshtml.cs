using Trinn.Core.CaseReviews;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.CaseReviews;

/// <summary>One case review as the team recorded it, with a link to the candidate.</summary>
[ReadsCandidateData]
public sealed class DetailsModel(TrinnDbContext db, ILogger<DetailsModel> logger) : PageModel
{
    public CaseReview Review { get; private set; } = default!;

    public string CandidateName { get; private set; } = "";

    public string? RecordedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var review = await db.Set<CaseReview>().AsNoTracking().VisibleTo(User).Include(r => r.Tags).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var candidate = await db.ReadVisibleAsync(review.CandidateId, User, c => new { Name = c.FirstName + " " + c.LastName }, AuditEntities.CaseReviewPage, logger);
        (Review, CandidateName) = (review, candidate?.Name ?? "");
        RecordedBy = review.RecordedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync() : null;
        return Page();
    }
}
