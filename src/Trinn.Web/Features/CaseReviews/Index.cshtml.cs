using Trinn.Core.CaseReviews;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.CaseReviews;

/// <summary>
/// The team's case reviews, newest first, with the candidate by initials only; search the lessons by tag or by words
/// in what the team wrote. For the metodeveileder preparing a team meeting.
/// </summary>
[ReadsCandidateData]
public sealed class IndexModel(TrinnDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "tagg")]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "sok")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CaseReviewListItem> Rows { get; private set; } = [];

    public IReadOnlyList<(string Tag, int Count)> PopularTags { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync()
    {
        var query = CaseReviewQueries.Search(db.Set<CaseReview>().AsNoTracking().VisibleTo(User), Tag, Query);
        var total = await query.CountAsync();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, Request.Query);
        Rows = await CaseReviewQueries.ListAsync(query.OrderByDescending(r => r.ScheduledFor).ThenByDescending(r => r.Id).Skip(Pager.Skip).Take(PageSize));
        var teamReviews = db.Set<CaseReview>().AsNoTracking().VisibleTo(User).Select(r => r.Id);
        PopularTags = (await db.Set<CaseReviewTag>().AsNoTracking().Where(t => teamReviews.Contains(t.CaseReviewId))
                .GroupBy(t => t.Tag).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(20).ToListAsync())
            .Select(g => (g.Key, g.Count)).ToList();
        await db.AuditReadAsync(AuditEntities.CaseReviewList, Rows.Select(r => r.CandidateId).Distinct().ToList());
    }
}

public sealed record CaseReviewListItem(
    int Id, int CandidateId, string Initials, CaseReviewReason Reason, DateOnly ScheduledFor, DateOnly? HeldOn, IReadOnlyList<string> Tags, string? DoDifferently);

internal static class CaseReviewQueries
{
    /// <summary>Filters by an exact tag and by words in the texts (lower-cased search column, the same on both databases).</summary>
    public static IQueryable<CaseReview> Search(IQueryable<CaseReview> reviews, string? tag, string? text)
    {
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var wanted = CaseReview.NormaliseTag(tag);
            reviews = reviews.Where(r => r.Tags.Any(t => t.Tag == wanted));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var words = text.Trim().ToLower(System.Globalization.CultureInfo.InvariantCulture);
            reviews = reviews.Where(r => r.SearchText != null && r.SearchText.Contains(words));
        }

        return reviews;
    }

    public static async Task<IReadOnlyList<CaseReviewListItem>> ListAsync(IQueryable<CaseReview> page)
    {
        var rows = await page.Select(r => new
        {
            r.Id,
            r.CandidateId,
            First = r.Candidate!.FirstName,
            Last = r.Candidate.LastName,
            r.Reason,
            r.ScheduledFor,
            r.HeldOn,
            Tags = r.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
            r.DoDifferently,
        }).ToListAsync();
        return rows.Select(r => new CaseReviewListItem(r.Id, r.CandidateId, CaseReview.Initials(r.First, r.Last), r.Reason, r.ScheduledFor, r.HeldOn, r.Tags, r.DoDifferently)).ToList();
    }
}
