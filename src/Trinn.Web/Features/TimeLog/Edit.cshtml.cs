using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Features.TimeLog;

/// <summary>Edits one of the signed-in user's own time blocks; another user's block is not found. Stale forms are refused.</summary>
public sealed class EditModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<TimeLogResource> l, TimeProvider time) : PageModel
{
    [BindProperty]
    public TimeBlockInput Input { get; set; } = new();

    public TimeBlock? Block { get; private set; }

    public List<SelectListItem> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var block = await db.FindOwnBlockAsync(id, User);
        if (block is null)
        {
            return NotFound();
        }

        Show(block);
        Input = TimeBlockInput.From(block);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var block = await db.FindOwnBlockAsync(id, User);
        if (block is null)
        {
            return NotFound();
        }

        Show(block);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(
            db, block, Input.Version, b => b.Change(Input.Date!.Value, Input.Minutes ?? 0, Input.Category, Input.OutOfOffice, Input.Note, NorwegianTime.Today(time)),
            ModelState, t, ex => TimeLogMessages.For(ex, t, l));
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/TimeLog/Index", new { week = IsoWeek.Of(block.Date).ToString() });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            Input = TimeBlockInput.From(block);
        }

        return Page();
    }

    private void Show(TimeBlock block)
    {
        Block = block;
        Categories = EnumText.Items<TimeCategory>(l, t["Select_Choose"]);
    }
}
