using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Core.Identity;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Features.Employers;

/// <summary>
/// Each job specialist's employer contacts in one ISO week against the Kvalitetsveileder's six a week. This target
/// is one of the two that apply to the individual (DOMAIN.md), so it is shown per specialist.
/// </summary>
public sealed class WeekModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<EmployersResource> e) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "week")]
    public string? WeekText { get; set; }

    public IsoWeek Week { get; private set; }

    public string? WeekError { get; private set; }

    public IReadOnlyList<WeekRow> Rows { get; private set; } = [];

    public int Target => EmployerContactTarget.PerWeek;

    public async Task OnGetAsync()
    {
        Week = IsoWeek.Of(NorwegianTime.Today(time));
        if (!string.IsNullOrEmpty(WeekText))
        {
            if (IsoWeek.TryParse(WeekText, out var parsed))
            {
                Week = parsed;
            }
            else
            {
                WeekError = e["Error_WeekFormat"];
            }
        }

        var teamId = User.TeamId()!.Value;
        var (from, to) = (Week.Monday, Week.Sunday);
        var counts = await db.Set<EmployerContact>().AsNoTracking()
            .Where(c => c.Employer!.TeamId == teamId && c.Date >= from && c.Date <= to)
            .GroupBy(c => c.SpecialistId)
            .Select(g => new { SpecialistId = g.Key, Contacts = g.Count(), New = g.Count(c => c.FirstContact) })
            .ToListAsync();
        var roleId = await db.Roles.Where(r => r.Name == Roles.Jobbspesialist).Select(r => r.Id).SingleOrDefaultAsync();
        var specialists = await db.Users.AsNoTracking()
            .Where(u => u.TeamId == teamId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync();
        var others = counts.Select(c => c.SpecialistId).Except(specialists.Select(s => s.Id)).ToList();
        if (others.Count > 0)
        {
            specialists.AddRange(await db.Users.AsNoTracking().Where(u => others.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync());
        }

        Rows = specialists
            .Select(s =>
            {
                var c = counts.SingleOrDefault(x => x.SpecialistId == s.Id);
                return new WeekRow(s.Id, s.DisplayName, c?.Contacts ?? 0, c?.New ?? 0);
            })
            .OrderBy(r => r.Name, StringComparer.Create(PagesSetup.Norwegian, false))
            .ToList();
    }
}

public sealed record WeekRow(string SpecialistId, string Name, int Contacts, int NewEmployers)
{
    public bool MeetsTarget => Contacts >= EmployerContactTarget.PerWeek;
}

