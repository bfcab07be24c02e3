using Trinn.Core.Candidates;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Core.Indicators;

/// <summary>A specialist's membership of the team: from, to (inclusive, null = running) and FTE.</summary>
public sealed record MembershipSpan(string UserId, DateOnly From, DateOnly? To, decimal Fte);

public sealed record AbsenceSpan(string UserId, DateOnly From, DateOnly To, int Percent);

/// <summary>One user's logged time on one day, summed in SQL.</summary>
public sealed record TimeDay(string UserId, DateOnly Date, int TotalMinutes, int OutOfOfficeMinutes, int CandidateDirectedMinutes, int AtEmployerMinutes);

/// <summary>One specialist's employer contacts on one day, counted in SQL: all kinds, in person, and of those in person the candidate-specific ones and the ones with a new employer.</summary>
public sealed record ContactDay(string SpecialistId, DateOnly Date, int All, int InPerson, int InPersonCandidateSpecific, int InPersonNewEmployer);

/// <summary>A follow-up episode (one referral): its start is the referral date.</summary>
public sealed record CandidateRow(int Id, DateOnly Start, DateOnly? DischargedOn, DischargeOutcome? Outcome, string? PrimarySpecialistId)
{
    /// <summary>In follow-up on the day: started, and not discharged on or before it.</summary>
    public bool ActiveOn(DateOnly day) => Start <= day && (DischargedOn is null || DischargedOn > day);
}

public sealed record PlacementRow(int Id, int CandidateId, int EmployerId, PlacementKind Kind, LabourMarket Market, DateOnly Start, DateOnly? End, PlacementEnding? Ending)
{
    public bool IsPaid => Placement.IsPaidKind(Kind);

    /// <summary>Paid work in the regular labour market (not a trial, not sheltered).</summary>
    public bool IsRegularPaidWork => IsPaid && Market == LabourMarket.Regular;

    public bool ActiveOn(DateOnly day) => Start <= day && (End is null || End >= day);

    public bool Overlaps(DatePeriod period) => Start <= period.To && (End is null || End >= period.From);
}

public sealed record FollowUpRow(int Id, int CandidateId, int? PlacementId, FollowUpKind Kind, DateOnly Planned, DateOnly? DoneOn);

/// <summary>A candidate and a date: a follow-up meeting at work, or the first employer contact about them.</summary>
public sealed record CandidateDate(int CandidateId, DateOnly Date);

/// <summary>An employer contact about a candidate made to follow up the job or agree support measures.</summary>
public sealed record SupportContact(int CandidateId, int EmployerId, DateOnly Date, EmployerContactPurpose Purpose);

public sealed record MeasureRow(int Id, int PlacementId, int CandidateId, SupportMeasureKind Kind, DateOnly? From, DateOnly? To, DateOnly? NextReview, DateOnly? LastReviewed)
{
    public bool ActiveOn(DateOnly day) => (From is null || From <= day) && (To is null || To >= day);
}

/// <summary>
/// Everything the indicators of one team read, as plain rows (loaded by <see cref="IndicatorDataLoader"/>, or built by
/// hand in tests). <see cref="Memberships"/> are the team's job specialists with their FTE; the time, absence and
/// contact rows are theirs; the candidate rows are the team's (after any candidate filter), with their placements,
/// follow-ups, measures and contact dates.
/// </summary>
public sealed record IndicatorData(
    DateOnly Today,
    DateOnly? TeamStartedOn,
    IReadOnlyList<MembershipSpan> Memberships,
    IReadOnlyList<AbsenceSpan> Absences,
    IReadOnlyList<TimeDay> Time,
    IReadOnlyList<ContactDay> Contacts,
    IReadOnlyList<CandidateRow> Candidates,
    IReadOnlyList<PlacementRow> Placements,
    IReadOnlyList<FollowUpRow> FollowUps,
    IReadOnlyList<CandidateDate> FollowUpMeetings,
    IReadOnlyList<MeasureRow> Measures,
    IReadOnlyList<SupportContact> SupportContacts,
    IReadOnlyList<CandidateDate> FirstContacts,
    IReadOnlyList<IndicatorTarget> Targets)
{
    public static IndicatorData Empty(DateOnly today) => new(today, null, [], [], [], [], [], [], [], [], [], [], [], []);

    /// <summary>The job specialists in the rows, in a stable order.</summary>
    public IReadOnlyList<string> Specialists => Memberships.Select(m => m.UserId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// One specialist's share: their memberships, time, absence and contacts, and the candidates they follow as primary
    /// specialist (today's assignment; Trinn keeps no history of it) with those candidates' rows.
    /// </summary>
    public IndicatorData ForSpecialist(string userId)
    {
        var candidates = Candidates.Where(c => c.PrimarySpecialistId == userId).ToList();
        var ids = candidates.Select(c => c.Id).ToHashSet();
        return this with
        {
            Memberships = Memberships.Where(m => m.UserId == userId).ToList(),
            Absences = Absences.Where(a => a.UserId == userId).ToList(),
            Time = Time.Where(t => t.UserId == userId).ToList(),
            Contacts = Contacts.Where(c => c.SpecialistId == userId).ToList(),
            Candidates = candidates,
            Placements = Placements.Where(p => ids.Contains(p.CandidateId)).ToList(),
            FollowUps = FollowUps.Where(f => ids.Contains(f.CandidateId)).ToList(),
            FollowUpMeetings = FollowUpMeetings.Where(f => ids.Contains(f.CandidateId)).ToList(),
            Measures = Measures.Where(m => ids.Contains(m.CandidateId)).ToList(),
            SupportContacts = SupportContacts.Where(c => ids.Contains(c.CandidateId)).ToList(),
            FirstContacts = FirstContacts.Where(c => ids.Contains(c.CandidateId)).ToList(),
        };
    }
}
