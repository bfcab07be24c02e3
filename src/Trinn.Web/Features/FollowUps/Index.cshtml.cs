using System.ComponentModel.DataAnnotations;
using Trinn.Core.FollowUps;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.FollowUps;

/// <summary>A candidate's planned follow-ups at the workplace: see, move and add.</summary>
[ReadsCandidateData]
public sealed class IndexModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<FollowUpsResource> f, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public MoveFollowUpInput Move { get; set; } = new();

    [BindProperty]
    public AddFollowUpInput Add { get; set; } = new();

    public int CandidateId { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<FollowUp> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int candidateId) => await LoadAsync(candidateId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        ModelState.KeepErrorsOf("Move.");
        if (Move.Date is null)
        {
            ModelState.AddModelError("Move.Date", t["Error_Required", t["Field_PlannedDate"]]);
        }

        var followUp = await db.Set<FollowUp>().SingleOrDefaultAsync(x => x.Id == Move.Id && x.CandidateId == candidateId);
        if (followUp is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, followUp, Move.Version, x => x.MoveTo(Move.Date!.Value), ModelState, t,
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
        if (Add.Date is null)
        {
            ModelState.AddModelError("Add.Date", t["Error_Required", t["Field_PlannedDate"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Add(FollowUp.Planned(candidateId, FollowUpKind.Extra, Add.Date!.Value, string.IsNullOrWhiteSpace(Add.Note) ? null : Add.Note.Trim()));
        await db.SaveChangesAsync();
        return RedirectToPage(new { candidateId });
    }

    private async Task<bool> LoadAsync(int candidateId)
    {
        var candidate = await db.ReadVisibleAsync(
            candidateId,
            User,
            c => new { c.Id, Name = c.FirstName + " " + c.LastName },
            AuditEntities.FollowUpsPage,
            logger);
        if (candidate is null)
        {
            return false;
        }

        (CandidateId, Name, Today) = (candidate.Id, candidate.Name, NorwegianTime.Today(time));
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
