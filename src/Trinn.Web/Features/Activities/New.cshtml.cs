using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Activities;
using Trinn.Core.Identity;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Activities;

/// <summary>Registers a group activity: date, kind, title, the staff who led it and the candidates who took part.</summary>
[ReadsCandidateData]
public sealed class NewModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<ActivitiesResource> g, TimeProvider time) : PageModel
{
    /// <summary>Candidates offered as participants: the team's active ones, never the whole table.</summary>
    public const int CandidatesOffered = 300;

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public List<SelectListItem> Kinds { get; private set; } = [];

    public List<SelectListItem> Staff { get; private set; } = [];

    public List<SelectListItem> TeamCandidates { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await ShowAsync();
        Input = new ActivityInput { Date = NorwegianTime.Today(time), LeaderIds = [User.UserId()] };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await ShowAsync();
        var teamId = User.TeamId()!.Value;
        var leaders = Input.LeaderIds.Distinct().ToList();
        if (leaders.Any(id => Staff.All(s => s.Value != id)))
        {
            ModelState.AddModelError("Input.LeaderIds", g["Error_LeaderNotInTeam"]);
        }

        var candidates = Input.CandidateIds.Distinct().ToList();
        var visible = await db.Candidates.AsNoTracking().VisibleTo(User).CountAsync(c => candidates.Contains(c.Id));
        if (visible != candidates.Count)
        {
            ModelState.AddModelError("Input.CandidateIds", g["Error_CandidateNotInTeam"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        GroupActivity? activity = null;
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            activity = GroupActivity.Create(teamId, Input.Date, Input.Kind, Input.Title, Input.Note, Input.DurationMinutes, leaders, candidates,
                User.UserId(), NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime);
            db.Add(activity);
            return Task.CompletedTask;
        }, ModelState, t, ex => DomainMessages.For(ex, g, t, f => f == "Note" ? GroupActivity.NoteMaxLength : GroupActivity.TitleMaxLength));
        return outcome == SaveOutcome.Saved ? RedirectToPage("/Activities/Details", new { id = activity!.Id }) : Page();
    }

    private async Task ShowAsync()
    {
        var teamId = User.TeamId()!.Value;
        Kinds = Enum.GetValues<GroupActivityKind>()
            .Select(k => new SelectListItem(g["GroupActivityKind_" + k], ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(t["Select_Choose"], "")).ToList();
        var staffRoles = db.Roles.Where(r => r.Name == Roles.Jobbspesialist || r.Name == Roles.Metodeveileder).Select(r => r.Id);
        Staff = await db.Users.AsNoTracking()
            .Where(u => u.TeamId == teamId && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id))
            .ToListAsync();
        TeamCandidates = await db.Candidates.AsNoTracking().VisibleTo(User).Where(c => c.DischargedOn == null)
            .OrderBy(c => c.FirstName).ThenBy(c => c.LastName).Take(CandidatesOffered)
            .Select(c => new SelectListItem(c.FirstName + " " + c.LastName, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.ActivityCandidatePicker, TeamCandidates.Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }
}

public sealed class ActivityInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ActivityKind")]
    public GroupActivityKind? Kind { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(GroupActivity.TitleMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_ActivityTitle")]
    public string? Title { get; set; }

    [Range(0, Trinn.Core.Candidates.JournalNote.MaxDurationMinutes, ErrorMessage = "Error_Duration")]
    [Display(Name = "Field_Duration")]
    public int? DurationMinutes { get; set; }

    [StringLength(GroupActivity.NoteMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_ActivityNote")]
    public string? Note { get; set; }

    [Display(Name = "Field_ActivityLeaders")]
    public List<string> LeaderIds { get; set; } = [];

    [Display(Name = "Field_ActivityParticipants")]
    public List<int> CandidateIds { get; set; } = [];
}
