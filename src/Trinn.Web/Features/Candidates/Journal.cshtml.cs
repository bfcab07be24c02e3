using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Candidates;

/// <summary>A journal note: date, kind, place (office or out), duration and text. Contacts with the NAV-veileder or health services need the candidate's consent.</summary>
[ReadsCandidateData]
public sealed class JournalModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<PracticeResource> p, TimeProvider time, ILogger<JournalModel> logger) : PageModel
{
    [BindProperty]
    public JournalInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Kinds { get; private set; } = [];

    public List<SelectListItem> Places { get; private set; } = [];

    /// <summary>The form, with the kind chosen when a link asks for one (e.g. a three-way meeting from the candidate page).</summary>
    public async Task<IActionResult> OnGetAsync(int id, JournalKind? kind = null)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await db.AuditReadAsync(AuditEntities.JournalPage, candidate.Id);

        Show(candidate);
        Input = new JournalInput { Date = NorwegianTime.Today(time), Place = WorkPlace.OutOfOffice, Kind = kind is { } k && Enum.IsDefined(k) ? k : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger, q => q.Include(c => c.Agreement));
        if (candidate is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            // The rules (date not ahead, consent for NAV-veileder and health contacts) are the note's own; a meeting
            // completes the follow-up slot its date belongs to in the same save.
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
            {
                var note = JournalNote.Create(candidate, User.UserId(), Input.Date, Input.Kind, Input.Place, Input.DurationMinutes, Input.Text,
                    NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime);
                db.JournalNotes.Add(note);
                await Trinn.Core.FollowUps.FollowUpCompletion.OnNoteAddedAsync(db, note);
            }, ModelState, t, ex => DomainMessages.For(ex, p, t, _ => JournalNote.TextMaxLength));
            if (outcome == SaveOutcome.Saved)
            {
                return RedirectToPage("/Candidates/Details", new { id });
            }
        }

        Show(candidate);
        return Page();
    }

    private void Show(Candidate candidate)
    {
        Id = candidate.Id;
        Name = candidate.FullName;
        Kinds = EnumText.Items<JournalKind>(t, t["Select_Choose"]);
        Places = EnumText.Items<WorkPlace>(t);
    }

    internal static JournalInput From(JournalNote note) => new()
    {
        Date = note.Date,
        Kind = note.Kind,
        Place = note.Place,
        DurationMinutes = note.DurationMinutes,
        Text = note.Text,
    };
}

public sealed class JournalInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_JournalKind")]
    public JournalKind? Kind { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Place")]
    public WorkPlace? Place { get; set; }

    [Range(0, JournalNote.MaxDurationMinutes, ErrorMessage = "Error_Duration")]
    [Display(Name = "Field_Duration")]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(JournalNote.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Text")]
    public string? Text { get; set; }
}
