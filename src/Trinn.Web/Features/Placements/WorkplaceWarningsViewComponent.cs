using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Placements;

/// <summary>
/// Stage 4–5 warnings for Min portefølje (own candidates) and the team view (all the team's): wage subsidies past
/// their review date with no employer contact about support measures since the last review, and planned follow-ups
/// at the workplace that are overdue, and follow-up periods (forskrift § 5) ending within 30 days.
/// </summary>
public sealed class WorkplaceWarningsViewComponent(TrinnDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool mineOnly)
    {
        var today = NorwegianTime.Today(time);
        var user = UserClaimsPrincipal;
        var me = user.UserId();
        var candidates = db.Candidates.AsNoTracking().VisibleTo(user).Where(c => c.DischargedOn == null);
        if (mineOnly)
        {
            candidates = candidates.Where(c => c.PrimarySpecialistId == me);
        }

        // Every query starts from the visible candidates and joins down through their indexes (a team has a few hundred
        // active candidates; the tables below hold the whole country's history), rather than scanning the child table
        // with a correlated EXISTS on the candidates, which on national data read every open row in the country.
        var rows = await (
                from c in candidates
                join p in db.Set<Placement>() on c.Id equals p.CandidateId
                join m in db.Set<SupportMeasure>() on p.Id equals m.PlacementId
                where m.Kind == SupportMeasureKind.Lonnstilskudd && m.NextReviewDate < today && p.Ending == null
                select new
                {
                    m.Id,
                    p.CandidateId,
                    Name = c.FirstName + " " + c.LastName,
                    Employer = p.Employer!.Name,
                    m.NextReviewDate,
                    m.LastReviewedOn,
                    m.FromDate,
                    LastContact = db.Set<EmployerContact>()
                        .Where(e => e.EmployerId == p.EmployerId && e.Purpose == EmployerContactPurpose.AgreeSupportMeasures
                                    && e.Candidates.Any(l => l.CandidateId == p.CandidateId))
                        .Max(e => (DateOnly?)e.Date),
                })
            .ToListAsync();
        var warnings = rows
            .Where(r => SupportMeasure.ReviewOverdue(r.NextReviewDate, r.LastReviewedOn, r.FromDate, r.LastContact, today))
            .OrderBy(r => r.NextReviewDate)
            .Select(r => new WorkplaceWarning(r.CandidateId, r.Name, WorkplaceWarningKind.WageSubsidyReview, r.NextReviewDate!.Value, r.Employer, r.Id))
            .ToList();
        var overdue = await (
                from c in candidates
                join f in db.Set<FollowUp>() on c.Id equals f.CandidateId
                where f.DoneOn == null && f.ClosedOn == null && f.PlannedDate < today
                orderby f.PlannedDate
                select new { f.CandidateId, Name = c.FirstName + " " + c.LastName, f.PlannedDate })
            .Take(200).ToListAsync();
        warnings.AddRange(overdue.Select(f => new WorkplaceWarning(f.CandidateId, f.Name, WorkplaceWarningKind.FollowUpOverdue, f.PlannedDate, "")));
        var soon = today.AddDays(FollowUpPeriod.WarningDays);
        var ending = await (
                from c in candidates
                join p in db.Set<FollowUpPeriod>() on c.Id equals p.CandidateId
                where p.EndDate <= soon
                orderby p.EndDate
                select new { p.CandidateId, Name = c.FirstName + " " + c.LastName, p.EndDate })
            .Take(200).ToListAsync();
        warnings.AddRange(ending.Select(p => new WorkplaceWarning(p.CandidateId, p.Name, WorkplaceWarningKind.DurationEnding, p.EndDate, "")));
        await db.AuditReadAsync(AuditEntities.WorkplaceWarnings, warnings.Select(w => w.CandidateId).ToList());
        return View("/Features/Placements/_WorkplaceWarnings.cshtml", warnings);
    }
}

public enum WorkplaceWarningKind
{
    WageSubsidyReview = 1,
    FollowUpOverdue = 2,
    DurationEnding = 3,
}

/// <summary>One warning; <paramref name="MeasureId"/> is the wage subsidy to review (for <see cref="WorkplaceWarningKind.WageSubsidyReview"/>).</summary>
public sealed record WorkplaceWarning(int CandidateId, string CandidateName, WorkplaceWarningKind Kind, DateOnly Date, string Detail, int? MeasureId = null);
