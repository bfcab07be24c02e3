using System.ComponentModel.DataAnnotations;
using Trinn.Core.Employers;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Employers;

/// <summary>One employer: details, contact persons (added here) and the team's contacts with it.</summary>
[ReadsCandidateData]
public sealed class DetailsModel(TrinnDbContext db, ILogger<DetailsModel> logger) : PageModel
{
    [BindProperty]
    public ContactPersonInput Person { get; set; } = new();

    public EmployerView? Employer { get; private set; }

    public IReadOnlyList<EmployerContactPerson> People { get; private set; } = [];

    public IReadOnlyList<EmployerContactRow> Contacts { get; private set; } = [];

    public IReadOnlyList<EmployerOpportunityRow> Opportunities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPersonAsync(int id)
    {
        var employer = await db.FindEmployerForEditAsync(id, User, logger);
        if (employer is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }

        db.Add(new EmployerContactPerson
        {
            EmployerId = employer.Id,
            Name = Person.Name!.Trim(),
            Role = TextInput.Blank(Person.Role),
            Phone = TextInput.Blank(Person.Phone),
            Email = TextInput.Blank(Person.Email),
        });
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Employer = await db.Set<Employer>().AsNoTracking().VisibleTo(User).Where(e => e.Id == id)
            .Select(e => new EmployerView(e.Id, e.Name, e.OrganizationNumber, e.Sector, e.Industry, e.Size, e.IaAgreement, e.Address))
            .SingleOrDefaultAsync();
        if (Employer is null)
        {
            logger.LogEmployerNotVisible(id, User.UserId());
            return false;
        }

        Opportunities = await db.Set<Trinn.Core.Opportunities.JobOpportunity>().AsNoTracking().Where(o => o.EmployerId == id)
            .OrderBy(o => o.Status).ThenBy(o => o.Title)
            .Select(o => new EmployerOpportunityRow(o.Id, o.Title, o.HoursPerWeek, o.Place, o.Status, o.CarvedForCandidateId != null))
            .ToListAsync();
        People = await db.Set<EmployerContactPerson>().AsNoTracking().Where(p => p.EmployerId == id).OrderBy(p => p.Name).ToListAsync();
        var contacts = await db.Set<EmployerContact>().AsNoTracking().Where(c => c.EmployerId == id)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Take(200)
            .Select(c => new { c.Id, c.Date, Specialist = c.Specialist!.DisplayName, c.Kind, c.Purpose, c.FirstContact, c.DurationMinutes, c.Note })
            .ToListAsync();

        // The linked candidates of just these contacts, in a query of their own: as a collection in the query above, the
        // links were joined to the candidates in a subquery that SQLite materialised for the whole country.
        var contactIds = contacts.Select(c => c.Id).ToList();
        var links = await db.Set<EmployerContactCandidate>().AsNoTracking().Where(l => contactIds.Contains(l.EmployerContactId))
            .OrderBy(l => l.CandidateId)
            .Select(l => new { l.EmployerContactId, l.CandidateId, Name = l.Candidate!.FirstName + " " + l.Candidate.LastName })
            .ToListAsync();
        var linksOf = links.ToLookup(l => l.EmployerContactId);
        await db.AuditReadAsync(AuditEntities.EmployerContacts, links.Select(l => l.CandidateId).ToList());
        Contacts = contacts
            .Select(c => new EmployerContactRow(
                c.Id, c.Date, c.Specialist, c.Kind, c.Purpose, c.FirstContact, c.DurationMinutes, c.Note,
                linksOf[c.Id].Select(l => l.Name).ToList()))
            .ToList();
        return true;
    }
}

public sealed record EmployerView(
    int Id, string Name, string OrganizationNumber, EmployerSector Sector, string? Industry, EmployerSize? Size, bool IaAgreement, string? Address);

public sealed record EmployerOpportunityRow(int Id, string Title, int HoursPerWeek, string Place, Trinn.Core.Opportunities.OpportunityStatus Status, bool Carved);

public sealed record EmployerContactRow(
    int Id, DateOnly Date, string Specialist, EmployerContactKind Kind, EmployerContactPurpose Purpose, bool FirstContact,
    int DurationMinutes, string? Note, List<string> Candidates);

public sealed class ContactPersonInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(EmployerContactPerson.NameMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_ContactPersonName")]
    public string? Name { get; set; }

    [StringLength(100, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_ContactPersonRole")]
    public string? Role { get; set; }

    [StringLength(30, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Phone")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Error_TooLong")]
    [EmailAddress(ErrorMessage = "Error_Email")]
    [Display(Name = "Field_Email")]
    public string? Email { get; set; }
}
