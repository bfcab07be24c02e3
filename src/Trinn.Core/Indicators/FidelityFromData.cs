using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Core.Indicators;

/// <summary>
/// A fidelity item scored from recorded data: the 1–5 score by the item's own answer bands (INSTRUMENTS.md A.2), the
/// measured value it came from, and its numerator and denominator. <see cref="Score"/> is null when there is nothing
/// to measure (denominator 0).
/// </summary>
public sealed record FidelityDataItem(int Item, int? Score, Measure Measure);

/// <summary>
/// The items of the modified fidelity scale that Trinn's own records answer, scored with each item's bands for a
/// period (a fidelity round's window, or the dashboard's period). The self-report is a person's impression; these are
/// what the records say. Definitions, and why, in docs/adr/indicators.md.
/// </summary>
public static class FidelityFromData
{
    public static readonly IReadOnlyList<int> Items = [1, 2, 11, 13, 14, 15, 16, 17, 18];

    /// <summary>A self-reported mean and a data score this far apart (one answer band or more) are flagged.</summary>
    public const decimal DifferenceFlag = 1m;

    public static bool Differs(decimal? selfReport, int? dataScore) =>
        selfReport is { } s && dataScore is { } d && Math.Abs(s - d) >= DifferenceFlag;

    public static IReadOnlyList<FidelityDataItem> Compute(IndicatorData data, DatePeriod window, IndicatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var staff = new StaffCalendar(data.Memberships, data.Absences, options.WeeklyHours);
        var time = data.Time.Where(t => window.Contains(t.Date) && staff.IsMember(t.UserId, t.Date)).ToList();
        var workingHours = staff.WorkingMinutes(window) / 60m;

        var caseload = IndicatorFormulas.Caseload(data, staff, window.To);
        var directed = Measure.Percent(time.Sum(t => (decimal)t.CandidateDirectedMinutes) / 60m, workingHours);
        var meetings = IndicatorFormulas.EmployerContacts(data, staff, window).InPerson;
        var atEmployers = Measure.Percent(time.Sum(t => (decimal)t.AtEmployerMinutes) / 60m, workingHours);
        return
        [
            new(1, Band(caseload.Value, v => v > 40 ? 1 : v > 30 ? 2 : v > 25 ? 3 : v > 20 ? 4 : 5), caseload),
            new(2, Band(directed.Value, v => v < 60 ? 1 : v < 75 ? 2 : v < 90 ? 3 : v < 96 ? 4 : 5), directed),
            new(11, Band(meetings.Value, v => v < 2 ? 1 : v < 4 ? 2 : v < 5 ? 3 : v < 6 ? 4 : 5), meetings),
            Share(13, SeveralJobs(data, window), v => v < 50 ? 1 : v < 60 ? 2 : v < 70 ? 3 : v < 85 ? 4 : 5),
            Share(14, NewOfferAfterDropout(data, window), Band65),
            Share(15, RegularMarket(data, window), Band65),
            Item16(data, window),
            Item17(data, window),
            new(18, Band(atEmployers.Value, v => v < 30 ? 1 : v < 40 ? 2 : v < 50 ? 3 : v < 65 ? 4 : 5), atEmployers),
        ];
    }

    /// <summary>
    /// Candidate-directed time (item 2, "% av stilling til brukerrettet oppfølging"): every logged category except
    /// "other tasks" — time with candidates and employers, travel, office work and team meetings about them.
    /// </summary>
    public static bool IsCandidateDirected(TimeLog.TimeCategory category) => category != TimeLog.TimeCategory.Other;

    /// <summary>Contacts that count as follow-up support towards the employer (item 16).</summary>
    public static bool IsEmployerSupport(EmployerContactPurpose purpose) =>
        purpose is EmployerContactPurpose.FollowUp or EmployerContactPurpose.AgreeSupportMeasures;

    /// <summary>Candidates in paid work at some time in the window.</summary>
    public static IReadOnlyList<int> WorkedIn(IndicatorData data, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        var candidates = data.Candidates.Where(c => c.Start <= window.To && (c.DischargedOn is null || c.DischargedOn >= window.From)).Select(c => c.Id).ToHashSet();
        return data.Placements.Where(p => p.IsPaid && p.Overlaps(window) && candidates.Contains(p.CandidateId)).Select(p => p.CandidateId).Distinct().ToList();
    }

    /// <summary>13. Of the candidates in paid work in the window, those helped to more than one paid job by its end.</summary>
    public static Measure SeveralJobs(IndicatorData data, DatePeriod window)
    {
        var worked = WorkedIn(data, window);
        var jobs = data.Placements.Where(p => p.IsPaid && p.Start <= window.To).GroupBy(p => p.CandidateId).ToDictionary(g => g.Key, g => g.Count());
        return Measure.Percent(worked.Count(id => jobs.GetValueOrDefault(id) > 1), worked.Count);
    }

    /// <summary>14. Of the candidates whose job or trial ended in a dropout, mismatch or dismissal in the window, those offered a new one after it (by the window's end).</summary>
    public static Measure NewOfferAfterDropout(IndicatorData data, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ended = data.Placements
            .Where(p => p.Ending is PlacementEnding.DroppedOut or PlacementEnding.Mismatch or PlacementEnding.Dismissed && p.End is { } e && window.Contains(e))
            .GroupBy(p => p.CandidateId)
            .ToDictionary(g => g.Key, g => g.Min(p => p.End!.Value));
        var offered = ended.Count(kv => data.Placements.Any(p => p.CandidateId == kv.Key && p.Start > kv.Value && p.Start <= window.To));
        return Measure.Percent(offered, ended.Count);
    }

