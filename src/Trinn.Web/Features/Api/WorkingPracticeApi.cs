using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Trinn.Core.ActionPlans;
using Trinn.Core.Activities;
using Trinn.Core.CaseReviews;
using Trinn.Web.Features.ActionPlans;
using Trinn.Web.Features.Activities;
using Trinn.Web.Features.Candidates;
using Trinn.Web.Features.CaseReviews;

namespace Trinn.Web.Features.Api;

/// <summary>Read API for the team's way of working: a candidate's action plan, the team's case reviews, group activities. Same authorization and audit as the pages.</summary>
internal static class WorkingPracticeApi
{
    public const int MaxRows = 1000;

    /// <summary>The longest period one activities request may span.</summary>
    public const int MaxActivityDays = 366;

    public static void MapWorkingPracticeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Trinn").RequireAuthorization(Policies.TeamMember);
        api.MapGet("/candidates/{id:int}/action-plan", ActionPlanAsync).ReadsCandidateData().WithName("GetActionPlan")
            .WithSummary("A candidate's action plan: goals, steps with owner, due date and status, and the dated plan meetings with who was present.");
        api.MapGet("/teams/{id:int}/case-reviews", CaseReviewsAsync).ReadsCandidateData().WithName("ListCaseReviews")
            .WithSummary("The team's case reviews, newest first, with the candidate as initials; filter by tag and words (tag=, q=). Own team only.");
        api.MapGet("/activities", ActivitiesAsync).ReadsCandidateData().WithName("ListActivities")
            .WithSummary("The caller's team's group activities from one date to another (from=YYYY-MM-DD&to=YYYY-MM-DD, at most 366 days; default the last 30 days), with participant ids.");
    }

    private static async Task<Results<Ok<ActionPlanDocument>, NotFound>> ActionPlanAsync(int id, TrinnDbContext db, ClaimsPrincipal user, ILoggerFactory loggers)
    {
        if (await db.ReadVisibleAsync(id, user, c => new { c.Id }, AuditEntities.ActionPlanApi, loggers.CreateLogger(nameof(WorkingPracticeApi))) is null)
        {
            return TypedResults.NotFound();
        }

        var plan = await ActionPlanQueries.ReadAsync(db, id);
        return TypedResults.Ok(new ActionPlanDocument(
            id,
            plan?.Version ?? 0,
            (plan?.Goals ?? []).OrderBy(g => g.Id).Select(g => new ActionPlanGoalDocument(g.Id, g.Text, g.Status, g.CreatedOn, g.StatusChangedOn)).ToList(),
            (plan?.Steps ?? []).OrderBy(s => s.Id)
                .Select(s => new ActionPlanStepDocument(s.Id, s.GoalId, s.Text, s.Owner, s.DueDate, s.Status, s.CreatedOn, s.StatusChangedOn)).ToList(),
            (plan?.Updates ?? []).OrderBy(u => u.Date).ThenBy(u => u.Id)
                .Select(u => new ActionPlanUpdateDocument(u.Id, u.Date, u.CandidatePresent, u.JobSpecialistPresent, u.EmployerPresent, u.NavVeilederPresent,
                    u.OthersPresent, u.Note, u.GoalsAdded, u.StepsAdded, u.StatusesChanged)).ToList()));
    }

    private static async Task<Results<Ok<List<CaseReviewDocument>>, NotFound>> CaseReviewsAsync(int id, string? tag, string? q, TrinnDbContext db, ClaimsPrincipal user)
    {
        // Another team's id finds nothing, exactly like an id that does not exist.
        if (!user.IsTeamMember() || user.TeamId() != id)
        {
            return TypedResults.NotFound();
        }

        var query = CaseReviewQueries.Search(db.Set<CaseReview>().AsNoTracking().VisibleTo(user), tag, q)
            .OrderByDescending(r => r.ScheduledFor).ThenByDescending(r => r.Id).Take(MaxRows);
        var rows = await query.Select(r => new
        {
            r.Id,
            r.CandidateId,
            First = r.Candidate!.FirstName,
            Last = r.Candidate.LastName,
            r.Reason,
            r.ScheduledFor,
            r.HeldOn,
            r.WhatHappened,
            r.WhatWorked,
            r.WhatDidNotWork,
            r.DoDifferently,
            Tags = r.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
        }).ToListAsync();
        await db.AuditReadAsync(AuditEntities.CaseReviewApi, rows.Select(r => r.CandidateId).Distinct().ToList());
        return TypedResults.Ok(rows.Select(r => new CaseReviewDocument(
            r.Id, CaseReview.Initials(r.First, r.Last), r.Reason, r.ScheduledFor, r.HeldOn, r.WhatHappened, r.WhatWorked, r.WhatDidNotWork, r.DoDifferently, r.Tags)).ToList());
    }

    private static async Task<Results<Ok<List<ActivityDocument>>, ValidationProblem>> ActivitiesAsync(
        string? from, string? to, TrinnDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<ActivitiesResource> g)
    {
        var today = NorwegianTime.Today(time);
        var errors = new Dictionary<string, string[]>();
        var start = Date(from, "from", today.AddDays(-30), errors, g);
        var end = Date(to, "to", today, errors, g);
        if (errors.Count == 0 && end < start)
        {
            errors["to"] = [g["Error_ToBeforeFrom"]];
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber > MaxActivityDays)
        {
            errors["to"] = [g["Error_PeriodTooLong", MaxActivityDays]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = await db.Set<GroupActivity>().AsNoTracking().VisibleTo(user).Where(a => a.Date >= start && a.Date <= end)
            .OrderBy(a => a.Date).ThenBy(a => a.Id).Take(MaxRows)
            .Select(a => new ActivityDocument(a.Id, a.Date, a.Kind, a.Title, a.DurationMinutes,
                a.Leaders.Select(l => l.UserId).ToList(), a.Participants.Select(p => p.CandidateId).ToList(),
                GroupActivityKinds.IsEmployerContact(a.Kind), GroupActivityKinds.IsMeetingPlace(a.Kind)))
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.GroupActivityApi, rows.SelectMany(r => r.CandidateIds).Distinct().ToList());
        return TypedResults.Ok(rows);
    }

    private static DateOnly Date(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors, IStringLocalizer g)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [g["Error_DateFormat"]];
        return fallback;
    }
}

