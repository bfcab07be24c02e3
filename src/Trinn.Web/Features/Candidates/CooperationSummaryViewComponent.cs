using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;

namespace Trinn.Web.Features.Candidates;

/// <summary>
/// Cooperation around the candidate on the candidate page: the programme (UO, IPS or other), the NAV-veileder and
/// health contacts with the consents they need, case reviews, and the discharges with their handover summaries and
/// the way back after a lost job.
/// </summary>
public sealed class CooperationSummaryViewComponent(TrinnDbContext db, TimeProvider time) : ViewComponent
{
    private const int Shown = 20;

    // On the candidate page, so its four reads are compiled once per model (see PerModel). The team condition is
    // CandidateAccess.VisibleTo's, written out because a compiled query cannot call it; the other three run only after
    // the first found the candidate visible.
    private static readonly PerModel<Func<TrinnDbContext, int, int, Task<CooperationRow?>>> RowQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, int candidateId) => db.Candidates.AsNoTracking()
            .Where(c => c.TeamId == teamId && c.Id == candidateId)
            .Select(c => new CooperationRow(
                c.Id, c.Programme, c.DischargedOn, c.DischargeOutcome, c.Referral!.ReferredBy!.DisplayName,
                c.Agreement != null && c.Agreement.ConsentNavVeileder, c.Agreement != null && c.Agreement.ConsentHealthAndNetwork))
            .SingleOrDefault()));

    // The three latest contacts in one read of the candidate's notes (was a query each); notes entered in error left out.
    private static readonly PerModel<Func<TrinnDbContext, int, Task<LatestContacts?>>> LatestQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int candidateId) => db.JournalNotes.AsNoTracking()
            .Where(n => n.CandidateId == candidateId && n.EnteredInErrorAtUtc == null
                        && (n.Kind == JournalKind.NavVeileder || n.Kind == JournalKind.ThreeWayMeeting || n.Kind == JournalKind.HealthServices))
            .GroupBy(n => n.CandidateId)
            .Select(g => new LatestContacts(
                g.Max(n => n.Kind == JournalKind.NavVeileder || n.Kind == JournalKind.ThreeWayMeeting ? (DateOnly?)n.Date : null),
                g.Max(n => n.Kind == JournalKind.ThreeWayMeeting ? (DateOnly?)n.Date : null),
                g.Max(n => n.Kind == JournalKind.HealthServices ? (DateOnly?)n.Date : null)))
            .SingleOrDefault()));

    private static readonly PerModel<Func<TrinnDbContext, int, IAsyncEnumerable<DischargeRecord>>> DischargesQuery = new(_ =>
        EF.CompileAsyncQuery<TrinnDbContext, int, DischargeRecord>((db, candidateId) => db.Set<DischargeRecord>().AsNoTracking()
            .Where(d => d.CandidateId == candidateId)
            .OrderByDescending(d => d.DischargedOn).ThenByDescending(d => d.Id).Take(Shown)));

    private static readonly PerModel<Func<TrinnDbContext, int, IAsyncEnumerable<CandidateReviewLine>>> ReviewsQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int candidateId) => db.Set<CaseReview>().AsNoTracking()
            .Where(r => r.CandidateId == candidateId)
            .OrderByDescending(r => r.ScheduledFor).Take(Shown)
            .Select(r => new CandidateReviewLine(r.Id, r.ScheduledFor, r.Reason, r.HeldOn != null))));

    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        var today = NorwegianTime.Today(time);
        var row = UserClaimsPrincipal.VisibleTeamId() is { } teamId ? await RowQuery.For(db)(db, teamId, candidateId) : null;
        if (row is null)
        {
            return Content("");
        }

        var last = await LatestQuery.For(db)(db, candidateId);
        var discharges = await DischargesQuery.For(db)(db, candidateId).ToListAsync();
        var reviews = await ReviewsQuery.For(db)(db, candidateId).ToListAsync();
        var canTakeBack = row.DischargedOn is { } d && row.DischargeOutcome is { } o && DischargeOutcomeDefinitions.IsWork(o)
            && today <= d.AddMonths(Candidate.TakeBackMonths);
        return View("/Features/Candidates/_CooperationSummary.cshtml", new CooperationSummary(
            row.Id, row.Programme, row.Veileder, row.ConsentNav, row.ConsentHealth, last?.Nav, last?.ThreeWay, last?.Health,
            row.DischargedOn is not null, canTakeBack, discharges, reviews));
    }

    private sealed record CooperationRow(
        int Id, Programme Programme, DateOnly? DischargedOn, DischargeOutcome? DischargeOutcome, string? Veileder, bool ConsentNav, bool ConsentHealth);

    private sealed record LatestContacts(DateOnly? Nav, DateOnly? ThreeWay, DateOnly? Health);
}

public sealed record CandidateReviewLine(int Id, DateOnly ScheduledFor, CaseReviewReason Reason, bool Held);

public sealed record CooperationSummary(
    int CandidateId, Programme Programme, string? NavVeileder, bool ConsentNav, bool ConsentHealth, DateOnly? LastNavContact, DateOnly? LastThreeWayMeeting,
    DateOnly? LastHealthContact, bool Discharged, bool CanTakeBack, IReadOnlyList<DischargeRecord> Discharges, IReadOnlyList<CandidateReviewLine> Reviews);
