using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Identity;
using Trinn.Core.Placements;
using Trinn.Core.Teams;
using Trinn.Core.TimeLog;

namespace Trinn.Core.Indicators;

/// <summary>
/// Reads the rows one team's indicators need for a period, filtered by team and dates in the queries (indexed), with
/// time and employer contacts summed per specialist and day in SQL. The yearly indicators look 12 months further back
/// than the period. An optional candidate filter narrows every candidate-based figure (for example to one programme);
/// time and employer-contact figures are about the specialists' work and are not filtered.
/// </summary>
public static class IndicatorDataLoader
{
    /// <summary>A job specialist with no membership rows counts in their current team with this FTE when none is registered.</summary>
    public const decimal DefaultFte = 1.0m;

    /// <param name="alongside">
    /// A second context (its own connection) for reads that run at the same time as those on <paramref name="db"/>: the
    /// staff, time and contact sums and the follow-ups and workplace notes there, the candidates, placements, measures and
    /// employer contacts on <paramref name="db"/>, so that a reload after a change, which the requests for the same dashboard
    /// wait for, uses both cores. The reads are separate snapshots either way (one context runs each as its own statement).
    /// Null: all on <paramref name="db"/>.
    /// </param>
    public static async Task<IndicatorData> LoadAsync(
        TrinnDbContext db, int teamId, DatePeriod period, DateOnly today,
        Expression<Func<Candidate, bool>>? candidateFilter = null, TrinnDbContext? alongside = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var other = alongside ?? db;
        var back = period.From.AddMonths(-IndicatorFormulas.YearMonths);
        var pending = new List<Task>();
        try
        {
            var staffTask = StaffAndContactsAsync(other, teamId, period, today, back, candidateFilter, ct);
            pending.Add(staffTask);
            if (alongside is null)
            {
                await staffTask; // one context runs one query at a time
            }

            var candidates = await TeamCandidates(db, teamId, candidateFilter)
                .Where(c => c.Referral != null && c.Referral.ReferredOn <= period.To && (c.DischargedOn == null || c.DischargedOn >= back))
                .AsNoTracking()
                .Select(c => new CandidateRow(c.Id, c.Referral!.ReferredOn, c.DischargedOn, c.DischargeOutcome, c.PrimarySpecialistId))
                .ToListAsync(ct);

            // The candidates' rows are read with their ids as one array parameter (SQLite json_each, PostgreSQL = ANY): not
            // as a subquery with the filter again, which each read evaluated anew (a few ms each on a national team), and
            // not as one parameter per id (EF's default), which compiles a new query for each count.
            var ids = candidates.Select(c => c.Id).ToArray();
            var visitsTask = AfterAsync(staffTask, () => FollowUpsAndVisitsAsync(other, ids, back, period.To, ct));
            pending.Add(visitsTask);
            if (alongside is null)
            {
                await visitsTask;
            }

            var work = await WorkRowsAsync(db, ids, period.To, ct);
            var (followUpRows, notes) = await visitsTask;
            var staff = await staffTask;

            var followUps = followUpRows.Where(f => f.Planned >= back && f.Planned <= period.To).ToList();
            var support = work.About.Where(c => c.Purpose is EmployerContactPurpose.FollowUp or EmployerContactPurpose.AgreeSupportMeasures)
                .Select(c => new SupportContact(c.CandidateId, c.EmployerId, c.Date, c.Purpose)).ToList();
            var first = work.About.GroupBy(c => c.CandidateId).Select(g => new CandidateDate(g.Key, g.Min(c => c.Date))).ToList();
            // Days a candidate was met at work: follow-ups marked done, workplace-visit journal notes, and workplace follow-up contacts about them.
            var meetings = followUpRows.Where(f => f.DoneOn >= back && f.DoneOn <= period.To).Select(f => new CandidateDate(f.CandidateId, f.DoneOn!.Value))
                .Concat(notes)
                .Concat(work.About.Where(c => c.Kind == EmployerContactKind.WorkplaceFollowUp && c.Date >= back).Select(c => new CandidateDate(c.CandidateId, c.Date)))
                .Distinct().ToList();

            return staff with
            {
                Candidates = candidates,
                Placements = work.Placements,
                FollowUps = followUps,
                FollowUpMeetings = meetings,
                Measures = work.Measures,
                SupportContacts = support,
                FirstContacts = first,
            };
        }
        catch
        {
            // A read failed: let the other connection's reads end before the caller disposes of its context.
            await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    private static IQueryable<Candidate> TeamCandidates(TrinnDbContext db, int teamId, Expression<Func<Candidate, bool>>? candidateFilter) =>
        candidateFilter is null ? db.Candidates.Where(c => c.TeamId == teamId) : db.Candidates.Where(c => c.TeamId == teamId).Where(candidateFilter);

    private static async Task<T> AfterAsync<T>(Task first, Func<Task<T>> then)
    {
        await first;
        return await then();
    }

    /// <summary>The staff's rows and their employer contacts summed per day (about the filtered candidates when filtered).</summary>
    private static async Task<IndicatorData> StaffAndContactsAsync(
        TrinnDbContext db, int teamId, DatePeriod period, DateOnly today, DateOnly back, Expression<Func<Candidate, bool>>? candidateFilter, CancellationToken ct)
    {
        var staff = await LoadStaffAsync(db, teamId, period, today, back, ct);
        var contacts = await ContactDaysAsync(db, staff.Specialists, period, candidateFilter is null ? null : TeamCandidates(db, teamId, candidateFilter), ct);
        return staff with { Contacts = contacts };
    }

    private sealed record AboutContact(int CandidateId, int EmployerId, DateOnly Date, EmployerContactKind Kind, EmployerContactPurpose Purpose);

    private sealed record WorkRows(List<PlacementRow> Placements, List<MeasureRow> Measures, List<AboutContact> About);

    /// <summary>The candidates' placements and support measures up to the end, and every employer contact about them up to the end.</summary>
    private static async Task<WorkRows> WorkRowsAsync(TrinnDbContext db, int[] ids, DateOnly end, CancellationToken ct)
    {
        var placements = await db.Set<Placement>().AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.CandidateId) && p.StartDate <= end)
            .Select(p => new PlacementRow(p.Id, p.CandidateId, p.EmployerId, p.Kind, p.Market, p.StartDate, p.EndDate, p.Ending))
            .ToListAsync(ct);
        var measures = await db.Set<SupportMeasure>().AsNoTracking()
            .Where(m => EF.Parameter(ids).Contains(m.Placement!.CandidateId) && m.Placement.StartDate <= end)
            .Select(m => new MeasureRow(m.Id, m.PlacementId, m.Placement!.CandidateId, m.Kind, m.FromDate, m.ToDate, m.NextReviewDate, m.LastReviewedOn))
            .ToListAsync(ct);
        // Read once: workplace visits, support towards the employer, and each candidate's first contact come from these rows.
        // The links first, then their contacts by id: as one join PostgreSQL hashed all the country's contacts after a
        // sequential scan (86 ms on national data) rather than look up a team's 1,700 by primary key.
        var links = await db.Set<EmployerContactCandidate>().AsNoTracking()
            .Where(l => EF.Parameter(ids).Contains(l.CandidateId))
            .Select(l => new { l.CandidateId, l.EmployerContactId })
            .ToListAsync(ct);
        var contactIds = links.Select(l => l.EmployerContactId).Distinct().ToArray();
        var contacts = await db.Set<EmployerContact>().AsNoTracking()
            .Where(c => EF.Parameter(contactIds).Contains(c.Id) && c.Date <= end)
            .Select(c => new { c.Id, c.EmployerId, c.Date, c.Kind, c.Purpose })
            .ToDictionaryAsync(c => c.Id, ct);
        var about = new List<AboutContact>(links.Count);
        foreach (var l in links)
        {
            if (contacts.TryGetValue(l.EmployerContactId, out var c))
            {
                about.Add(new AboutContact(l.CandidateId, c.EmployerId, c.Date, c.Kind, c.Purpose));
            }
        }

        return new WorkRows(placements, measures, about);
    }

