using Trinn.Core.ActionPlans;
using Trinn.Core.Candidates;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Referrals;

/// <summary>
/// What the NAV-veileder sees of a candidate they referred: stage, the next planned step, the meetings with them (dates
/// and kinds, never journal text), and after discharge the handover summary. Another veileder's referral is not found.
/// </summary>
[ReadsCandidateData]
public sealed class DetailsModel(TrinnDbContext db, ILogger<DetailsModel> logger) : PageModel
{
    public const int MeetingsShown = 50;

    public ReferralView Referral { get; private set; } = default!;

    public IReadOnlyList<NavMeeting> Meetings { get; private set; } = [];

    public IReadOnlyList<DischargeRecord> Handovers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int candidateId)
    {
        var me = User.UserId();
        var row = await db.Referrals.AsNoTracking()
            .Where(r => r.CandidateId == candidateId && r.ReferredById == me)
            .Select(r => new ReferralView(
                r.CandidateId,
                r.Candidate!.FirstName + " " + r.Candidate.LastName,
                r.ReferredOn,
                r.Candidate.Team!.Name,
                r.Candidate.Stage,
                r.Candidate.StageSince,
                r.Candidate.PrimarySpecialistId != null,
                r.Candidate.PrimarySpecialist!.DisplayName,
                r.Candidate.DischargedOn,
                r.Candidate.DischargeOutcome,
                r.Candidate.NextAction,
                r.Candidate.NextActionDate))
            .SingleOrDefaultAsync();
        if (row is null)
        {
            await db.AuditDeniedAsync(candidateId, User, logger);
            return NotFound();
        }

        await db.AuditReadAsync(AuditEntities.ReferralDetailsPage, candidateId);
        var steps = await db.Set<ActionPlanStep>().AsNoTracking().Where(s => s.CandidateId == candidateId && s.Status == StepStatus.Open).ToListAsync();
        var next = ActionPlan.NextStep(steps);
        Referral = next is null ? row : row with { NextStep = next.Text, NextStepDue = next.DueDate, NextStepOwner = next.Owner };
        Meetings = await db.JournalNotes.AsNoTracking()
            .Where(n => n.CandidateId == candidateId && n.EnteredInErrorAtUtc == null
                        && (n.Kind == JournalKind.NavVeileder || n.Kind == JournalKind.ThreeWayMeeting))
            .OrderByDescending(n => n.Date).ThenByDescending(n => n.Id).Take(MeetingsShown)
            .Select(n => new NavMeeting(n.Date, n.Kind))
            .ToListAsync();
        Handovers = await db.Set<DischargeRecord>().AsNoTracking().Where(d => d.CandidateId == candidateId)
            .OrderByDescending(d => d.DischargedOn).ThenByDescending(d => d.Id).Take(10).ToListAsync();
        return Page();
    }
}

public sealed record ReferralView(
    int CandidateId, string Name, DateOnly ReferredOn, string Team, int Stage, DateOnly StageSince, bool HasSpecialist, string? Specialist,
    DateOnly? DischargedOn, DischargeOutcome? DischargeOutcome, string? NextAction, DateOnly? NextActionDate)
{
    public string? NextStep { get; init; }

    public DateOnly? NextStepDue { get; init; }

    public StepOwner? NextStepOwner { get; init; }
}

public sealed record NavMeeting(DateOnly Date, JournalKind Kind);
