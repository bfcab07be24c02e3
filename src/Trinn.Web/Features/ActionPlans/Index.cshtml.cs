using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.ActionPlans;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.ActionPlans;

/// <summary>
/// The candidate's action plan: goals and steps with owner, due date and status, and one form for a plan meeting that
/// records who was present and what changed. Made to be filled in together with the candidate, on a phone if need be.
/// </summary>
[ReadsCandidateData]
public sealed class IndexModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<ActionPlansResource> a, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public PlanUpdateInput Input { get; set; } = new();

    public int CandidateId { get; private set; }

    public string Name { get; private set; } = "";

    public bool Discharged { get; private set; }

    public ActionPlan? Plan { get; private set; }

    public List<SelectListItem> Owners { get; private set; } = [];

    public List<SelectListItem> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        Input = new PlanUpdateInput { Date = NorwegianTime.Today(time), CandidatePresent = true, JobSpecialistPresent = true, Version = Plan?.Version ?? 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        if (Discharged)
        {
            ModelState.AddModelError(string.Empty, t["Error_CandidateDischarged"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var plan = await db.Set<ActionPlan>().Include(p => p.Goals).Include(p => p.Steps).Include(p => p.Updates).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.CandidateId == candidateId);
        if (plan is null)
        {
            plan = ActionPlan.Start(candidateId, time.GetUtcNow().UtcDateTime);
            db.Add(plan);
        }

        var change = new PlanChange(
            Input.Date,
            new PlanMeetingPresence(Input.CandidatePresent, Input.JobSpecialistPresent, Input.EmployerPresent, Input.NavVeilederPresent, Input.PresentOthers),
            Input.Note,
            Input.NewGoal,
            new NewPlanStep(Input.StepGoalId is { } g && g > 0 ? g : null, Input.StepText, Input.StepOwner, Input.StepDueDate),
            Input.StepStatuses.Where(x => x.Value is not null).ToDictionary(x => x.Key, x => x.Value!.Value),
            Input.GoalStatuses.Where(x => x.Value is not null).ToDictionary(x => x.Key, x => x.Value!.Value));
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, plan, Input.Version,
            p => p.RecordUpdate(change, User.UserId(), NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime),
            ModelState, t, ex => DomainMessages.For(ex, a, t, MaxLength));
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage(new { candidateId });
        }

        db.ChangeTracker.Clear();
        await ShowPlanAsync(candidateId);
        if (outcome == SaveOutcome.Conflict)
        {
            Input = new PlanUpdateInput { Date = Input.Date, Version = Plan?.Version ?? 0 };
        }

        return Page();
    }

    private static int MaxLength(string field) => field switch
    {
        nameof(PlanChange.NewGoal) => ActionPlan.GoalMaxLength,
        "StepText" => ActionPlan.StepMaxLength,
        "PresentOthers" => ActionPlan.OthersMaxLength,
        _ => ActionPlan.NoteMaxLength,
    };

    private async Task<bool> LoadAsync(int candidateId)
    {
        var candidate = await db.ReadVisibleAsync(
            candidateId, User, c => new { c.Id, Name = c.FirstName + " " + c.LastName, c.DischargedOn }, AuditEntities.ActionPlanPage, logger);
        if (candidate is null)
        {
            return false;
        }

        (CandidateId, Name, Discharged) = (candidate.Id, candidate.Name, candidate.DischargedOn is not null);
        await ShowPlanAsync(candidateId);
        return true;
    }

    private async Task ShowPlanAsync(int candidateId)
    {
        Plan = await ActionPlanQueries.ReadAsync(db, candidateId);
        Owners = Enum.GetValues<StepOwner>().Select(o => new SelectListItem(a["StepOwner_" + o], ((int)o).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(t["Select_Choose"], "")).ToList();
        Goals = (Plan?.Goals ?? []).Where(g => g.Status == GoalStatus.Active).OrderBy(g => g.Id)
            .Select(g => new SelectListItem(g.Text, g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(a["Plan_TheNewGoal"], "")).ToList();
    }
}

public sealed class PlanUpdateInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_PlanMeetingDate")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Field_PresentCandidate")]
    public bool CandidatePresent { get; set; }

    [Display(Name = "Field_PresentJobSpecialist")]
    public bool JobSpecialistPresent { get; set; }

    [Display(Name = "Field_PresentEmployer")]
    public bool EmployerPresent { get; set; }

    [Display(Name = "Field_PresentNavVeileder")]
    public bool NavVeilederPresent { get; set; }

    [StringLength(ActionPlan.OthersMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_PresentOthers")]
    public string? PresentOthers { get; set; }

    [StringLength(ActionPlan.NoteMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_PlanNote")]
    public string? Note { get; set; }

    [StringLength(ActionPlan.GoalMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_NewGoal")]
    public string? NewGoal { get; set; }

    [Display(Name = "Field_StepGoal")]
    public int? StepGoalId { get; set; }

    [StringLength(ActionPlan.StepMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_StepText")]
    public string? StepText { get; set; }

    [Display(Name = "Field_StepOwner")]
    public StepOwner? StepOwner { get; set; }

    [Display(Name = "Field_StepDueDate")]
    public DateOnly? StepDueDate { get; set; }

    /// <summary>New status per open step id; blank keeps it.</summary>
    public Dictionary<int, StepStatus?> StepStatuses { get; set; } = [];

    /// <summary>New status per active goal id; blank keeps it.</summary>
    public Dictionary<int, GoalStatus?> GoalStatuses { get; set; } = [];

    public long Version { get; set; }
}
