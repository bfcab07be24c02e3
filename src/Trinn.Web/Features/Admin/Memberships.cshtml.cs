using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.Teams;
using Trinn.Web.Features.Overview;

namespace Trinn.Web.Features.Admin;

/// <summary>
/// One user's team and FTE over time. The indicators count a specialist for each team for their part of a period with
/// the FTE of that part, so a change of team or FTE is recorded from a date, and the running stretch ends the day before.
/// </summary>
public sealed class MembershipsModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<IndicatorsResource> l, TimeProvider time) : PageModel
{
    [BindProperty]
    public MembershipInput Input { get; set; } = new();

    public string UserName { get; private set; } = "";

    public string? CurrentTeam { get; private set; }

    public decimal? CurrentFte { get; private set; }

    public IReadOnlyList<MembershipRow> History { get; private set; } = [];

    public List<SelectListItem> TeamItems { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new MembershipInput { From = NorwegianTime.Today(time), TeamId = await db.Users.Where(u => u.Id == id).Select(u => u.TeamId).SingleAsync(), Fte = CurrentFte };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return NotFound();
        }

        if (Input.TeamId is { } team && !await db.Teams.AnyAsync(x => x.Id == team))
        {
            ModelState.AddModelError("Input.TeamId", t["Error_UnknownTeam"]);
        }

        if (ModelState.IsValid)
        {
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
            {
                var history = await db.Set<TeamMembership>().Where(m => m.UserId == id).OrderBy(m => m.From).ToListAsync();
                TeamMembership.Change(user, history, Input.TeamId, Input.Fte, Input.From, NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime);
                db.AddRange(history.Where(m => m.Id == 0));
            }, ModelState, t, Text);
            if (outcome == SaveOutcome.Saved)
            {
                Message = l["Memberships_Saved"];
                return RedirectToPage(new { id });
            }
        }

        await LoadAsync(id);
        return Page();
    }

    private string Text(DomainException ex)
    {
        var own = l[ex.MessageKey];
        var label = ex.Field == "Fte" ? "Field_Fte" : "Field_MembershipFrom";
        return own.ResourceNotFound ? t[ex.MessageKey, t[label]].Value : own.Value;
    }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.UserName, u.DisplayName, Team = u.Team!.Name, u.Fte }).SingleOrDefaultAsync();
        if (user is null)
        {
            return false;
        }

        UserName = $"{user.DisplayName} ({user.UserName})";
        CurrentTeam = user.Team;
        CurrentFte = user.Fte;
        History = await db.Set<TeamMembership>().AsNoTracking().Where(m => m.UserId == id).OrderByDescending(m => m.From)
            .Select(m => new MembershipRow(m.From, m.To, m.Team!.Name, m.Fte)).ToListAsync();
        TeamItems = await db.TeamItemsAsync(l["Memberships_NoTeam"]);
        return true;
    }
}

public sealed record MembershipRow(DateOnly From, DateOnly? To, string Team, decimal Fte);

public sealed class MembershipInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_MembershipFrom")]
    public DateOnly? From { get; set; }

    [Display(Name = "Field_Team")]
    public int? TeamId { get; set; }

    [Range(0.1, 1.0, ErrorMessage = "Error_FteRange")]
    [Display(Name = "Field_Fte")]
    public decimal? Fte { get; set; }
}
