using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Audit;
using Trinn.Core.Data;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Web.Features.Candidates;
using Trinn.Web.Infrastructure;

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

        var rows = await db.Set<SupportMeasure>().AsNoTracking()
            .Where(m => m.Kind == SupportMeasureKind.Lonnstilskudd && m.NextReviewDate < today && m.Placement!.Ending == null
                        && candidates.Any(c => c.Id == m.Placement.CandidateId))
            .Select(m => new
            {
                m.Id,
                m.Placement!.CandidateId,
                Name = m.Placement.Candidate!.FirstName + " " + m.Placement.Candidate.LastName,
                Employer = m.Placement.Employer!.Name,
                m.NextReviewDate,
                m.LastReviewedOn,
                m.FromDate,
                LastContact = db.Set<EmployerContact>()
                    .Where(c => c.EmployerId == m.Placement.EmployerId && c.Purpose == EmployerContactPurpose.AgreeSupportMeasures
                                && c.Candidates.Any(l => l.CandidateId == m.Placement.CandidateId))
                    .Max(c => (DateOnly?)c.Date),
            })
            .ToListAsync();
        var warnings = rows
            .Where(r => SupportMeasure.ReviewOverdue(r.NextReviewDate, r.LastReviewedOn, r.FromDate, r.LastContact, today))
            .OrderBy(r => r.NextReviewDate)
            .Select(r => new WorkplaceWarning(r.CandidateId, r.Name, WorkplaceWarningKind.WageSubsidyReview, r.NextReviewDate!.Value, r.Employer, r.Id))
            .ToList();
        var overdue = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.DoneOn == null && f.ClosedOn == null && f.PlannedDate < today && candidates.Any(c => c.Id == f.CandidateId))
            .OrderBy(f => f.PlannedDate).Take(200)
            .Select(f => new { f.CandidateId, Name = f.Candidate!.FirstName + " " + f.Candidate.LastName, f.PlannedDate })
            .ToListAsync();
        warnings.AddRange(overdue.Select(f => new WorkplaceWarning(f.CandidateId, f.Name, WorkplaceWarningKind.FollowUpOverdue, f.PlannedDate, "")));
        var soon = today.AddDays(FollowUpPeriod.WarningDays);
        var ending = await db.Set<FollowUpPeriod>().AsNoTracking()
            .Where(p => p.EndDate <= soon && candidates.Any(c => c.Id == p.CandidateId))
            .OrderBy(p => p.EndDate).Take(200)
            .Select(p => new { p.CandidateId, Name = p.Candidate!.FirstName + " " + p.Candidate.LastName, p.EndDate })
            .ToListAsync();
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
