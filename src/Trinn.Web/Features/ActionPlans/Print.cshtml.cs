using Trinn.Core.ActionPlans;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.ActionPlans;

/// <summary>The plan to print and give the candidate: plain language, no menus, "what I do" first.</summary>
[ReadsCandidateData]
public sealed class PrintModel(TrinnDbContext db, TimeProvider time, ILogger<PrintModel> logger) : PageModel
{
    public string Name { get; private set; } = "";

    public int CandidateId { get; private set; }

    public string? Specialist { get; private set; }

    public DateOnly Today { get; private set; }

    public ActionPlan? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(int candidateId)
    {
        var candidate = await db.ReadVisibleAsync(
            candidateId, User, c => new { c.Id, Name = c.FirstName + " " + c.LastName, Specialist = c.PrimarySpecialist!.DisplayName }, AuditEntities.ActionPlanPrint, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        (CandidateId, Name, Specialist, Today) = (candidate.Id, candidate.Name, candidate.Specialist, NorwegianTime.Today(time));
        Plan = await ActionPlanQueries.ReadAsync(db, candidateId);
        return Page();
    }

    /// <summary>Open steps of one owner, the earliest due first.</summary>
    public IReadOnlyList<ActionPlanStep> Open(StepOwner owner) =>
        (Plan?.Steps ?? []).Where(s => s.Owner == owner && s.Status == StepStatus.Open)
            .OrderBy(s => s.DueDate is null).ThenBy(s => s.DueDate).ThenBy(s => s.Id).ToList();
}
