using Trinn.Core.Opportunities;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Opportunities;

/// <summary>The team's open job opportunities that fit one candidate's wishes (latest vocational profile), with the reasons.</summary>
[ReadsCandidateData]
public sealed class CandidateModel(TrinnDbContext db, ILogger<CandidateModel> logger) : PageModel
{
    public int CandidateId { get; private set; }

    public string Name { get; private set; } = "";

    public CandidatePreferences? Wishes { get; private set; }

    public string? PreferredHoursText { get; private set; }

    public bool HasProfile { get; private set; }

    public IReadOnlyList<OpportunityMatchRow> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int candidateId)
    {
        var candidate = await db.ReadVisibleAsync(
            candidateId,
            User,
            c => new
            {
                c.Id,
                Name = c.FirstName + " " + c.LastName,
                Profile = db.ProfileVersions.Where(p => p.CandidateId == c.Id).OrderByDescending(p => p.VersionNumber)
                    .Select(p => new { p.PreferredHours }).FirstOrDefault(),
            },
            AuditEntities.OpportunityMatches,
            logger);
        if (candidate is null)
        {
            return NotFound();
        }

        (CandidateId, Name, HasProfile, PreferredHoursText) = (candidate.Id, candidate.Name, candidate.Profile is not null, candidate.Profile?.PreferredHours);
        Wishes = (await OpportunityMatches.PreferencesAsync(db, db.Candidates.AsNoTracking().Where(c => c.Id == candidateId))).Single();
        var matches = await OpportunityMatches.ForCandidateAsync(db, User, candidateId);
        var ids = matches.Select(m => m.Opportunity.OpportunityId).ToList();
        var rows = await db.Set<JobOpportunity>().AsNoTracking().VisibleTo(User).Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Title, o.EmployerId, EmployerName = o.Employer!.Name, o.HoursPerWeek, o.HoursNote, o.Place, o.Industry })
            .ToDictionaryAsync(o => o.Id);
        Matches = matches
            .Select(m =>
            {
                var r = rows[m.Opportunity.OpportunityId];
                return new OpportunityMatchRow(r.Id, r.Title, r.EmployerId, r.EmployerName, r.HoursPerWeek, r.HoursNote, r.Place, r.Industry, m.Match);
            })
            .OrderByDescending(m => m.Match.CarvedForCandidate).ThenBy(m => m.EmployerName, StringComparer.Ordinal).ThenBy(m => m.Title, StringComparer.Ordinal)
            .ToList();
        return Page();
    }
}

public sealed record OpportunityMatchRow(
    int Id, string Title, int EmployerId, string EmployerName, int HoursPerWeek, string? HoursNote, string Place, string? Industry, JobMatch Match);
