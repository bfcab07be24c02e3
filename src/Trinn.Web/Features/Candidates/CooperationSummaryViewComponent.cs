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
    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        var today = NorwegianTime.Today(time);
        var visible = db.Candidates.AsNoTracking().VisibleTo(UserClaimsPrincipal).Where(c => c.Id == candidateId);
        var row = await visible.Select(c => new
        {
            c.Id,
            c.Programme,
            c.DischargedOn,
            c.DischargeOutcome,
            Veileder = c.Referral!.ReferredBy!.DisplayName,
            ConsentNav = c.Agreement != null && c.Agreement.ConsentNavVeileder,
            ConsentHealth = c.Agreement != null && c.Agreement.ConsentHealthAndNetwork,
        }).SingleOrDefaultAsync();
        if (row is null)
        {
            return Content("");
        }

        // The three latest contacts in one read of the candidate's notes (was a query each).
        var last = await db.JournalNotes.AsNoTracking()
            .Where(n => n.CandidateId == candidateId && n.EnteredInErrorAtUtc == null
                        && (n.Kind == JournalKind.NavVeileder || n.Kind == JournalKind.ThreeWayMeeting || n.Kind == JournalKind.HealthServices))
            .GroupBy(n => n.CandidateId)
            .Select(g => new
            {
                Nav = g.Max(n => n.Kind == JournalKind.NavVeileder || n.Kind == JournalKind.ThreeWayMeeting ? (DateOnly?)n.Date : null),
                ThreeWay = g.Max(n => n.Kind == JournalKind.ThreeWayMeeting ? (DateOnly?)n.Date : null),
                Health = g.Max(n => n.Kind == JournalKind.HealthServices ? (DateOnly?)n.Date : null),
            })
            .SingleOrDefaultAsync();
        var discharges = await db.Set<DischargeRecord>().AsNoTracking().Where(d => d.CandidateId == candidateId)
            .OrderByDescending(d => d.DischargedOn).ThenByDescending(d => d.Id).Take(20).ToListAsync();
        var reviews = await db.Set<CaseReview>().AsNoTracking().Where(r => r.CandidateId == candidateId)
            .OrderByDescending(r => r.ScheduledFor).Take(20)
            .Select(r => new CandidateReviewLine(r.Id, r.ScheduledFor, r.Reason, r.HeldOn != null))
            .ToListAsync();
        var canTakeBack = row.DischargedOn is { } d && row.DischargeOutcome is { } o && DischargeOutcomeDefinitions.IsWork(o)
            && today <= d.AddMonths(Candidate.TakeBackMonths);
        return View("/Features/Candidates/_CooperationSummary.cshtml", new CooperationSummary(
            row.Id, row.Programme, row.Veileder, row.ConsentNav, row.ConsentHealth, last?.Nav, last?.ThreeWay, last?.Health,
            row.DischargedOn is not null, canTakeBack, discharges, reviews));
    }
}

public sealed record CandidateReviewLine(int Id, DateOnly ScheduledFor, CaseReviewReason Reason, bool Held);

public sealed record CooperationSummary(
    int CandidateId, Programme Programme, string? NavVeileder, bool ConsentNav, bool ConsentHealth, DateOnly? LastNavContact, DateOnly? LastThreeWayMeeting,
    DateOnly? LastHealthContact, bool Discharged, bool CanTakeBack, IReadOnlyList<DischargeRecord> Discharges, IReadOnlyList<CandidateReviewLine> Reviews);
