using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Employers;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Employers;

/// <summary>Registers an employer contact by the signed-in specialist; the purpose is required.</summary>
[ReadsCandidateData]
public sealed class ContactModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<EmployersResource> e, TimeProvider time, ILogger<ContactModel> logger) : PageModel
{
    [BindProperty]
    public EmployerContactInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Kinds { get; private set; } = [];

    public List<SelectListItem> Purposes { get; private set; } = [];

    public List<SelectListItem> TeamCandidates { get; private set; } = [];

    /// <summary>Candidates in the list whose cooperation agreement does not give the employer-contact consent.</summary>
    public IReadOnlySet<int> WithoutConsent { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnGetAsync(int id, int? candidateId)
    {
        var employer = await db.FindEmployerForEditAsync(id, User, logger);
        if (employer is null)
        {
            return NotFound();
        }

        await ShowAsync(employer);
        Input = new EmployerContactInput
        {
            Date = NorwegianTime.Today(time),
            FirstContact = !await db.Set<EmployerContact>().AnyAsync(c => c.EmployerId == id),
            CandidateIds = candidateId is { } c ? [c] : [],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var employer = await db.FindEmployerForEditAsync(id, User, logger);
        if (employer is null)
        {
            return NotFound();
        }

        await ShowAsync(employer);
        var wanted = Input.CandidateIds.Distinct().ToList();
        var visible = await db.Candidates.AsNoTracking().VisibleTo(User).Where(c => wanted.Contains(c.Id)).CountAsync();
        if (visible != wanted.Count)
        {
            ModelState.AddModelError("Input.CandidateIds", e["Error_CandidateNotInTeam"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A follow-up this workplace follow-up completes, changed in the same moment, saves nothing; the form keeps what was typed.
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
        {
            await EmployerContact.RequireConsentAsync(db, wanted);
            var contact = EmployerContact.Create(
                employer.Id, User.UserId(), Input.Date!.Value, Input.Kind!.Value, Input.Purpose, Input.FirstContact,
                Input.DurationMinutes ?? 0, Input.Note, wanted, NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime);
            db.Add(contact);
            await Trinn.Core.FollowUps.FollowUpCompletion.OnContactAddedAsync(db, contact, wanted);
        }, ModelState, t, ex => ContactConsent.Message(ex, e, t, TeamCandidates, WithoutConsent, wanted));
        return outcome == SaveOutcome.Saved ? RedirectToPage("/Employers/Details", new { id }) : Page();
    }

    private async Task ShowAsync(Employer employer)
    {
        Id = employer.Id;
        Name = employer.Name;
        Kinds = EnumText.Items<EmployerContactKind>(e, t["Select_Choose"]);
        Purposes = EnumText.Items<EmployerContactPurpose>(e, t["Select_Choose"]);
        var rows = await db.Candidates.AsNoTracking().VisibleTo(User).Where(c => c.DischargedOn == null)
            .OrderBy(c => c.FirstName).ThenBy(c => c.LastName)
            .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName })
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.ContactCandidatePicker, rows.Select(c => c.Id).ToList());
        TeamCandidates = rows.Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        WithoutConsent = await ContactConsent.WithoutConsentAsync(db, TeamCandidates);
    }
}

public sealed class EmployerContactInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ContactKind")]
    public EmployerContactKind? Kind { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ContactPurpose")]
    public EmployerContactPurpose? Purpose { get; set; }

    [Display(Name = "Field_FirstContact")]
    public bool FirstContact { get; set; }

    [Range(0, EmployerContact.MaxDurationMinutes, ErrorMessage = "Error_Duration")]
    [Display(Name = "Field_Duration")]
    public int? DurationMinutes { get; set; }

    [StringLength(EmployerContact.NoteMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Note")]
    public string? Note { get; set; }

    public List<int> CandidateIds { get; set; } = [];

    public long Version { get; set; }

    public static EmployerContactInput From(EmployerContact c) => new()
    {
        Date = c.Date,
        Kind = c.Kind,
        Purpose = c.Purpose,
        FirstContact = c.FirstContact,
        DurationMinutes = c.DurationMinutes,
        Note = c.Note,
        CandidateIds = c.Candidates.Select(l => l.CandidateId).ToList(),
        Version = c.Version,
    };
}
