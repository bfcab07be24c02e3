using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Trinn.Web.Features.Admin;

internal static class AdminAccess
{
    /// <summary>Every team as a choice, by name, after a first choice of no team worded by <paramref name="none"/>.</summary>
    public static async Task<List<SelectListItem>> TeamItemsAsync(this TrinnDbContext db, string none)
    {
        var items = await db.Teams.AsNoTracking().OrderBy(x => x.Name)
            .Select(x => new SelectListItem(x.Name, x.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync();
        items.Insert(0, new SelectListItem(none, ""));
        return items;
    }
}
