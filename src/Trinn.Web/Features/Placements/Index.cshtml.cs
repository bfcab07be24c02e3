using Trinn.Core.Employers;
using Trinn.Core.Placements;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Placements;

/// <summary>A candidate's placements with their support measures and the warnings that belong to them.</summary>
[ReadsCandidateData]
public sealed class IndexModel(TrinnDbContext db, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public int CandidateId { get; private set; }

    public string Name { get; private set; } = "";

    public int Stage { get; private set; }

    public bool Discharged { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<PlacementRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int candidateId)
    {
        var candidate = await db.ReadVisibleAsync(
            candidateId,
            User,
            c => new { c.Id, Name = c.FirstName + " " + c.LastName, c.Stage, c.DischargedOn },
            AuditEntities.PlacementsPage,
            logger);
        if (candidate is null)
        {
            return NotFound();
        }

        (CandidateId, Name, Stage, Discharged, Today) = (candidate.Id, candidate.Name, candidate.Stage, candidate.DischargedOn is not null, NorwegianTime.Today(time));
        var placements = await db.Set<Placement>().AsNoTracking()
            .Where(p => p.CandidateId == candidateId)
            .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                Placement = p,
                EmployerName = p.Employer!.Name,
                Measures = p.Measures.OrderBy(m => m.Id).ToList(),
                LastContactAboutMeasures = db.Set<EmployerContact>()
                    .Where(c => c.EmployerId == p.EmployerId && c.Purpose == EmployerContactPurpose.AgreeSupportMeasures
                                && c.Candidates.Any(l => l.CandidateId == candidateId))
                    .Max(c => (DateOnly?)c.Date),
            })
            .ToListAsync();
        Rows = placements.Select(x => new PlacementRow(x.Placement, x.EmployerName, x.LastContactAboutMeasures, x.Measures)).ToList();
        return Page();
    }
}

public sealed record PlacementRow(Placement Placement, string EmployerName, DateOnly? LastContactAboutMeasures, List<SupportMeasure> Measures)
{
    public bool ReviewOverdue(SupportMeasure m, DateOnly today) =>
        m.Kind == SupportMeasureKind.Lonnstilskudd && Placement.Ending is null
        && SupportMeasure.ReviewOverdue(
            m.NextReviewDate, m.LastReviewedOn, m.FromDate, SupportMeasure.RunsUntil(m.ToDate, Placement.EndDate), LastContactAboutMeasures, today);
}
