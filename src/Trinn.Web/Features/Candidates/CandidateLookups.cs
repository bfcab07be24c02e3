using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Candidates;

/// <summary>Lists for the select boxes of the candidate pages, with Norwegian labels from the resources.</summary>
internal static class CandidateLookups
{
    public static async Task<List<SelectListItem>> SpecialistsAsync(TrinnDbContext db, int teamId, string emptyText)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Jobbspesialist).Select(r => r.Id).SingleAsync();
        var items = await db.Users.AsNoTracking()
            .Where(u => u.TeamId == teamId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id))
            .ToListAsync();
        items.Insert(0, new SelectListItem(emptyText, ""));
        return items;
    }

    public static List<SelectListItem> Stages(IStringLocalizer<SharedResource> t, string? emptyText = null)
    {
        var items = Enumerable.Range(Trinn.Core.Candidates.Stages.First, Trinn.Core.Candidates.Stages.Last)
            .Select(s => new SelectListItem(StageName(t, s), s.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        if (emptyText is not null)
        {
            items.Insert(0, new SelectListItem(emptyText, ""));
        }

        return items;
    }

    public static string StageName(IStringLocalizer<SharedResource> t, int stage) => t["Stage_" + stage.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public static string StatusName(IStringLocalizer<SharedResource> t, CandidateStatus status, int stage) => status switch
    {
        CandidateStatus.Active => t["Status_Active", stage],
        CandidateStatus.AwaitingSpecialist or CandidateStatus.Discharged or _ => t["CandidateStatus_" + status],
    };

    public static async Task<List<SelectListItem>> NavVeiledereAsync(TrinnDbContext db, string emptyText)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.NavVeileder).Select(r => r.Id).SingleAsync();
        var items = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id))
            .ToListAsync();
        items.Insert(0, new SelectListItem(emptyText, ""));
        return items;
    }

    public static async Task<bool> IsInRoleAsync(UserManager<TrinnUser> users, string userId, string role) =>
        await users.FindByIdAsync(userId) is { } user && await users.IsInRoleAsync(user, role);
}
