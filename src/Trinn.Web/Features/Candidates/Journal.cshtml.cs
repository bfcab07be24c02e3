using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Web.Infrastructure;
using Trinn.Web.Shared;

namespace Trinn.Web.Features.Candidates;

/// <summary>A journal note: date, kind, place (office or out), duration and text.</summary>
[ReadsCandidateData]
public sealed class JournalModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time, ILogger<JournalModel> logger) : PageModel
{
    [BindProperty]
    public JournalInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Kinds { get; private set; } = [];

    public List<SelectListItem> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await db.AuditReadAsync("JournalPage", candidate.Id);

        Show(candidate);
        Input = new JournalInput { Date = NorwegianTime.Today(time), Place = WorkPlace.OutOfOffice };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        if (Input.Date is { } date && date > NorwegianTime.Today(time))
        {
            ModelState.AddModelError("Input.Date", t["Error_DateInFuture"]);
        }

        if (!ModelState.IsValid)
        {
            Show(candidate);
            return Page();
        }

        db.JournalNotes.Add(new JournalNote
        {
            CandidateId = candidate.Id,
            AuthorId = User.UserId(),
            Date = Input.Date!.Value,
            Kind = Input.Kind!.Value,
            Place = Input.Place!.Value,
            DurationMinutes = Input.DurationMinutes ?? 0,
            Text = Input.Text!,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        if (Input.Kind == JournalKind.WorkplaceVisit)
        {
            await Trinn.Web.Features.FollowUps.FollowUpCompletion.MarkVisitAsync(db, candidate.Id, Input.Date!.Value, Trinn.Core.FollowUps.FollowUpDoneBy.JournalNote);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The follow-up this visit completes was changed in the same moment: nothing is saved, the note stays in the form.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, t["Error_Conflict"]);
            Show(candidate);
            return Page();
        }

        return RedirectToPage("/Candidates/Details", new { id });
    }

    private void Show(Candidate candidate)
    {
        Id = candidate.Id;
        Name = candidate.FullName;
        Kinds = CandidateLookups.EnumItems<JournalKind>(t, t["Select_Choose"]);
        Places = CandidateLookups.EnumItems<WorkPlace>(t);
    }
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
