using Trinn.Core.Candidates;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Referrals;

/// <summary>
/// A NAV-veileder sees the status of the referrals they made, and nothing else about the candidates. The referral's own
/// state (received, in follow-up, ended) is always shown; the stage the candidate has reached is information about the
/// candidate exchanged with the veileder, so it is shown only when the cooperation agreement gives the NAV-veileder
/// consent (docs/adr/consent-flags.md).
/// </summary>
[ReadsCandidateData]
public sealed class MineModel(TrinnDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ReferralStatusRow> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync()
    {
        var me = User.UserId();
        var query = db.Referrals.AsNoTracking().Where(r => r.ReferredById == me);
        var total = await query.CountAsync();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, Request.Query);
        var rows = await query
            .OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(r => new
            {
                r.CandidateId,
                Name = r.Candidate!.FirstName + " " + r.Candidate.LastName,
                r.ReferredOn,
                Team = r.Candidate.Team!.Name,
                r.Candidate.DischargedOn,
                r.Candidate.PrimarySpecialistId,
                r.Candidate.Stage,
                SharesWithVeileder = r.Candidate.Agreement != null && r.Candidate.Agreement.ConsentNavVeileder,
            })
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.ReferralStatusPage, rows.Select(r => r.CandidateId).ToList());
        Rows = rows.Select(r => new ReferralStatusRow(
                r.CandidateId,
                r.Name,
                r.ReferredOn,
                r.Team,
                Status(r.DischargedOn is not null ? CandidateStatus.Discharged
                    : r.PrimarySpecialistId is null ? CandidateStatus.AwaitingSpecialist : CandidateStatus.Active,
                    ConsentRules.StageSharedWithVeileder(r.Stage, r.SharesWithVeileder))))
            .ToList();
    }

    private string Status(CandidateStatus status, int? stage) => status == CandidateStatus.Active && stage is null
        ? t["CandidateStatus_Active"] + " " + t["MyReferrals_StageNotShared"]
        : CandidateLookups.StatusName(t, status, stage ?? 0);
}

public sealed record ReferralStatusRow(int CandidateId, string Name, DateOnly ReferredOn, string Team, string Status);
