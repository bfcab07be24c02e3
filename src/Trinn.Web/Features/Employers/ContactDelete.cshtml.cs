using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Features.Employers;

/// <summary>
/// Deletes an employer contact after a confirm step. Follow-ups it marked done go back to planned, and a time block
/// carried from it is deleted with it; the audit trail keeps all three.
/// </summary>
public sealed class ContactDeleteModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, ILogger<ContactDeleteModel> logger) : PageModel
{
    [BindProperty]
    public long Version { get; set; }

    public EmployerContact? Contact { get; private set; }

    public int FollowUpsDone { get; private set; }

    public bool HasTimeBlock { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Contact = await db.FindContactForEditAsync(id, User, logger);
        if (Contact is null)
        {
            return NotFound();
        }

        await ShowAsync(Contact);
        Version = Contact.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Contact = await db.FindContactForEditAsync(id, User, logger);
        if (Contact is null)
        {
            return NotFound();
        }

        var contact = Contact;
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
        {
            ConcurrencyGuard.Expect(db, contact, Version);
            await FollowUpCompletion.OnContactChangedAsync(db, contact, deleting: true);
            await CarriedTime.OnContactDeletedAsync(db, id);
            db.Remove(contact);
        }, ModelState, t);
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Employers/Details", new { id = contact.EmployerId });
        }

        // Nothing was deleted: show the contact as it is stored now, with the conflict message.
        return await OnGetAsync(id);
    }

    private async Task ShowAsync(EmployerContact contact)
    {
        FollowUpsDone = await db.Set<FollowUp>().CountAsync(f => f.DoneByContactId == contact.Id);
        HasTimeBlock = await db.Set<TimeBlock>().AnyAsync(b => b.EmployerContactId == contact.Id);
    }
}
