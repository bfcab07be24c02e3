using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;
using Trinn.Core.Placements;
using Trinn.Web.Features.Placements;

namespace Trinn.Web.Features.Candidates;

/// <summary>
/// Takes back a candidate discharged to work who lost the job within 12 months: one action that keeps the history
/// (the discharge stays, marked taken back), moves the candidate to stage 3 and, when the lost job is still registered
/// as running, ends it (its open follow-ups close as "jobben avsluttet").
/// </summary>
[ReadsCandidateData]
public sealed class TakeBackModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<PracticeResource> p, IStringLocalizer<PlacementsResource> pl,
    TimeProvider time, ILogger<TakeBackModel> logger) : PageModel
{
    [BindProperty]
    public TakeBackInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public bool Allowed { get; private set; }

    public DateOnly? DischargedOn { get; private set; }

    public List<SelectListItem> OpenJobs { get; private set; } = [];

    public List<SelectListItem> Endings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await db.AuditReadAsync(AuditEntities.TakeBackPage, candidate.Id);
        await ShowAsync(candidate);
        Input = new TakeBackInput
        {
            Date = NorwegianTime.Today(time),
            Version = candidate.Version,
            PlacementId = OpenJobs.Count > 1 ? int.Parse(OpenJobs[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger, q => q.Include(c => c.Discharges));
        if (candidate is null)
        {
            return NotFound();
        }

        await ShowAsync(candidate);
        Placement? lost = null;
        if (Input.PlacementId is { } placementId)
        {
            lost = await db.Set<Placement>().Include(x => x.FollowUps)
                .SingleOrDefaultAsync(x => x.Id == placementId && x.CandidateId == candidate.Id && x.Ending == null);
            if (lost is null)
            {
                ModelState.AddModelError("Input.PlacementId", p["Error_JobNotOpen"]);
            }
        }

        if (ModelState.IsValid)
        {
            var today = NorwegianTime.Today(time);
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, candidate, Input.Version, c =>
                {
                    c.TakeBack(Input.Date ?? today, Input.Reason, User.UserId(), today, time.GetUtcNow().UtcDateTime);
                    lost?.End(Input.Date ?? today, Input.Ending, today);
                },
                ModelState, t, ex => ex.Field is "Ending" or "EndDate"
                    ? PlacementMessages.For(ex, t, pl)
                    : DomainMessages.For(ex, p, t, _ => Candidate.ReasonMaxLength));
            if (outcome == SaveOutcome.Saved)
            {
                return RedirectToPage("/Candidates/Details", new { id });
            }

            if (outcome == SaveOutcome.Conflict)
            {
                Input.Version = candidate.Version;
            }
        }

        return Page();
    }

    private async Task ShowAsync(Candidate candidate)
    {
        Id = candidate.Id;
        Name = candidate.FullName;
        DischargedOn = candidate.DischargedOn;
        Allowed = candidate.CanBeTakenBack(NorwegianTime.Today(time));
        var jobs = await db.Set<Placement>().AsNoTracking()
            .Where(x => x.CandidateId == candidate.Id && x.Ending == null && x.Kind >= PlacementKind.Permanent)
            .OrderByDescending(x => x.StartDate)
            .Select(x => new { x.Id, x.Kind, x.StartDate, Employer = x.Employer!.Name })
            .ToListAsync();
        OpenJobs = jobs.Select(j => new SelectListItem($"{j.Employer} – {EnumText.Name(pl, j.Kind)} ({NorwegianTime.Format(j.StartDate)})",
                j.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(p["TakeBack_NoOpenJob"], ""))
            .ToList();
        Endings = EnumText.Items<PlacementEnding>(pl, t["Select_Choose"]);
    }
}

public sealed class TakeBackInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_TakeBackDate")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Candidate.ReasonMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_TakeBackReason")]
    public string? Reason { get; set; }

    /// <summary>The lost job, when it is still registered as running: it ends on the same date.</summary>
    [Display(Name = "Field_LostJob")]
    public int? PlacementId { get; set; }

    [Display(Name = "Field_Ending")]
    public PlacementEnding? Ending { get; set; }

    public long Version { get; set; }
}
