using Trinn.Core.Opportunities;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Opportunities;

/// <summary>One job opportunity and the team's active candidates who fit it, with the reasons.</summary>
[ReadsCandidateData]
public sealed class DetailsModel(TrinnDbContext db, ILogger<DetailsModel> logger) : PageModel
{
    public OpportunityView? Opportunity { get; private set; }

    public IReadOnlyList<CandidateMatchRow> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Opportunity = await db.Set<JobOpportunity>().AsNoTracking().VisibleTo(User).Where(o => o.Id == id)
            .Select(o => new OpportunityView(
                o.Id, o.Title, o.EmployerId, o.Employer!.Name, o.Tasks, o.HoursPerWeek, o.HoursNote, o.Place, o.Requirements, o.Industry, o.Status,
                o.CarvedForCandidateId, o.CarvedForCandidate == null ? null : o.CarvedForCandidate.FirstName + " " + o.CarvedForCandidate.LastName))
            .SingleOrDefaultAsync();
        if (Opportunity is null)
        {
            logger.LogOpportunityNotVisible(id, User.UserId());
            return NotFound();
        }

        var o = Opportunity;
        var matches = await OpportunityMatches.ForOpportunityAsync(
            db, User, new OpportunityTerms(o.Id, o.Status, o.Industry, o.HoursPerWeek, o.Place, o.CarvedForCandidateId));
        var ids = matches.Select(m => m.Candidate.CandidateId).ToList();
        var names = await db.Candidates.AsNoTracking().VisibleTo(User).Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name);
        Matches = matches.Select(m => new CandidateMatchRow(m.Candidate.CandidateId, names[m.Candidate.CandidateId], m.Match))
            .OrderBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false)).ToList();
        // The names (the carved-for candidate's too) and the fit with each profile's wishes are candidate data.
        await db.AuditReadAsync(AuditEntities.OpportunityMatches, [.. ids, .. o.CarvedForCandidateId is { } carved ? [carved] : Array.Empty<int>()]);

        return Page();
    }
}

public sealed record OpportunityView(
    int Id, string Title, int EmployerId, string EmployerName, string Tasks, int HoursPerWeek, string? HoursNote, string Place, string? Requirements,
    string? Industry, OpportunityStatus Status, int? CarvedForCandidateId, string? CarvedForName);

public sealed record CandidateMatchRow(int CandidateId, string Name, JobMatch Match);