    /// <summary>
    /// Follow-ups planned in the window (the follow-up figures) or done in it (meetings at work), and workplace-visit notes
    /// in it. A follow-up cancelled by hand was never due, so it is left out: counted, it would be a follow-up missed.
    /// </summary>
    private static async Task<(List<FollowUpRow> FollowUps, List<CandidateDate> Visits)> FollowUpsAndVisitsAsync(
        TrinnDbContext db, int[] ids, DateOnly back, DateOnly end, CancellationToken ct)
    {
        var followUps = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => EF.Parameter(ids).Contains(f.CandidateId) && ((f.PlannedDate >= back && f.PlannedDate <= end) || (f.DoneOn >= back && f.DoneOn <= end)))
            .Where(f => f.ClosedReason == null || f.ClosedReason != FollowUpClosedReason.Cancelled)
            .Select(f => new FollowUpRow(f.Id, f.CandidateId, f.PlacementId, f.Kind, f.PlannedDate, f.DoneOn))
            .ToListAsync(ct);
        var visits = await db.JournalNotes.AsNoTracking()
            .Where(n => EF.Parameter(ids).Contains(n.CandidateId) && n.Kind == JournalKind.WorkplaceVisit && n.Date >= back && n.Date <= end)
            .Select(n => new CandidateDate(n.CandidateId, n.Date))
            .ToListAsync(ct);
        return (followUps, visits);
    }

    /// <summary>
    /// The team's job specialists, their absence and logged time (summed per day), the team's start and the targets:
    /// what the time-based figures need. <paramref name="membershipsFrom"/> reaches further back when yearly figures
    /// need the FTE of earlier months.
    /// </summary>
    public static async Task<IndicatorData> LoadStaffAsync(
        TrinnDbContext db, int teamId, DatePeriod period, DateOnly today, DateOnly? membershipsFrom = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = (period.From, period.To);
        var startedOn = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.StartedOn).SingleOrDefaultAsync(ct);
        var memberships = await MembershipsAsync(db, teamId, membershipsFrom ?? start, end, ct);
        var users = memberships.Select(m => m.UserId).Distinct().ToList();
        var absences = await AbsencesAsync(db, users, period, ct);
        var time = await db.Set<TimeBlock>().AsNoTracking()
            .Where(b => users.Contains(b.UserId) && b.Date >= start && b.Date <= end)
            .GroupBy(b => new { b.UserId, b.Date })
            .Select(g => new TimeDay(
                g.Key.UserId,
                g.Key.Date,
                g.Sum(b => b.Minutes),
                g.Sum(b => b.OutOfOffice ? b.Minutes : 0),
                g.Sum(b => b.Category != TimeCategory.Other ? b.Minutes : 0),
                g.Sum(b => b.Category == TimeCategory.AtEmployer ? b.Minutes : 0)))
            .ToListAsync(ct);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.ValidFrom <= end).ToListAsync(ct);
        return IndicatorData.Empty(today) with { TeamStartedOn = startedOn, Memberships = memberships, Absences = absences, Time = time, Targets = targets };
    }

    /// <summary>One user's FTE over the dates in whichever team they were (any role): recorded memberships, or their current FTE throughout.</summary>
    public static async Task<List<MembershipSpan>> UserMembershipsAsync(TrinnDbContext db, string userId, DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var recorded = await db.Set<TeamMembership>().AsNoTracking()
            .Where(m => m.UserId == userId && m.From <= last && (m.To == null || m.To >= first))
            .Select(m => new MembershipSpan(m.UserId, m.From, m.To, m.Fte))
            .ToListAsync(ct);
        if (recorded.Count == 0 && !await db.Set<TeamMembership>().AnyAsync(m => m.UserId == userId, ct))
        {
            var fte = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Fte).SingleOrDefaultAsync(ct);
            recorded.Add(new MembershipSpan(userId, DateOnly.MinValue, null, fte ?? DefaultFte));
        }

        return recorded;
    }

    /// <summary>
    /// The users' employer contacts in the period counted per specialist and day: all, in person (not phone), and of
    /// those the ones about a candidate (of <paramref name="linkedTo"/> when given) and the ones with a new employer.
    /// </summary>
    /// <remarks>
    /// Two reads, counted here: the contacts, then which of them are about a candidate, looked up by contact id in the
    /// links' primary key. As one statement with <c>EXISTS</c> per contact, PostgreSQL hashed all the country's links for
    /// it (75 ms on national data for a team's 2,000 contacts).
    /// </remarks>
    public static async Task<List<ContactDay>> ContactDaysAsync(
        TrinnDbContext db, IReadOnlyCollection<string> users, DatePeriod period, IQueryable<Candidate>? linkedTo = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contacts = await db.Set<EmployerContact>().AsNoTracking()
            .Where(c => users.Contains(c.SpecialistId) && c.Date >= period.From && c.Date <= period.To)
            .Select(c => new { c.Id, c.SpecialistId, c.Date, InPerson = c.Kind != EmployerContactKind.Phone, c.FirstContact })
            .ToListAsync(ct);
        var ids = contacts.Select(c => c.Id).ToArray();
        var links = db.Set<EmployerContactCandidate>().AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.EmployerContactId));
        if (linkedTo is not null)
        {
            links = links.Where(l => linkedTo.Any(t => t.Id == l.CandidateId));
        }

        var linked = (await links.Select(l => l.EmployerContactId).Distinct().ToListAsync(ct)).ToHashSet();
        return contacts
            .GroupBy(c => (c.SpecialistId, c.Date))
            .Select(g => new ContactDay(
                g.Key.SpecialistId,
                g.Key.Date,
                g.Count(),
                g.Count(c => c.InPerson),
                g.Count(c => c.InPerson && linked.Contains(c.Id)),
                g.Count(c => c.InPerson && c.FirstContact)))
            .ToList();
    }

    public static Task<List<AbsenceSpan>> AbsencesAsync(TrinnDbContext db, IReadOnlyCollection<string> users, DatePeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Absence>().AsNoTracking()
            .Where(a => users.Contains(a.UserId) && a.From <= period.To && a.To >= period.From)
            .Select(a => new AbsenceSpan(a.UserId, a.From, a.To, a.Percent))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The team's job specialists over the dates: recorded memberships overlapping them, and for a job specialist in the
    /// team with no membership rows at all, the current team and FTE throughout.
    /// </summary>
    public static async Task<List<MembershipSpan>> MembershipsAsync(TrinnDbContext db, int teamId, DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Jobbspesialist).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var specialists = db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId);
        var recorded = await db.Set<TeamMembership>().AsNoTracking()
            .Where(m => m.TeamId == teamId && m.From <= last && (m.To == null || m.To >= first) && specialists.Contains(m.UserId))
            .Select(m => new MembershipSpan(m.UserId, m.From, m.To, m.Fte))
            .ToListAsync(ct);
        var implicitSpans = await db.Users.AsNoTracking()
            .Where(u => u.TeamId == teamId && specialists.Contains(u.Id) && !db.Set<TeamMembership>().Any(m => m.UserId == u.Id))
            .Select(u => new MembershipSpan(u.Id, DateOnly.MinValue, null, u.Fte ?? DefaultFte))
            .ToListAsync(ct);
        recorded.AddRange(implicitSpans);
        return recorded;
    }
}
