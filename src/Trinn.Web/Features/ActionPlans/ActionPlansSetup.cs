using Trinn.Core.ActionPlans;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.ActionPlans;

/// <summary>Marker for the action plan pages' texts (Resources/Features/ActionPlans/ActionPlansResource.resx).</summary>
public sealed class ActionPlansResource;

internal static class ActionPlansSetup
{
    public static WebApplicationBuilder AddTrinnActionPlans(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/ActionPlans", Policies.TeamMember));
        return builder;
    }
}

internal static class ActionPlanQueries
{
    /// <summary>The rows with each candidate's next open plan step (one query for the page, never per row).</summary>
    public static async Task<IReadOnlyList<CandidateListItem>> WithNextStepsAsync(TrinnDbContext db, IReadOnlyList<CandidateListItem> rows)
    {
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var open = await db.Set<ActionPlanStep>().AsNoTracking()
            .Where(s => s.Status == StepStatus.Open && ids.Contains(s.CandidateId))
            .Select(s => new { s.CandidateId, s.Id, s.Text, s.DueDate })
            .ToListAsync();
        var next = open.GroupBy(s => s.CandidateId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.DueDate is null).ThenBy(s => s.DueDate).ThenBy(s => s.Id).First());
        return rows.Select(r => next.TryGetValue(r.Id, out var s) ? r with { PlanStep = s.Text, PlanStepDue = s.DueDate } : r).ToList();
    }

    /// <summary>The whole plan of a candidate, read-only, for the plan page, the printout and the API; null when there is none yet.</summary>
    public static Task<ActionPlan?> ReadAsync(TrinnDbContext db, int candidateId) =>
        db.Set<ActionPlan>().AsNoTracking()
            .Include(p => p.Goals).Include(p => p.Steps).Include(p => p.Updates)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.CandidateId == candidateId);
}

/// <summary>Texts built from several resource keys.</summary>
public static class ActionPlanText
{
    /// <summary>"kandidaten, jobbspesialisten, Ola (fastlege)": who was at a plan meeting.</summary>
    public static string Present(Microsoft.Extensions.Localization.IStringLocalizer a, ActionPlanUpdate u)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        var who = new List<string>();
        if (u.CandidatePresent)
        {
            who.Add(a["Present_Candidate"]);
        }

        if (u.JobSpecialistPresent)
        {
            who.Add(a["Present_JobSpecialist"]);
        }

        if (u.EmployerPresent)
        {
            who.Add(a["Present_Employer"]);
        }

        if (u.NavVeilederPresent)
        {
            who.Add(a["Present_NavVeileder"]);
        }

        if (u.OthersPresent is { } others)
        {
            who.Add(others);
        }

        return string.Join(", ", who);
    }
}
