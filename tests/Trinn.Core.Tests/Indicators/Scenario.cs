using Trinn.Core.Candidates;
using Trinn.Core.FollowUps;
using Trinn.Core.Indicators;
using Trinn.Core.Placements;

namespace Trinn.Core.Tests.Indicators;

/// <summary>A hand-built team for the indicator tests: add rows, then <see cref="Data"/>.</summary>
internal sealed class Scenario
{
    public static readonly IndicatorOptions Options = new() { WeeklyHours = 37.5m, NearTargetPercent = 10 };

    public DateOnly Today { get; init; } = new(2026, 7, 1);

    public DateOnly? StartedOn { get; set; }

    public List<MembershipSpan> Memberships { get; } = [];

    public List<AbsenceSpan> Absences { get; } = [];

    public List<TimeDay> Time { get; } = [];

    public List<ContactDay> Contacts { get; } = [];

    public List<CandidateRow> Candidates { get; } = [];

    public List<PlacementRow> Placements { get; } = [];

    public List<FollowUpRow> FollowUps { get; } = [];

    public List<CandidateDate> Meetings { get; } = [];

    public List<MeasureRow> Measures { get; } = [];

    public List<SupportContact> SupportContacts { get; } = [];

    public List<CandidateDate> FirstContacts { get; } = [];

    public List<IndicatorTarget> Targets { get; } = [];

    private int _next = 1000;

    public IndicatorData Data => new(Today, StartedOn, Memberships, Absences, Time, Contacts, Candidates, Placements, FollowUps, Meetings,
        Measures, SupportContacts, FirstContacts, Targets);

    public StaffCalendar Staff => new(Memberships, Absences, Options.WeeklyHours);

    public Scenario Member(string user, decimal fte, DateOnly? from = null, DateOnly? to = null)
    {
        Memberships.Add(new MembershipSpan(user, from ?? DateOnly.MinValue, to, fte));
        return this;
    }

    public int Candidate(DateOnly start, DateOnly? discharged = null, DischargeOutcome? outcome = null, string? primary = "a", int? id = null)
    {
        var c = new CandidateRow(id ?? _next++, start, discharged, outcome, primary);
        Candidates.Add(c);
        return c.Id;
    }

    public int Placement(int candidate, PlacementKind kind, DateOnly start, DateOnly? end = null, PlacementEnding? ending = null,
        LabourMarket market = LabourMarket.Regular, int employer = 1)
    {
        var p = new PlacementRow(_next++, candidate, employer, kind, market, start, end, ending);
        Placements.Add(p);
        return p.Id;
    }

    public int FollowUp(int candidate, int? placement, FollowUpKind kind, DateOnly planned, DateOnly? done = null)
    {
        var f = new FollowUpRow(_next++, candidate, placement, kind, planned, done);
        FollowUps.Add(f);
        return f.Id;
    }

    public void Contact(string user, DateOnly date, int all, int inPerson, int candidateSpecific = 0, int newEmployer = 0) =>
        Contacts.Add(new ContactDay(user, date, all, inPerson, candidateSpecific, newEmployer));

    /// <summary>A day's logged time: <paramref name="outMinutes"/> of <paramref name="total"/> out of the office.</summary>
    public void Logged(string user, DateOnly date, int total, int outMinutes, int directed = 0, int atEmployer = 0) =>
        Time.Add(new TimeDay(user, date, total, outMinutes, directed, atEmployer));

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
