using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.TimeLog;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Employers;

/// <summary>
/// Edits a registered employer contact (any team member). What hangs on it follows: follow-ups it marked done are
/// re-matched (back to planned when it is no longer a workplace follow-up), and a time block carried from it takes its
/// new date, duration and out-of-office. Stale forms are refused.
/// </summary>
[ReadsCandidateData]
public sealed class ContactEditModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<EmployersResource> e, TimeProvider time, ILogger<ContactEditModel> logger) : PageModel
{
    [BindProperty]
    public EmployerContactInput Input { get; set; } = new();

    public int Id { get; private set; }

    public int EmployerId { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Kinds { get; private set; } = [];

    public List<SelectListItem> Purposes { get; private set; } = [];

    public List<SelectListItem> TeamCandidates { get; private set; } = [];

    /// <summary>Candidates in the list whose cooperation agreement does not give the employer-contact consent.</summary>
    public IReadOnlySet<int> WithoutConsent { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var contact = await db.FindContactForEditAsync(id, User, logger);
        if (contact is null)
        {
            return NotFound();
        }

        await ShowAsync(contact);
        Input = EmployerContactInput.From(contact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var contact = await db.FindContactForEditAsync(id, User, logger);
        if (contact is null)
        {
            return NotFound();
        }

        await ShowAsync(contact);
        var wanted = Input.CandidateIds.Distinct().ToList();
        var linked = contact.Candidates.Select(l => l.CandidateId).ToList();
        // Links made earlier stay allowed (a discharged candidate may still be on an old contact); new ones must be the team's.
        var added = wanted.Except(linked).ToList();
        if (added.Count > 0 && await db.Candidates.AsNoTracking().VisibleTo(User).CountAsync(c => added.Contains(c.Id)) != added.Count)
        {
            ModelState.AddModelError("Input.CandidateIds", e["Error_CandidateNotInTeam"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
        {
            await EmployerContact.RequireConsentAsync(db, added);
            ConcurrencyGuard.Expect(db, contact, Input.Version);
            var before = ContactTiming.Of(contact);
            contact.Change(Input.Date!.Value, Input.Kind!.Value, Input.Purpose, Input.FirstContact, Input.DurationMinutes ?? 0, Input.Note, wanted,
                NorwegianTime.Today(time));
            // A change to the candidate links alone is still a change to the contact: bump its version.
            db.Entry(contact).State = EntityState.Modified;
            await FollowUpCompletion.OnContactChangedAsync(db, contact, deleting: false);
            await CarriedTime.OnContactChangedAsync(db, contact, before);
        }, ModelState, t, ex => ContactConsent.Message(ex, e, t, TeamCandidates, WithoutConsent, added));
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Employers/Details", new { id = contact.EmployerId });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            // Nothing is saved: not the contact, nor the follow-ups or time block it carries along.
            var fresh = await db.Set<EmployerContact>().AsNoTracking().Include(c => c.Candidates).SingleOrDefaultAsync(c => c.Id == id);
            if (fresh is null)
            {
                return NotFound();
            }

            if (fresh.Version != Input.Version)
            {
                // Someone else saved the contact itself: show theirs. (A follow-up or time block changed alone keeps what was typed.)
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, t["Error_Conflict"]);
                Input = EmployerContactInput.From(fresh);
            }

        }

        return Page();
    }

    private async Task ShowAsync(EmployerContact contact)
    {
        (Id, EmployerId, Name) = (contact.Id, contact.EmployerId, contact.Employer!.Name);
        Kinds = EnumText.Items<EmployerContactKind>(e, t["Select_Choose"]);
        Purposes = EnumText.Items<EmployerContactPurpose>(e, t["Select_Choose"]);
        var linked = contact.Candidates.Select(l => l.CandidateId).ToList();
        var rows = await db.Candidates.AsNoTracking().VisibleTo(User).Where(c => c.DischargedOn == null || linked.Contains(c.Id))
            .OrderBy(c => c.FirstName).ThenBy(c => c.LastName)
            .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName })
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.ContactCandidatePicker, rows.Select(c => c.Id).ToList());
        TeamCandidates = rows.Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        WithoutConsent = await ContactConsent.WithoutConsentAsync(db, TeamCandidates);
    }
}

internal static partial class ContactAccess
{
    /// <summary>A contact with one of the team's employers, tracked with its candidate links; null (and logged) otherwise.</summary>
    public static async Task<EmployerContact?> FindContactForEditAsync(this TrinnDbContext db, int id, System.Security.Claims.ClaimsPrincipal user, ILogger logger)
    {
        var employers = db.Set<Employer>().VisibleTo(user);
        var contact = await db.Set<EmployerContact>().Include(c => c.Candidates).Include(c => c.Employer)
            .Where(c => employers.Any(x => x.Id == c.EmployerId))
            .SingleOrDefaultAsync(c => c.Id == id);
        if (contact is null)
        {
            logger.LogContactNotVisible(id, user.UserId());
        }

        return contact;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Employer contact {ContactId} was requested by user {UserId} who may not see it")]
    public static partial void LogContactNotVisible(this ILogger logger, int contactId, string userId);
}

internal static class ContactMessages
{
    public static string For(DomainException ex, IStringLocalizer<SharedResource> t)
    {
        var label = ex.Field switch
        {
            nameof(EmployerContact.Purpose) => "Field_ContactPurpose",
            nameof(EmployerContact.Kind) => "Field_ContactKind",
            nameof(EmployerContact.Note) => "Field_Note",
            nameof(EmployerContact.DurationMinutes) => "Field_Duration",
            _ => "Field_Date",
        };
        return t[ex.MessageKey, t[label], EmployerContact.NoteMaxLength].Value;
    }
}
