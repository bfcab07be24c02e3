using Trinn.Core.ActionPlans;
using Trinn.Core.Common;

namespace Trinn.Core.Tests.WorkingPractice;

/// <summary>The action plan "oppdatering i handlingsplanen sammen med jobbsøkerne": every change is a dated meeting with who was present.</summary>
public sealed class ActionPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
    private static readonly PlanMeetingPresence WithCandidate = new(Candidate: true, JobSpecialist: true, Employer: false, NavVeileder: false);

    private static PlanChange Change(
        string? goal = null, NewPlanStep? step = null, string? note = null, DateOnly? date = null, PlanMeetingPresence? present = null,
        Dictionary<int, StepStatus>? steps = null, Dictionary<int, GoalStatus>? goals = null) =>
        new(date ?? Today, present ?? WithCandidate, note, goal, step, steps ?? [], goals ?? []);

    private static ActionPlan WithGoalAndStep()
    {
        var plan = ActionPlan.Start(3, Now);
        plan.RecordUpdate(Change("Jobb i butikk", new NewPlanStep(null, "Oppdatere CV", StepOwner.Candidate, Today.AddDays(7))), "u", Today, Now);
        plan.Goals[0].Id = 11;
        plan.Steps[0].Id = 21;
        return plan;
    }

    [Fact]
    public void FirstMeeting_NewGoalAndStep_UnderThatGoal_DatedWithWhoWasPresent()
    {
        var plan = WithGoalAndStep();
        var step = Assert.Single(plan.Steps);
        Assert.Same(plan.Goals[0], step.Goal);
        Assert.Equal((StepOwner.Candidate, StepStatus.Open, 3), (step.Owner, step.Status, step.CandidateId));
        var update = Assert.Single(plan.Updates);
        Assert.Equal((Today, true, true, false, 1, 1), (update.Date, update.CandidatePresent, update.JobSpecialistPresent, update.EmployerPresent, update.GoalsAdded, update.StepsAdded));
    }

    [Fact]
    public void Meeting_StepDone_RecordsStatusAndDate()
    {
        var plan = WithGoalAndStep();
        plan.RecordUpdate(Change(steps: new() { [21] = StepStatus.Done }, date: Today.AddDays(-1)), "u", Today, Now);
        Assert.Equal((StepStatus.Done, Today.AddDays(-1)), (plan.Steps[0].Status, plan.Steps[0].StatusChangedOn));
        Assert.Equal(1, plan.Updates[^1].StatusesChanged);
        Assert.Null(ActionPlan.NextStep(plan.Steps));
    }

    [Fact]
    public void NextStep_EarliestDueFirst_UndatedLast()
    {
        var plan = WithGoalAndStep();
        plan.RecordUpdate(Change(step: new NewPlanStep(11, "Ringe arbeidsgiver", StepOwner.JobSpecialist, null)), "u", Today, Now);
        plan.RecordUpdate(Change(step: new NewPlanStep(11, "Søke på jobb", StepOwner.Candidate, Today.AddDays(2))), "u", Today, Now);
        Assert.Equal("Søke på jobb", ActionPlan.NextStep(plan.Steps)!.Text);
    }

    [Fact]
    public void Refusals_LeaveThePlanAsItWas()
    {
        var plan = WithGoalAndStep();
        void Refused(PlanChange change, string field, string key)
        {
            var ex = Assert.Throws<DomainException>(() => plan.RecordUpdate(change, "u", Today, Now));
            Assert.Equal((field, key), (ex.Field, ex.MessageKey));
        }

        Refused(Change(note: "x", date: Today.AddDays(1)), "Date", "Error_DateInFuture");
        Refused(Change(note: "x", present: new PlanMeetingPresence(false, false, false, false)), "CandidatePresent", "Error_NobodyPresent");
        Refused(Change(), "Note", "Error_NothingChanged");
        Refused(Change(step: new NewPlanStep(null, "Steg uten mål", StepOwner.Candidate, null)), "StepGoalId", "Error_StepNeedsGoal");
        Refused(Change(step: new NewPlanStep(999, "Steg", StepOwner.Candidate, null)), "StepGoalId", "Error_GoalNotInPlan");
        Refused(Change(step: new NewPlanStep(11, "Steg", null, null)), "StepOwner", "Error_Required");
        Refused(Change(step: new NewPlanStep(11, "Steg", StepOwner.Employer, Today.AddDays(-1))), "StepDueDate", "Error_DueBeforeMeeting");
        Refused(Change(goal: "Nytt", steps: new() { [999] = StepStatus.Done }), "StepStatuses", "Error_StepNotInPlan");
        Refused(Change(goal: new string('x', ActionPlan.GoalMaxLength + 1)), "NewGoal", "Error_TooLong");
        Assert.Single(plan.Updates);
        Assert.Single(plan.Goals);
        Assert.Single(plan.Steps);
        Assert.Equal(StepStatus.Open, plan.Steps[0].Status);
    }

    [Fact]
    public void GoalReached_AndOthersPresentNamed()
    {
        var plan = WithGoalAndStep();
        plan.RecordUpdate(Change(goals: new() { [11] = GoalStatus.Reached }, present: new PlanMeetingPresence(true, false, true, false, "Fastlegen")), "u", Today, Now);
        Assert.Equal(GoalStatus.Reached, plan.Goals[0].Status);
        Assert.Equal(("Fastlegen", true), (plan.Updates[^1].OthersPresent, plan.Updates[^1].EmployerPresent));
    }
}
