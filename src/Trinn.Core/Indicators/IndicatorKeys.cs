namespace Trinn.Core.Indicators;

public enum IndicatorUnit
{
    /// <summary>A ratio such as candidates per full-time specialist.</summary>
    Ratio = 1,
    Percent = 2,
    Count = 3,
    Days = 4,
}

/// <summary>How a target reads: at least the value, or a band between the value and an upper value.</summary>
public enum TargetKind
{
    AtLeast = 1,
    Band = 2,
}

/// <summary>
/// One indicator: its stable key (API and exports), the group number (1–8, the dashboard's order), unit, and
/// whether a target may apply. <see cref="PersonCounts"/> marks figures that count candidates, which leder and forsker
/// see with small-cell suppression.
/// </summary>
public sealed record IndicatorDefinition(string Key, int Group, IndicatorUnit Unit, TargetKind? Target, bool PersonCounts, bool HasOutcomes = false)
{
    public bool Targetable => Target is not null;
}

/// <summary>The indicators of issue #11 (DOMAIN.md "Rules and targets"), in the dashboard's order.</summary>
public static class IndicatorKeys
{
    public const string Caseload = "caseload";
    public const string WorkWithinYear = "work-within-year";
    public const string DischargedToWork = "discharged-to-work";
    public const string EmployerContacts = "employer-contacts";
    public const string EmployerContactsCandidateSpecific = "employer-contacts-candidate-specific";
    public const string EmployerContactsNewEmployers = "employer-contacts-new-employers";
    public const string EmployerContactsAll = "employer-contacts-all";
    public const string OutOfOffice = "out-of-office";
    public const string OutOfOfficeOfLogged = "out-of-office-of-logged";
    public const string FollowUpsOnTime = "followups-on-time";
    public const string InWorkWithoutFollowUp = "in-work-without-followup";
    public const string WageSubsidiesPastReview = "wage-subsidies-past-review";
    public const string MentorGrants = "mentor-grants";
    public const string DaysToFirstContact = "days-to-first-contact";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(Caseload, 1, IndicatorUnit.Ratio, TargetKind.Band, PersonCounts: true),
        new(WorkWithinYear, 2, IndicatorUnit.Percent, TargetKind.AtLeast, PersonCounts: true, HasOutcomes: true),
        new(DischargedToWork, 3, IndicatorUnit.Ratio, TargetKind.AtLeast, PersonCounts: true, HasOutcomes: true),
        new(EmployerContacts, 4, IndicatorUnit.Ratio, TargetKind.AtLeast, PersonCounts: false),
        new(EmployerContactsCandidateSpecific, 4, IndicatorUnit.Ratio, null, PersonCounts: false),
        new(EmployerContactsNewEmployers, 4, IndicatorUnit.Ratio, null, PersonCounts: false),
        new(EmployerContactsAll, 4, IndicatorUnit.Ratio, null, PersonCounts: false),
        new(OutOfOffice, 5, IndicatorUnit.Percent, TargetKind.AtLeast, PersonCounts: false),
        new(OutOfOfficeOfLogged, 5, IndicatorUnit.Percent, null, PersonCounts: false),
        new(FollowUpsOnTime, 6, IndicatorUnit.Percent, null, PersonCounts: true),
        new(InWorkWithoutFollowUp, 6, IndicatorUnit.Count, null, PersonCounts: true),
        new(WageSubsidiesPastReview, 7, IndicatorUnit.Count, null, PersonCounts: true),
        new(MentorGrants, 7, IndicatorUnit.Count, null, PersonCounts: true),
        new(DaysToFirstContact, 8, IndicatorUnit.Days, null, PersonCounts: true),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ByKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public static IndicatorDefinition Get(string key) => ByKey[key];

    public static bool TryGet(string? key, out IndicatorDefinition definition)
    {
        definition = null!;
        return key is not null && ByKey.TryGetValue(key, out definition!);
    }

    /// <summary>Targets apply to the team as averages; only these two also apply to the individual (report chapter 1).</summary>
    public static bool TargetAppliesToIndividual(string key) => key is EmployerContacts or OutOfOffice;
}
