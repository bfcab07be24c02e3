using System.Security.Claims;
using Trinn.Core.Identity;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Audit;

/// <summary>
/// Who has accessed a candidate (for a request for access under GDPR art. 15). A metodeveileder sees the
/// candidates of their own team; an admin sees all.
/// </summary>
[ReadsCandidateData]
public sealed class CandidateModel(TrinnDbContext db, ILogger<CandidateModel> logger) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public int CandidateId { get; private set; }

    public IReadOnlyList<AccessRow> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await AuditAccess.MaySeeAsync(db, User, id))
        {
            await db.AuditDeniedAsync(id, User, logger);
            return NotFound();
        }

        // Who has seen a person is itself information about that person.
        await db.AuditReadAsync(AuditEntities.AccessLog, id);
        CandidateId = id;
        var query = db.Set<AuditEntry>().AsNoTracking().Where(e => e.CandidateId == id);
        var total = await query.CountAsync();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, Request.Query);
        Rows = await query.OrderByDescending(e => e.Sequence).Skip(Pager.Skip).Take(PageSize)
            .Select(e => new AccessRow(e.AtUtc, db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(), e.Role, e.Action, e.EntityType))
            .ToListAsync();
        return Page();
    }
}

public sealed record AccessRow(DateTime AtUtc, string? Who, string? Role, AuditAction Action, string EntityType);

internal static class AuditAccess
{
    public static async Task<bool> MaySeeAsync(TrinnDbContext db, ClaimsPrincipal user, int candidateId)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return await db.Candidates.AnyAsync(c => c.Id == candidateId);
        }

        var teamId = user.IsInRole(Roles.Metodeveileder) ? Infrastructure.ClaimsPrincipalExtensions.TeamId(user) : null;
        return teamId is not null && await db.Candidates.AnyAsync(c => c.Id == candidateId && c.TeamId == teamId);
    }
}
