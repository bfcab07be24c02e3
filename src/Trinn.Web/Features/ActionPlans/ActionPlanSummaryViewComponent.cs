using Trinn.Core.ActionPlans;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.ActionPlans;

/// <summary>The action plan on the candidate page: the next open steps, and how many of their own steps the candidate has done.</summary>
public sealed class ActionPlanSummaryViewComponent(TrinnDbContext db) : ViewComponent
{
    public const int StepsShown = 3;

    // On the candidate page, so compiled once per model (see PerModel); the team condition is CandidateAccess.VisibleTo's.
    private static readonly PerModel<Func<TrinnDbContext, int, int, IAsyncEnumerable<StepRow>>> StepsQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, int candidateId) => db.Set<ActionPlanStep>().AsNoTracking()
            .Where(s => s.CandidateId == candidateId && db.Candidates.Any(c => c.Id == candidateId && c.TeamId == teamId))
            .Select(s => new StepRow(s.Id, s.Text, s.Owner, s.DueDate, s.Status))));

    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        List<StepRow> steps = UserClaimsPrincipal.VisibleTeamId() is { } teamId ? await StepsQuery.For(db)(db, teamId, candidateId).ToListAsync() : [];
        var next = steps.Where(s => s.Status == StepStatus.Open)
            .OrderBy(s => s.DueDate is null).ThenBy(s => s.DueDate).ThenBy(s => s.Id).Take(StepsShown)
            .Select(s => new PlanStepLine(s.Text, s.Owner, s.DueDate)).ToList();
        var own = steps.Where(s => s.Owner == StepOwner.Candidate).ToList();
        return View("/Features/ActionPlans/_PlanSummary.cshtml", new PlanSummary(
            candidateId, next, steps.Count(s => s.Status == StepStatus.Open), own.Count(s => s.Status == StepStatus.Done), own.Count));
    }

    private sealed record StepRow(int Id, string Text, StepOwner Owner, DateOnly? DueDate, StepStatus Status);
}

public sealed record PlanStepLine(string Text, StepOwner Owner, DateOnly? DueDate);

public sealed record PlanSummary(int CandidateId, IReadOnlyList<PlanStepLine> Next, int OpenSteps, int OwnDone, int OwnTotal);
