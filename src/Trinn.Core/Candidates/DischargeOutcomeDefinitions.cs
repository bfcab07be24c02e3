namespace Trinn.Core.Candidates;

/// <summary>How one discharge outcome counts in the indicators.</summary>
/// <param name="Outcome">The category.</param>
/// <param name="ToWorkOfficial">Counts as "to work" in the official definition (ordinary work, with or without wage subsidy).</param>
/// <param name="ToWorkBroader">Counts as a positive outcome in the broader definition the report recommends, which adds education.</param>
public sealed record DischargeOutcomeDefinition(DischargeOutcome Outcome, bool ToWorkOfficial, bool ToWorkBroader);

/// <summary>
/// The configuration of every discharge outcome for the indicators (INSTRUMENTS.md C; chapter 5 argues education should
/// count too). Kept apart from the outcome itself so both definitions can be shown side by side.
/// </summary>
public static class DischargeOutcomeDefinitions
{
    public static readonly IReadOnlyDictionary<DischargeOutcome, DischargeOutcomeDefinition> All =
        new Dictionary<DischargeOutcome, DischargeOutcomeDefinition>
        {
            [DischargeOutcome.OrdinaryWork] = new(DischargeOutcome.OrdinaryWork, ToWorkOfficial: true, ToWorkBroader: true),
            [DischargeOutcome.WorkWithWageSubsidy] = new(DischargeOutcome.WorkWithWageSubsidy, ToWorkOfficial: true, ToWorkBroader: true),
            [DischargeOutcome.Education] = new(DischargeOutcome.Education, ToWorkOfficial: false, ToWorkBroader: true),
            [DischargeOutcome.HealthTreatment] = new(DischargeOutcome.HealthTreatment, false, false),
            [DischargeOutcome.DisabilityBenefit] = new(DischargeOutcome.DisabilityBenefit, false, false),
            [DischargeOutcome.OtherProgramme] = new(DischargeOutcome.OtherProgramme, false, false),
            [DischargeOutcome.NoContact] = new(DischargeOutcome.NoContact, false, false),
            [DischargeOutcome.Moved] = new(DischargeOutcome.Moved, false, false),
            [DischargeOutcome.Other] = new(DischargeOutcome.Other, false, false),
            // Neither is work or education: the candidate goes back to NAV, not ready, or the forskrift's limit ended the follow-up.
            [DischargeOutcome.BackToNavNotReady] = new(DischargeOutcome.BackToNavNotReady, false, false),
            [DischargeOutcome.DurationLimitReached] = new(DischargeOutcome.DurationLimitReached, false, false),
        };

    public static bool CountsToWorkOfficial(DischargeOutcome outcome) => All[outcome].ToWorkOfficial;

    public static bool CountsToWorkBroader(DischargeOutcome outcome) => All[outcome].ToWorkBroader;

    /// <summary>A discharge to paid work, which a lost job within a year can undo (<see cref="Candidate.TakeBack"/>).</summary>
    public static bool IsWork(DischargeOutcome outcome) => outcome is DischargeOutcome.OrdinaryWork or DischargeOutcome.WorkWithWageSubsidy;

    /// <summary>The outcomes counted in a definition, for queries (<c>WHERE outcome IN (...)</c>).</summary>
    public static IReadOnlyList<DischargeOutcome> Counted(bool broader) =>
        All.Values.Where(d => broader ? d.ToWorkBroader : d.ToWorkOfficial).Select(d => d.Outcome).Order().ToList();
}
