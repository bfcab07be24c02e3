using Trinn.Core.Candidates;
using Trinn.Core.Common;

namespace Trinn.Core.ActionPlans;

/// <summary>Who does a step: the report wants the candidate's own effort (egenmobilisering) visible beside the others'.</summary>
public enum StepOwner
{
    Candidate = 1,
    JobSpecialist = 2,
    Employer = 3,
    NavVeileder = 4,
}

public enum StepStatus
{
    Open = 1,
    Done = 2,
    Dropped = 3,
}

public enum GoalStatus
{
    Active = 1,
    Reached = 2,
    Dropped = 3,
}

/// <summary>Who took part in a plan meeting.</summary>
public sealed record PlanMeetingPresence(bool Candidate, bool JobSpecialist, bool Employer, bool NavVeileder, string? Others = null)
{
    public bool Anyone => Candidate || JobSpecialist || Employer || NavVeileder || !string.IsNullOrWhiteSpace(Others);
}

/// <summary>A new step: under an existing goal (<paramref name="GoalId"/>), or under the goal added in the same update (null).</summary>
public sealed record NewPlanStep(int? GoalId, string? Text, StepOwner? Owner, DateOnly? DueDate);

/// <summary>Everything one plan meeting changes: a note, a new goal, a new step and new statuses for steps and goals.</summary>
public sealed record PlanChange(
    DateOnly? Date,
    PlanMeetingPresence Present,
    string? Note,
    string? NewGoal,
    NewPlanStep? NewStep,
    IReadOnlyDictionary<int, StepStatus> StepStatuses,
    IReadOnlyDictionary<int, GoalStatus> GoalStatuses);

/// <summary>
/// The action plan (handlingsplan) the job specialist and the candidate keep together ("oppdatering i handlingsplanen
/// sammen med jobbsøkerne"): goals, steps with owner, due date and status. Every change is made in a dated update that
/// says who was present, so the plan's history is the list of meetings.
/// </summary>
public class ActionPlan : IVersioned
{
    public const int GoalMaxLength = 500;
    public const int StepMaxLength = 500;
    public const int NoteMaxLength = 2000;
    public const int OthersMaxLength = 200;

    public int Id { get; set; }

    public int CandidateId { get; private set; }

    public Candidate? Candidate { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>How many plan meetings are recorded; every meeting changes it, so two meetings saved at once collide on the version.</summary>
    public int MeetingCount { get; private set; }

    public long Version { get; set; }

    public List<ActionPlanGoal> Goals { get; } = [];

    public List<ActionPlanStep> Steps { get; } = [];

    public List<ActionPlanUpdate> Updates { get; } = [];

    public static ActionPlan Start(int candidateId, DateTime nowUtc) => new() { CandidateId = candidateId, CreatedAtUtc = nowUtc };

    /// <summary>
    /// Records one plan meeting and applies its changes. Everything is checked before anything changes, so a refused
    /// update leaves the plan as it was. The plan's <see cref="Goals"/>, <see cref="Steps"/> and <see cref="Updates"/> must be loaded.
    /// </summary>
    public ActionPlanUpdate RecordUpdate(PlanChange change, string byUserId, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Date is not { } date)
        {
            throw new DomainException(nameof(PlanChange.Date), "Error_Required");
        }

        if (date > today)
        {
            throw new DomainException(nameof(PlanChange.Date), "Error_DateInFuture");
        }

        if (!change.Present.Anyone)
        {
            throw new DomainException("CandidatePresent", "Error_NobodyPresent");
        }

        var others = Optional(change.Present.Others, OthersMaxLength, "PresentOthers");
        var note = Optional(change.Note, NoteMaxLength, nameof(PlanChange.Note));
        var newGoal = Optional(change.NewGoal, GoalMaxLength, nameof(PlanChange.NewGoal));

        ActionPlanGoal? stepGoal = null;
        string? stepText = null;
        StepOwner stepOwner = default;
        if (change.NewStep is { } step && (!string.IsNullOrWhiteSpace(step.Text) || step.Owner is not null || step.DueDate is not null || step.GoalId is not null))
        {
            stepText = Optional(step.Text, StepMaxLength, "StepText") ?? throw new DomainException("StepText", "Error_Required");
            if (step.Owner is not { } owner || !Enum.IsDefined(owner))
            {
                throw new DomainException("StepOwner", "Error_Required");
            }

            stepOwner = owner;
            if (step.DueDate is { } due && due < date)
            {
                throw new DomainException("StepDueDate", "Error_DueBeforeMeeting");
            }

            if (step.GoalId is { } goalId)
            {
                stepGoal = Goals.SingleOrDefault(g => g.Id == goalId && g.Status == GoalStatus.Active)
                    ?? throw new DomainException("StepGoalId", "Error_GoalNotInPlan");
            }
            else if (newGoal is null)
            {
                throw new DomainException("StepGoalId", "Error_StepNeedsGoal");
            }
        }

        var stepChanges = new List<(ActionPlanStep Step, StepStatus Status)>();
        foreach (var (stepId, status) in change.StepStatuses)
        {
            var existing = Steps.SingleOrDefault(s => s.Id == stepId) ?? throw new DomainException("StepStatuses", "Error_StepNotInPlan");
            if (!Enum.IsDefined(status))
            {
                throw new DomainException("StepStatuses", "Error_Required");
            }

            if (existing.Status != status)
            {
                stepChanges.Add((existing, status));
            }
        }

        var goalChanges = new List<(ActionPlanGoal Goal, GoalStatus Status)>();
        foreach (var (goalId, status) in change.GoalStatuses)
        {
            var existing = Goals.SingleOrDefault(g => g.Id == goalId) ?? throw new DomainException("GoalStatuses", "Error_GoalNotInPlan");
            if (!Enum.IsDefined(status))
            {
                throw new DomainException("GoalStatuses", "Error_Required");
            }

            if (existing.Status != status)
            {
                goalChanges.Add((existing, status));
            }
        }

        if (note is null && newGoal is null && stepText is null && stepChanges.Count == 0 && goalChanges.Count == 0)
        {
            throw new DomainException(nameof(PlanChange.Note), "Error_NothingChanged");
        }

        var update = new ActionPlanUpdate
        {
            CandidateId = CandidateId,
            Date = date,
            CandidatePresent = change.Present.Candidate,
            JobSpecialistPresent = change.Present.JobSpecialist,
            EmployerPresent = change.Present.Employer,
            NavVeilederPresent = change.Present.NavVeileder,
            OthersPresent = others,
            Note = note,
            ById = byUserId,
            RecordedAtUtc = nowUtc,
            GoalsAdded = newGoal is null ? 0 : 1,
            StepsAdded = stepText is null ? 0 : 1,
            StatusesChanged = stepChanges.Count + goalChanges.Count,
        };
        Updates.Add(update);
        MeetingCount++;
        if (newGoal is not null)
        {
            var goal = new ActionPlanGoal { CandidateId = CandidateId, Text = newGoal, CreatedOn = date };
            Goals.Add(goal);
            stepGoal ??= stepText is null ? null : goal;
        }

        if (stepText is not null)
        {
            Steps.Add(new ActionPlanStep
            {
                CandidateId = CandidateId,
                Goal = stepGoal,
                Text = stepText,
                Owner = stepOwner,
                DueDate = change.NewStep!.DueDate,
                CreatedOn = date,
            });
        }

        foreach (var (s, status) in stepChanges)
        {
            s.SetStatus(status, date);
        }

        foreach (var (g, status) in goalChanges)
        {
            g.SetStatus(status, date);
        }

        return update;
    }

