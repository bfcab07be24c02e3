using Trinn.Core.Common;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Features.TimeLog;

/// <summary>Deletes one of the user's own time blocks after a confirm step; the audit trail keeps what was deleted.</summary>
public sealed class DeleteModel(TrinnDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public long Version { get; set; }

    public TimeBlock? Block { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Block = await db.FindOwnBlockAsync(id, User);
        if (Block is null)
        {
            return NotFound();
        }

        Version = Block.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Block = await db.FindOwnBlockAsync(id, User);
        if (Block is null)
        {
            return NotFound();
        }

        var week = IsoWeek.Of(Block.Date).ToString();
        if (await ConcurrencyGuard.TrySaveAsync(db, Block, Version, b => db.Remove(b), ModelState, t) == SaveOutcome.Saved)
        {
            return RedirectToPage("/TimeLog/Index", new { week });
        }

        Version = Block.Version;
        return Page();
    }
}
