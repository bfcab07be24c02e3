using System.ComponentModel.DataAnnotations;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.FollowUps;

/// <summary>A candidate's planned follow-ups at the workplace: see, move, add, and cancel one added by hand.</summary>
[ReadsCandidateData]
public sealed class IndexModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<FollowUpsResource> f, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public MoveFollowUpInput Move { get; set; } = new();

    [BindProperty]
    public AddFollowUpInput Add { get; set; } = new();

    [BindProperty]
    public CancelFollowUpInput Cancel { get; set; } = new();

    /// <summary>What the last change did, shown once after the redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    public int CandidateId { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<FollowUp> Rows { get; private set; } = [];

    private DateOnly? referredOn;

    public async Task<IActionResult> OnGetAsync(int candidateId) => await LoadAsync(candidateId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        ModelState.KeepErrorsOf("Move.");
        var followUp = await db.Set<FollowUp>().Include(x => x.Placement).SingleOrDefaultAsync(x => x.Id == Move.Id && x.CandidateId == candidateId);
        if (followUp is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, followUp, Move.Version, x => x.MoveTo(Move.Date!.Value, referredOn, Today), ModelState, t,
            ex => f[ex.MessageKey], prefix: "Move.", field: _ => "Date");
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage(new { candidateId });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            await LoadAsync(candidateId);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        ModelState.KeepErrorsOf("Add.");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The running paid job the follow-up belongs to (the latest started), so it closes when that job ends.
        var paid = Enum.GetValues<PlacementKind>().Where(Placement.IsPaidKind).ToList();
        var job = await db.Set<Placement>()
            .Where(p => p.CandidateId == candidateId && p.Ending == null && paid.Contains(p.Kind))
            .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).FirstOrDefaultAsync();
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
            {
                db.Add(FollowUp.ByHand(candidateId, Add.Date!.Value, string.IsNullOrWhiteSpace(Add.Note) ? null : Add.Note.Trim(), job, referredOn, Today));
                return Task.CompletedTask;
            }, ModelState, t, ex => f[ex.MessageKey], prefix: "Add.", field: _ => "Date");
        return outcome == SaveOutcome.Saved ? RedirectToPage(new { candidateId }) : Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        ModelState.KeepErrorsOf("Cancel.");
        var followUp = await db.Set<FollowUp>().SingleOrDefaultAsync(x => x.Id == Cancel.Id && x.CandidateId == candidateId);
        if (followUp is null)
        {
            return NotFound();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, followUp, Cancel.Version, x => x.Cancel(Today), ModelState, t,
            ex => f[ex.MessageKey], prefix: "Cancel.", field: _ => nameof(CancelFollowUpInput.Id));
        if (outcome == SaveOutcome.Saved)
        {
            Message = f["FollowUps_CancelledMessage", NorwegianTime.Format(followUp.PlannedDate)];
            return RedirectToPage(new { candidateId });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            await LoadAsync(candidateId);
        }

        return Page();
    }

    /// <summary>The refusal of a cancel posted for row <paramref name="id"/>, shown in that row.</summary>
    public string? CancelError(int id) =>
        Cancel.Id == id && ModelState.TryGetValue("Cancel.Id", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<bool> LoadAsync(int candidateId)
    {
        var candidate = await db.ReadVisibleAsync(
            candidateId,
            User,
            c => new { c.Id, Name = c.FirstName + " " + c.LastName, ReferredOn = c.Referral == null ? (DateOnly?)null : c.Referral.ReferredOn },
            AuditEntities.FollowUpsPage,
            logger);
        if (candidate is null)
        {
            return false;
        }

        (CandidateId, Name, Today, referredOn) = (candidate.Id, candidate.Name, NorwegianTime.Today(time), candidate.ReferredOn);
        Rows = await db.Set<FollowUp>().AsNoTracking().Where(x => x.CandidateId == candidateId)
            .OrderBy(x => x.PlannedDate).ThenBy(x => x.Id).ToListAsync();
        return true;
    }
}

public sealed class MoveFollowUpInput
{
    public int Id { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_PlannedDate")]
    public DateOnly? Date { get; set; }

    public long Version { get; set; }
}

public sealed class AddFollowUpInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_PlannedDate")]
    public DateOnly? Date { get; set; }

    [StringLength(FollowUp.NoteMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Note")]
    public string? Note { get; set; }
}

public sealed class CancelFollowUpInput
{
    public int Id { get; set; }

    public long Version { get; set; }
}
