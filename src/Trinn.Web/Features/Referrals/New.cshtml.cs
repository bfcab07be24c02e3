using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Trinn.Core.Candidates;
using Trinn.Core.NationalIds;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Referrals;

public sealed class NewModel(
    TrinnDbContext db,
    ReferralRegistration registration,
    IOptions<NationalIdOptions> idOptions,
    IStringLocalizer<SharedResource> t,
    TimeProvider time) : PageModel
{
    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public List<SelectListItem> NavVeiledere { get; private set; } = [];

    public List<SelectListItem> Innsatsgrupper { get; private set; } = [];

    public List<SelectListItem> Teams { get; private set; } = [];

    public List<SelectListItem> Specialists { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.ReferredOn = NorwegianTime.Today(time);
        Input.TeamId = User.TeamId();
        await LoadListsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            foreach (var (field, key) in await registration.ValidateAsync(Input, User, idOptions.Value.AllowSynthetic))
            {
                ModelState.AddModelError("Input." + field, t[key]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadListsAsync();
            return Page();
        }

        var candidate = await registration.CreateAsync(Input, User);
        return User.IsTeamMember()
            ? RedirectToPage("/Candidates/Details", new { id = candidate.Id })
            : RedirectToPage("/Referrals/Mine");
    }

    private async Task LoadListsAsync()
    {
        var choose = t["Select_Choose"];
        NavVeiledere = await CandidateLookups.NavVeiledereAsync(db, choose);
        Innsatsgrupper = EnumText.Items<Innsatsgruppe>(t, choose);
        Teams = await db.Teams.AsNoTracking().OrderBy(x => x.Name)
            .Select(x => new SelectListItem(x.Name, x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync();
        Teams.Insert(0, new SelectListItem(choose, ""));
        if (User.TeamId() is { } teamId)
        {
            Specialists = await CandidateLookups.SpecialistsAsync(db, teamId, t["Select_None"]);
        }
    }
}