public sealed record ActionPlanDocument(
    int CandidateId, long Version, List<ActionPlanGoalDocument> Goals, List<ActionPlanStepDocument> Steps, List<ActionPlanUpdateDocument> Updates);

public sealed record ActionPlanGoalDocument(int Id, string Text, GoalStatus Status, DateOnly CreatedOn, DateOnly? StatusChangedOn);

public sealed record ActionPlanStepDocument(
    int Id, int? GoalId, string Text, StepOwner Owner, DateOnly? DueDate, StepStatus Status, DateOnly CreatedOn, DateOnly? StatusChangedOn);

public sealed record ActionPlanUpdateDocument(
    int Id, DateOnly Date, bool CandidatePresent, bool JobSpecialistPresent, bool EmployerPresent, bool NavVeilederPresent, string? OthersPresent,
    string? Note, int GoalsAdded, int StepsAdded, int StatusesChanged);

public sealed record CaseReviewDocument(
    int Id, string CandidateInitials, CaseReviewReason Reason, DateOnly ScheduledFor, DateOnly? HeldOn, string? WhatHappened, string? WhatWorked,
    string? WhatDidNotWork, string? DoDifferently, List<string> Tags);

/// <summary>A group activity; <see cref="CountsAsEmployerContact"/> and <see cref="IsMeetingPlace"/> say how the indicators count it.</summary>
public sealed record ActivityDocument(
    int Id, DateOnly Date, GroupActivityKind Kind, string Title, int DurationMinutes, List<string> LeaderIds, List<int> CandidateIds,
    bool CountsAsEmployerContact, bool IsMeetingPlace);
