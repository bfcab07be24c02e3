using System.Security.Claims;
using Trinn.Core.Employers;

namespace Trinn.Web.Features.Employers;

internal static partial class EmployerAccess
{
    /// <summary>The team's employer register; other roles and other teams see nothing (the check is in the query).</summary>
    public static IQueryable<Employer> VisibleTo(this IQueryable<Employer> employers, ClaimsPrincipal user)
    {
        var teamId = user.IsTeamMember() ? user.TeamId() : null;
        return teamId is null ? employers.Where(_ => false) : employers.Where(e => e.TeamId == teamId);
    }

    public static async Task<Employer?> FindEmployerForEditAsync(this TrinnDbContext db, int id, ClaimsPrincipal user, ILogger logger)
    {
        var employer = await db.Set<Employer>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == id);
        if (employer is null)
        {
            logger.LogEmployerNotVisible(id, user.UserId());
        }

        return employer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Employer {EmployerId} was requested by user {UserId} who may not see it")]
    public static partial void LogEmployerNotVisible(this ILogger logger, int employerId, string userId);
}
