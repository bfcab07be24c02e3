using System.Linq.Expressions;
using System.Security.Claims;
using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Candidates;

internal static partial class CandidateAccess
{
    /// <summary>
    /// The candidates a user may see: a team member sees the team's candidates (they back each other up);
    /// every other role sees none. The check sits in the query, so a guessed id from another team finds nothing.
    /// </summary>
    public static IQueryable<Candidate> VisibleTo(this IQueryable<Candidate> candidates, ClaimsPrincipal user)
    {
        var teamId = user.VisibleTeamId();
        return teamId is null ? candidates.Where(_ => false) : candidates.Where(c => c.TeamId == teamId);
    }

    /// <summary>The team whose candidates the user sees (<see cref="VisibleTo"/>), or null: none.</summary>
    public static int? VisibleTeamId(this ClaimsPrincipal user) => user.IsTeamMember() ? user.TeamId() : null;

    /// <summary>Loads a candidate for a change (tracked), or null after logging the refused attempt.</summary>
    public static async Task<Candidate?> FindForEditAsync(
        this TrinnDbContext db, int id, ClaimsPrincipal user, ILogger logger, Func<IQueryable<Candidate>, IQueryable<Candidate>>? include = null)
    {
        var query = db.Candidates.VisibleTo(user);
        if (include is not null)
        {
            query = include(query);
        }

        var candidate = await query.SingleOrDefaultAsync(c => c.Id == id);
        if (candidate is null)
        {
            await db.AuditDeniedAsync(id, user, logger);
        }

        return candidate;
    }

    /// <summary>
    /// Reads one candidate the user may see through <paramref name="select"/> and audits the read as
    /// <paramref name="entityType"/>; null, after logging and auditing the refused attempt, when the user may not see it.
    /// </summary>
    public static async Task<T?> ReadVisibleAsync<T>(
        this TrinnDbContext db, int id, ClaimsPrincipal user, Expression<Func<Candidate, T>> select, string entityType, ILogger logger)
        where T : class
    {
        var row = await db.Candidates.AsNoTracking().VisibleTo(user).Where(c => c.Id == id).Select(select).SingleOrDefaultAsync();
        if (row is null)
        {
            await db.AuditDeniedAsync(id, user, logger);
            return null;
        }

        await db.AuditReadAsync(entityType, id);
        return row;
    }

    /// <summary>
    /// Records that the signed-in user read these candidates' personal data (GDPR art. 15: who has seen what). Every
    /// route that shows candidate data calls this (an empty list too: "audited, nothing shown"); see <see cref="CandidateReadAudit"/>.
    /// </summary>
    public static Task AuditReadAsync(this TrinnDbContext db, string entityType, params IReadOnlyCollection<int> candidateIds) =>
        db.AuditReadsAsync((entityType, candidateIds));

    /// <summary>
    /// Records several reads of one request (a page and the warnings shown on it) as one list of entries, so the request
    /// waits for one durable audit commit rather than one per read; each read keeps its own entity type.
    /// </summary>
    public static async Task AuditReadsAsync(this TrinnDbContext db, params IReadOnlyCollection<(string EntityType, IReadOnlyCollection<int> CandidateIds)> reads)
    {
        await db.AuditAsync(reads.SelectMany(r => r.CandidateIds.Distinct().Select(id =>
            new AuditEvent(AuditAction.Read, r.EntityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, null))).ToList());
        CandidateReadAudit.MarkAudited();
    }

    /// <summary>Records an export of everything about one candidate (GDPR art. 15 copy).</summary>
    public static async Task AuditExportAsync(this TrinnDbContext db, string entityType, int candidateId, CancellationToken ct = default)
    {
        await db.AuditAsync([new AuditEvent(AuditAction.Export, entityType, candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), candidateId, null)], ct);
        CandidateReadAudit.MarkAudited();
    }

    /// <summary>Logs (ids only) and audits an attempt to open a candidate the user may not see.</summary>
    public static async Task AuditDeniedAsync(this TrinnDbContext db, int candidateId, ClaimsPrincipal user, ILogger logger)
    {
        logger.LogCandidateNotVisible(candidateId, user.UserId());
        await db.AuditAsync([new AuditEvent(AuditAction.AccessDenied, nameof(Candidate), candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), candidateId, null)]);
        CandidateReadAudit.MarkAudited();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate {CandidateId} was requested by user {UserId} who may not see it")]
    public static partial void LogCandidateNotVisible(this ILogger logger, int candidateId, string userId);
}
