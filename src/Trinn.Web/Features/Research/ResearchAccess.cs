using System.Globalization;
using System.Security.Claims;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Research;

/// <summary>
/// The studies a forsker may see: those an admin granted them (<see cref="StudyResearcher"/>). The check is in the query,
/// so another study's id finds nothing; a refused id answers 404 and is audited.
/// </summary>
internal static partial class ResearchAccess
{
    public static IQueryable<Study> GrantedTo(this IQueryable<Study> studies, TrinnDbContext db, ClaimsPrincipal user)
    {
        var me = user.UserId();
        return studies.Where(s => db.Set<StudyResearcher>().Any(r => r.StudyId == s.Id && r.UserId == me));
    }

    /// <summary>The study's name when the user was granted it; null, after logging and auditing the refusal, otherwise.</summary>
    public static async Task<string?> GrantedStudyNameAsync(this TrinnDbContext db, int id, ClaimsPrincipal user, ILogger logger, CancellationToken ct = default)
    {
        var name = await db.Set<Study>().AsNoTracking().GrantedTo(db, user).Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            LogStudyNotGranted(logger, id, user.UserId());
            await db.AuditAsync([new AuditEvent(AuditAction.AccessDenied, nameof(Study), id.ToString(CultureInfo.InvariantCulture), null, null)], ct);
        }

        return name;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Study {StudyId} was requested by user {UserId} who has no grant for it")]
    private static partial void LogStudyNotGranted(ILogger logger, int studyId, string userId);
}
