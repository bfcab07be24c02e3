using System.ComponentModel.DataAnnotations;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Studies;

/// <summary>An admin creates a study for some teams or the whole organisation.</summary>
public sealed class NewModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<StudiesResource> s, TimeProvider time) : PageModel
{
    [BindProperty]
    public NewStudyInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public async Task OnGetAsync() => await LoadTeamsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadTeamsAsync();
        var known = Teams.Select(x => x.Id).ToHashSet();
        if (Input.TeamIds.Any(id => !known.Contains(id)))
        {
            ModelState.AddModelError("Input.TeamIds", s["Error_UnknownTeam"]);
        }

        var name = Input.Name?.Trim();
        if (name is not null && await db.Set<Study>().AnyAsync(x => x.Name == name))
        {
            ModelState.AddModelError("Input.Name", s["Error_StudyNameTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            db.Add(Study.Create(Input.Name, Input.WholeOrganisation, Input.TeamIds, User.UserId(), time.GetUtcNow().UtcDateTime));
            return Task.CompletedTask;
        }, ModelState, t, ex => ex.MessageKey switch
        {
            "Error_StudyNoTeams" => s["Error_StudyNoTeams"],
            "Error_TooLong" => t["Error_TooLong", t["Field_StudyName"], Study.NameMaxLength],
            _ => t["Error_Required", t["Field_StudyName"]],
        }, field: f => f == nameof(Study.Teams) ? nameof(Input.TeamIds) : f,
            // The name was free when checked above; a study created with it in the meantime is refused by the unique index.
            taken: UniqueRefusal.Field("Input.Name", s["Error_StudyNameTaken"]));
        return outcome == SaveOutcome.Saved ? RedirectToPage("/Studies/Index") : Page();
    }

    private async Task LoadTeamsAsync() =>
        Teams = (await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync())
            .Select(x => (x.Id, x.Name)).ToList();
}

public sealed class NewStudyInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Study.NameMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_StudyName")]
    public string? Name { get; set; }

    [Display(Name = "Field_WholeOrganisation")]
    public bool WholeOrganisation { get; set; }

    public List<int> TeamIds { get; set; } = [];
}
