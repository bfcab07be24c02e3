using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Identity;
using Trinn.Core.Research;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Studies;

/// <summary>
/// Enrolment in a study. A metodeveileder picks candidates of their own team by name (they see those names anyway);
/// an admin enrols every consenting candidate of the study's teams at once and never sees a name here. Research IDs
/// are not shown on this page: the key between person and research ID stays in the database.
/// </summary>
[ReadsCandidateData]
public sealed class EnrolModel(TrinnDbContext db, IStringLocalizer<StudiesResource> s, IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel
{
    [BindProperty]
    public EnrolInput Input { get; set; } = new();

    public string StudyName { get; private set; } = "";

    public int StudyId { get; private set; }

    public bool ByName => User.IsInRole(Roles.Metodeveileder) && User.TeamId() is not null;

    public List<SelectListItem> Choices { get; private set; } = [];

    public IReadOnlyList<string> EnrolledNames { get; private set; } = [];

    public int EnrolledCount { get; private set; }

    public int ConsentingNotEnrolled { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var study = await FindAsync(id);
        if (study is null)
        {
            return NotFound();
        }

        await ShowAsync(study);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var study = await FindAsync(id);
        if (study is null)
        {
            return NotFound();
        }

        if (!ByName)
        {
            return Forbid();
        }

        if (Input.CandidateId is { } candidateId && ModelState.IsValid)
        {
            // Only the own team's candidates: anything else is answered as if it did not exist.
            var teamId = User.TeamId();
            if (!await db.Candidates.AnyAsync(c => c.Id == candidateId && c.TeamId == teamId))
            {
                ModelState.AddModelError("Input.CandidateId", s["Error_NotInStudyTeams"]);
            }
            else
            {
                var outcome = await ConcurrencyGuard.TrySaveAsync(db, () => StudyEnrolment.EnrolAsync(db, study, candidateId, User.UserId(), time.GetUtcNow().UtcDateTime),
                    ModelState, t, ex => s[ex.MessageKey], field: _ => nameof(Input.CandidateId));
                if (outcome == SaveOutcome.Saved)
                {
                    Message = s["Enrol_Done"];
                    return RedirectToPage(new { id });
                }
            }
        }

        await ShowAsync(study);
        return Page();
    }

    /// <summary>Enrols every candidate in scope who consented and is not yet in the study.</summary>
    public async Task<IActionResult> OnPostAllAsync(int id)
    {
        var study = await FindAsync(id);
        if (study is null)
        {
            return NotFound();
        }

        var ids = await InScope(study).Where(c => c.Agreement != null && c.Agreement.ConsentResearch)
            .Where(c => !db.Set<StudyParticipant>().Any(p => p.StudyId == study.Id && p.CandidateId == c.Id))
            .Select(c => c.Id).ToListAsync();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var candidateId in ids)
        {
            await StudyEnrolment.EnrolAsync(db, study, candidateId, User.UserId(), now);
        }

        await db.SaveChangesAsync();
        Message = s.Count("Enrol_DoneAll", ids.Count, ids.Count);
        return RedirectToPage(new { id });
    }

    private async Task<Study?> FindAsync(int id) =>
        await db.Set<Study>().AsNoTracking().VisibleTo(User).Include(x => x.Teams).SingleOrDefaultAsync(x => x.Id == id);

    /// <summary>Candidates of the study's teams (a metodeveileder: only their own team) who still have personal data.</summary>
    private IQueryable<Core.Candidates.Candidate> InScope(Study study)
    {
        var teams = study.Teams.Select(t => t.TeamId).ToList();
        var query = db.Candidates.Where(c => c.AnonymisedAtUtc == null && (study.WholeOrganisation || teams.Contains(c.TeamId)));
        if (!User.IsInRole(Roles.Admin))
        {
            var own = User.TeamId();
            query = query.Where(c => c.TeamId == own);
        }

        return query;
    }

    private async Task ShowAsync(Study study)
    {
        StudyId = study.Id;
        StudyName = study.Name;
        var scope = InScope(study).AsNoTracking();
        EnrolledCount = await scope.CountAsync(c => db.Set<StudyParticipant>().Any(p => p.StudyId == study.Id && p.CandidateId == c.Id));
        ConsentingNotEnrolled = await scope.CountAsync(c => c.Agreement != null && c.Agreement.ConsentResearch
            && !db.Set<StudyParticipant>().Any(p => p.StudyId == study.Id && p.CandidateId == c.Id));
        if (!ByName)
        {
            // An admin sees counts only: audited as a read of nobody.
            await db.AuditReadAsync(AuditEntities.StudyEnrolment);
            return;
        }

        var people = await scope.OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Select(c => new
            {
                c.Id,
                Name = c.FirstName + " " + c.LastName,
                Consent = c.Agreement != null && c.Agreement.ConsentResearch,
                Enrolled = db.Set<StudyParticipant>().Any(p => p.StudyId == study.Id && p.CandidateId == c.Id),
            })
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.StudyEnrolment, people.Select(p => p.Id).ToList());
        EnrolledNames = people.Where(p => p.Enrolled).Select(p => p.Name).ToList();
        Choices = people.Where(p => !p.Enrolled)
            .Select(p => new SelectListItem(p.Name + " – " + (p.Consent ? s["Enrol_ConsentYes"] : s["Enrol_ConsentNo"]), p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(s["Enrol_Choose"], ""))
            .ToList();
    }
}

public sealed class EnrolInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Candidate")]
    public int? CandidateId { get; set; }
}