    /// <summary>15. Of the placements started in the window, the share that are paid work in the regular labour market (not a trial, not sheltered).</summary>
    public static Measure RegularMarket(IndicatorData data, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        var started = data.Placements.Where(p => window.Contains(p.Start)).ToList();
        return Measure.Percent(started.Count(p => p.IsRegularPaidWork), started.Count);
    }

    /// <summary>
    /// 16. Follow-along support: of the candidates in paid work in the window, the share met at work after starting
    /// (numerator). Score 1 below 25 %, 2 below 50 % ("about half"), 3 from 50 % ("most"); 4 when also at least half of
    /// them had support towards the employer (a follow-up or support-measure contact, or a support measure); 5 when also
    /// at least one was helped on to a better job or education (a job ended for a better one or for education, or a
    /// second paid job).
    /// </summary>
    public static FidelityDataItem Item16(IndicatorData data, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        var worked = WorkedIn(data, window);
        var firstJob = data.Placements.Where(p => p.IsPaid).GroupBy(p => p.CandidateId).ToDictionary(g => g.Key, g => g.Min(p => p.Start));
        var meetings = data.FollowUpMeetings.ToLookup(m => m.CandidateId);
        var met = worked.Count(id => meetings[id].Any(m => window.Contains(m.Date) && m.Date >= firstJob[id]));
        var measure = Measure.Percent(met, worked.Count);
        if (measure.Value is not { } share)
        {
            return new FidelityDataItem(16, null, measure);
        }

        var contacts = data.SupportContacts.ToLookup(c => c.CandidateId);
        var measures = data.Measures.ToLookup(m => m.CandidateId);
        var placements = data.Placements.ToLookup(p => p.CandidateId);
        var supported = worked.Count(id =>
            contacts[id].Any(c => window.Contains(c.Date))
            || measures[id].Any(m => m.From is null || m.From <= window.To));
        var career = worked.Any(id =>
            placements[id].Any(p => p.Ending is PlacementEnding.BetterJob or PlacementEnding.Education && p.End <= window.To)
            || placements[id].Count(p => p.IsPaid && p.Start <= window.To) > 1);
        var score = share < 25 ? 1 : share < 50 ? 2 : supported * 2 < worked.Count ? 3 : career ? 5 : 4;
        return new FidelityDataItem(16, score, measure);
    }

    /// <summary>
    /// 17. Meetings after job start, from the follow-up plans (item 17's top anchor). Each paid job running in the window
    /// with a due slot by its end is placed at a level: 5 all due slots met in time; 4 the weekly (first month) and
    /// monthly slots met; 3 met at work four months or more after the start; 2 met after the first month; 1 not met after
    /// the first month. The score is the highest level at least half of the jobs reach. Measure: jobs at level 4 or 5 / jobs.
    /// </summary>
    public static FidelityDataItem Item17(IndicatorData data, DatePeriod window)
    {
        ArgumentNullException.ThrowIfNull(data);
        var end = window.To < data.Today ? window.To : data.Today.AddDays(-1);
        var candidates = data.Candidates.Select(c => c.Id).ToHashSet();
        var plans = data.FollowUps.Where(f => f.PlacementId is not null).ToLookup(f => f.PlacementId!.Value);
        var met = data.FollowUpMeetings.ToLookup(m => m.CandidateId);
        var levels = new List<int>();
        foreach (var job in data.Placements.Where(p => p.IsPaid && p.Overlaps(window) && candidates.Contains(p.CandidateId)))
        {
            var slots = plans[job.Id].Where(f => f.Kind != FollowUpKind.Extra && f.Planned <= end && (job.End is null || f.Planned <= job.End)).ToList();
            if (slots.Count == 0)
            {
                continue;
            }

            var meetings = met[job.CandidateId].Where(m => m.Date >= job.Start && m.Date <= end).Select(m => m.Date).ToList();
            var level = slots.All(IndicatorFormulas.IsMet) ? 5
                : slots.Where(s => s.Kind is FollowUpKind.Weekly or FollowUpKind.Monthly).All(IndicatorFormulas.IsMet) ? 4
                : meetings.Any(d => d >= job.Start.AddMonths(4)) ? 3
                : meetings.Any(d => d > job.Start.AddMonths(1)) ? 2
                : 1;
            levels.Add(level);
        }

        var measure = Measure.Percent(levels.Count(l => l >= 4), levels.Count);
        if (levels.Count == 0)
        {
            return new FidelityDataItem(17, null, measure);
        }

        var score = Enumerable.Range(1, 5).Reverse().First(k => levels.Count(l => l >= k) * 2 >= levels.Count);
        return new FidelityDataItem(17, score, measure);
    }

    private static FidelityDataItem Share(int item, Measure measure, Func<decimal, int> band) => new(item, Band(measure.Value, band), measure);

    private static int Band65(decimal v) => v < 65 ? 1 : v < 75 ? 2 : v < 85 ? 3 : v < 95 ? 4 : 5;

    private static int? Band(decimal? value, Func<decimal, int> band) => value is { } v ? band(v) : null;
}
