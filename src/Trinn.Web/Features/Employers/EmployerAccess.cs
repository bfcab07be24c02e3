using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Web.Infrastructure;

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

    /// <summary>Select items for an enum, labelled "EnumName_Value" from the given resource.</summary>
    public static List<SelectListItem> EnumItems<TEnum>(IStringLocalizer t, string? emptyText = null)
        where TEnum : struct, Enum
    {
        var items = Enum.GetValues<TEnum>()
            .Select(v => new SelectListItem(t[typeof(TEnum).Name + "_" + v], Convert.ToInt32(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)))
            .ToList();
        if (emptyText is not null)
        {
            items.Insert(0, new SelectListItem(emptyText, ""));
        }

        return items;
    }

    public static string EnumName<TEnum>(IStringLocalizer t, TEnum value)
        where TEnum : struct, Enum => t[typeof(TEnum).Name + "_" + value];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Employer {EmployerId} was requested by user {UserId} who may not see it")]
    public static partial void LogEmployerNotVisible(this ILogger logger, int employerId, string userId);
}
