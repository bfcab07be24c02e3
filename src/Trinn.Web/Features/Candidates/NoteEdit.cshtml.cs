using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;
using Trinn.Core.FollowUps;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Features.Candidates;

/// <summary>
/// One journal note with its history. The author can correct it (the earlier text stays as history) or mark it as
/// entered in error with a reason; follow-ups it completed and the time carried from it follow the change.
/// </summary>
[ReadsCandidateData]
public sealed class NoteEditModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<PracticeResource> p, TimeProvider time, ILogger<NoteEditModel> logger) : PageModel
{
    [BindProperty]
    public JournalInput Input { get; set; } = new();

    [BindProperty]
    public EnteredInErrorInput Error { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public NoteView Note { get; private set; } = default!;

    public bool IsAuthor { get; private set; }

    public List<SelectListItem> Kinds { get; private set; } = [];

    public List<SelectListItem> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var note = await LoadAsync(id);
        if (note is null)
        {
            return NotFound();
        }

        Input = JournalModel.From(note);
        Version = note.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostCorrectAsync(int id)
    {
        var note = await LoadAsync(id);
        if (note is null)
        {
            return NotFound();
        }

        ModelState.KeepErrorsOf("Input.");
        if (ModelState.IsValid)
        {
            var agreement = await db.CooperationAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.CandidateId == note.CandidateId);
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, note, Version, async n =>
                {
                    n.Correct(User.UserId(), agreement, Input.Date, Input.Kind, Input.Place, Input.DurationMinutes, Input.Text,
                        NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime);
                    await FollowAsync(n);
                },
                ModelState, t, ex => DomainMessages.For(ex, p, t, _ => JournalNote.TextMaxLength));
            if (outcome == SaveOutcome.Saved)
            {
                return RedirectToPage("/Candidates/Details", new { id = note.CandidateId });
            }

            if (outcome == SaveOutcome.Conflict)
            {
                await LoadAsync(id);
                Input = JournalModel.From(note);
                Version = note.Version;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostErrorAsync(int id)
    {
        var note = await LoadAsync(id);
        if (note is null)
        {
            return NotFound();
        }

        ModelState.KeepErrorsOf("Error.");
        if (ModelState.IsValid)
        {
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, note, Version, async n =>
                {
                    n.MarkEnteredInError(User.UserId(), Error.Reason, time.GetUtcNow().UtcDateTime);
                    await FollowAsync(n);
                },
                ModelState, t, ex => DomainMessages.For(ex, p, t, _ => JournalNote.ReasonMaxLength), prefix: "Error.");
            if (outcome == SaveOutcome.Saved)
            {
                return RedirectToPage("/Candidates/Details", new { id = note.CandidateId });
            }

            if (outcome == SaveOutcome.Conflict)
            {
                await LoadAsync(id);
                Version = note.Version;
            }
        }

        Input = JournalModel.From(note);
        return Page();
    }

    /// <summary>Follow-ups the note completed, and the time carried from it, follow its new kind, date and status.</summary>
    private async Task FollowAsync(JournalNote note)
    {
        await FollowUpCompletion.OnNoteChangedAsync(db, note);
        await CarriedTime.OnNoteChangedAsync(db, note);
    }

    /// <summary>The note, tracked, when its candidate is visible to the user (audited read); null after an audited refusal.</summary>
    private async Task<JournalNote?> LoadAsync(int id)
    {
        var candidateId = await db.JournalNotes.AsNoTracking().Where(n => n.Id == id).Select(n => (int?)n.CandidateId).SingleOrDefaultAsync();
        var candidate = candidateId is { } cid
            ? await db.ReadVisibleAsync(cid, User, c => new { c.Id, Name = c.FirstName + " " + c.LastName }, AuditEntities.JournalNotePage, logger)
            : null;
        if (candidate is null)
        {
            return null;
        }

        var note = await db.JournalNotes.Include(n => n.Revisions).SingleAsync(n => n.Id == id);
        var names = await db.Users.AsNoTracking()
            .Where(u => u.Id == note.AuthorId || note.Revisions.Select(r => r.ReplacedById).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        IsAuthor = note.AuthorId == User.UserId();
        Note = new NoteView(
            note.Id, candidate.Id, candidate.Name, note.Date, note.Kind, note.Place, note.DurationMinutes, note.Text,
            names.GetValueOrDefault(note.AuthorId, ""), note.CreatedAtUtc, note.CorrectedAtUtc, note.EnteredInErrorAtUtc, note.EnteredInErrorReason,
            note.Revisions.OrderByDescending(r => r.ReplacedAtUtc).ThenByDescending(r => r.Id)
                .Select(r => new NoteRevisionView(r.Date, r.Kind, r.Place, r.DurationMinutes, r.Text, r.ReplacedAtUtc, names.GetValueOrDefault(r.ReplacedById, "")))
                .ToList());
        Kinds = EnumText.Items<JournalKind>(t, t["Select_Choose"]);
        Places = EnumText.Items<WorkPlace>(t);
        return note;
    }
}

public sealed class EnteredInErrorInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(JournalNote.ReasonMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_EnteredInErrorReason")]
    public string? Reason { get; set; }
}

public sealed record NoteView(
    int Id, int CandidateId, string CandidateName, DateOnly Date, JournalKind Kind, WorkPlace Place, int DurationMinutes, string Text, string Author,
    DateTime CreatedAtUtc, DateTime? CorrectedAtUtc, DateTime? EnteredInErrorAtUtc, string? EnteredInErrorReason, IReadOnlyList<NoteRevisionView> History);

public sealed record NoteRevisionView(DateOnly Date, JournalKind Kind, WorkPlace Place, int DurationMinutes, string Text, DateTime ReplacedAtUtc, string ReplacedBy);
