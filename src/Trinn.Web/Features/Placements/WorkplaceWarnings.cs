using System.Security.Claims;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Placements;

/// <summary>
/// Stage 4–5 warnings for Min portefølje (own candidates) and the team view (all the team's): wage subsidies past
/// their review date with no employer contact about support measures since the last review, and planned follow-ups
/// at the workplace that are overdue, and follow-up periods (forskrift § 5) ending within 30 days. The page loads them
/// with its own rows and audits both in one entry list, so a request waits for one durable audit commit, not two; it shows
/// them with <c>_WorkplaceWarnings.cshtml</c>.
/// </summary>
public static class WorkplaceWarnings
{
    /// <summary>Candidates with overdue follow-ups, and ending periods, shown at most.</summary>
    private const int Shown = 200;

    // On Min portefølje and the team view, so the three reads are compiled once per model (see PerModel). The team
    // condition is CandidateAccess.VisibleTo's, written out because a compiled query cannot call it; primary is the
    // user id for Min portefølje (own candidates only) and null for the whole team (EF's SQL for each is cached apart).
    // Every query starts from the visible candidates and joins down through their indexes (a team has a few hundred
    // active candidates; the tables below hold the whole country's history), rather than scanning the child table with a
    // correlated EXISTS on the candidates, which on national data read every open row in the country.
    private static readonly PerModel<Func<TrinnDbContext, int, string?, DateOnly, IAsyncEnumerable<SubsidyRow>>> SubsidiesQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, string? primary, DateOnly today) =>
            from c in db.Candidates.AsNoTracking()
            where c.TeamId == teamId && c.DischargedOn == null && (primary == null || c.PrimarySpecialistId == primary)
            join p in db.Set<Placement>() on c.Id equals p.CandidateId
            join m in db.Set<SupportMeasure>() on p.Id equals m.PlacementId
            // The SQL side of SupportMeasure.ReviewOverdue's "still runs" (the subsidy's and the job's end not passed),
            // so ended subsidies are not read; the rule itself is applied to the rows below.
            where m.Kind == SupportMeasureKind.Lonnstilskudd && m.NextReviewDate < today && p.Ending == null
                  && (m.ToDate == null || m.ToDate >= today) && (p.EndDate == null || p.EndDate >= today)
            select new SubsidyRow(
                m.Id, p.CandidateId, c.FirstName + " " + c.LastName, p.Employer!.Name, m.NextReviewDate, m.LastReviewedOn, m.FromDate,
                m.ToDate, p.EndDate,
                db.Set<EmployerContact>()
                    .Where(e => e.EmployerId == p.EmployerId && e.Purpose == EmployerContactPurpose.AgreeSupportMeasures
                                && e.Candidates.Any(l => l.CandidateId == p.CandidateId))
                    .Max(e => (DateOnly?)e.Date))));

    // One row per candidate, not per follow-up: a candidate whose weekly visits stopped has a row for every week missed,
    // and a team view listing each of them buried the table under hundreds of lines (236 for a team on national data).
    // Overdue is FollowUp.IsOverdue written for SQL: open and past its last day (FollowUp.LastDay: the window's end, or
    // for a follow-up without a window its planned date plus FollowUp.DefaultWindowDays), so one whose window is still
    // open does not warn.
    private static readonly PerModel<Func<TrinnDbContext, int, string?, DateOnly, IAsyncEnumerable<OverdueRow>>> OverdueQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, string? primary, DateOnly today) => (
                from c in db.Candidates.AsNoTracking()
                where c.TeamId == teamId && c.DischargedOn == null && (primary == null || c.PrimarySpecialistId == primary)
                join f in db.Set<FollowUp>() on c.Id equals f.CandidateId
                where f.DoneOn == null && f.ClosedOn == null && (f.WindowEnd ?? f.PlannedDate.AddDays(FollowUp.DefaultWindowDays)) < today
                group f.PlannedDate by new { c.Id, c.FirstName, c.LastName } into g
                orderby g.Min(), g.Key.Id
                select new OverdueRow(g.Key.Id, g.Key.FirstName + " " + g.Key.LastName, g.Min(), g.Count()))
            .Take(Shown)));

    private static readonly PerModel<Func<TrinnDbContext, int, string?, DateOnly, IAsyncEnumerable<DatedRow>>> EndingQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, string? primary, DateOnly soon) => (
                from c in db.Candidates.AsNoTracking()
                where c.TeamId == teamId && c.DischargedOn == null && (primary == null || c.PrimarySpecialistId == primary)
                join p in db.Set<FollowUpPeriod>() on c.Id equals p.CandidateId
                where p.EndDate <= soon
                orderby p.EndDate
                select new DatedRow(p.CandidateId, c.FirstName + " " + c.LastName, p.EndDate))
            .Take(Shown)));

    /// <summary>
    /// The warnings for the user's team: of <paramref name="primary"/>'s own candidates (Min portefølje), or of the whole
    /// team when it is null. Empty when the user sees no team. Not audited here: the caller audits them with its page.
    /// </summary>
    public static async Task<IReadOnlyList<WorkplaceWarning>> LoadAsync(TrinnDbContext db, ClaimsPrincipal user, string? primary, DateOnly today)
    {
        var warnings = new List<WorkplaceWarning>();
        if (user.VisibleTeamId() is not { } teamId)
        {
            return warnings;
        }

        var subsidies = await SubsidiesQuery.For(db)(db, teamId, primary, today).ToListAsync();
        warnings.AddRange(subsidies
            .Where(r => SupportMeasure.ReviewOverdue(
                r.NextReviewDate, r.LastReviewedOn, r.FromDate, SupportMeasure.RunsUntil(r.ToDate, r.JobEnd), r.LastContact, today))
            .OrderBy(r => r.NextReviewDate)
            .Select(r => new WorkplaceWarning(r.CandidateId, r.Name, WorkplaceWarningKind.WageSubsidyReview, r.NextReviewDate!.Value, r.Employer, r.Id)));
        await foreach (var f in OverdueQuery.For(db)(db, teamId, primary, today))
        {
            warnings.Add(new WorkplaceWarning(f.CandidateId, f.Name, WorkplaceWarningKind.FollowUpOverdue, f.Oldest, "", Count: f.Count));
        }

        await foreach (var p in EndingQuery.For(db)(db, teamId, primary, today.AddDays(FollowUpPeriod.WarningDays)))
        {
            warnings.Add(new WorkplaceWarning(p.CandidateId, p.Name, WorkplaceWarningKind.DurationEnding, p.Date, ""));
        }

        return warnings;
    }

    private sealed record SubsidyRow(
        int Id, int CandidateId, string Name, string Employer, DateOnly? NextReviewDate, DateOnly? LastReviewedOn, DateOnly? FromDate,
        DateOnly? ToDate, DateOnly? JobEnd, DateOnly? LastContact);

    private sealed record DatedRow(int CandidateId, string Name, DateOnly Date);

    private sealed record OverdueRow(int CandidateId, string Name, DateOnly Oldest, int Count);
}

public enum WorkplaceWarningKind
{
    WageSubsidyReview = 1,
    FollowUpOverdue = 2,
    DurationEnding = 3,
}

/// <summary>
/// One warning; <paramref name="MeasureId"/> is the wage subsidy to review (for <see cref="WorkplaceWarningKind.WageSubsidyReview"/>).
/// For <see cref="WorkplaceWarningKind.FollowUpOverdue"/> it stands for the candidate's <paramref name="Count"/> overdue
/// follow-ups, the oldest planned for <paramref name="Date"/>.
/// </summary>
public sealed record WorkplaceWarning(
    int CandidateId, string CandidateName, WorkplaceWarningKind Kind, DateOnly Date, string Detail, int? MeasureId = null, int Count = 1);