    /// <summary>The open step to do next: the earliest due date first, undated ones after, oldest first.</summary>
    public static ActionPlanStep? NextStep(IEnumerable<ActionPlanStep> steps) =>
        steps.Where(s => s.Status == StepStatus.Open)
            .OrderBy(s => s.DueDate is null).ThenBy(s => s.DueDate).ThenBy(s => s.Id)
            .FirstOrDefault();

    private static string? Optional(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > max)
        {
            throw new DomainException(field, "Error_TooLong");
        }

        return text.Trim();
    }
}

public class ActionPlanGoal
{
    public int Id { get; set; }

    public int ActionPlanId { get; set; }

    /// <summary>The plan's candidate, so the audit trail and retention find the row by candidate.</summary>
    public int CandidateId { get; init; }

    public required string Text { get; init; }

    public GoalStatus Status { get; private set; } = GoalStatus.Active;

    public DateOnly CreatedOn { get; init; }

    public DateOnly? StatusChangedOn { get; private set; }

    internal void SetStatus(GoalStatus status, DateOnly date) => (Status, StatusChangedOn) = (status, date);
}

public class ActionPlanStep
{
    public int Id { get; set; }

    public int ActionPlanId { get; set; }

    /// <summary>The plan's candidate, so the audit trail and retention find the row by candidate.</summary>
    public int CandidateId { get; init; }

    public ActionPlan? Plan { get; set; }

    public int? GoalId { get; set; }

    public ActionPlanGoal? Goal { get; set; }

    public required string Text { get; init; }

    public StepOwner Owner { get; init; }

    public DateOnly? DueDate { get; init; }

    public StepStatus Status { get; private set; } = StepStatus.Open;

    public DateOnly CreatedOn { get; init; }

    public DateOnly? StatusChangedOn { get; private set; }

    internal void SetStatus(StepStatus status, DateOnly date) => (Status, StatusChangedOn) = (status, date);
}

/// <summary>One plan meeting: when, who was present, what was noted, and how much changed.</summary>
public class ActionPlanUpdate
{
    public int Id { get; set; }

    public int ActionPlanId { get; set; }

    /// <summary>The plan's candidate, so the audit trail and retention find the row by candidate.</summary>
    public int CandidateId { get; init; }

    public DateOnly Date { get; init; }

    public bool CandidatePresent { get; init; }

    public bool JobSpecialistPresent { get; init; }

    public bool EmployerPresent { get; init; }

    public bool NavVeilederPresent { get; init; }

    public string? OthersPresent { get; init; }

    public string? Note { get; init; }

    public required string ById { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public int GoalsAdded { get; init; }

    public int StepsAdded { get; init; }

    public int StatusesChanged { get; init; }
}
