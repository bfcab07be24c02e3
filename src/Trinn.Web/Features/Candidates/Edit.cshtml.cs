using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Candidates;

/// <summary>Contact details, the assigned job specialist and backup, and the next planned action.</summary>
[ReadsCandidateData]
public sealed class EditModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public EditCandidateInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Specialists { get; private set; } = [];

    public List<SelectListItem> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await db.AuditReadAsync(AuditEntities.EditPage, candidate.Id);

        await ShowAsync(candidate);
        Input = EditCandidateInput.From(candidate);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await ShowAsync(candidate);
        foreach (var (field, key) in await SpecialistAssignment.CheckAsync(db, candidate.TeamId, Input.PrimarySpecialistId, Input.BackupSpecialistId))
        {
            ModelState.AddModelError("Input." + field, t[key]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, candidate, Input.Version, c =>
        {
            c.FirstName = Input.FirstName!.Trim();
            c.LastName = Input.LastName!.Trim();
            c.Phone = TextInput.Blank(Input.Phone);
            c.Email = TextInput.Blank(Input.Email);
            c.Address = TextInput.Blank(Input.Address);
            c.PrimarySpecialistId = TextInput.Blank(Input.PrimarySpecialistId);
            c.BackupSpecialistId = TextInput.Blank(Input.BackupSpecialistId);
            c.NextAction = TextInput.Blank(Input.NextAction);
            c.NextActionDate = c.NextAction is null ? null : Input.NextActionDate;
            if (Input.Programme is { } programme)
            {
                c.SetProgramme(programme);
            }
        }, ModelState, t);
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Candidates/Details", new { id });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            Input = EditCandidateInput.From(candidate);
        }

        return Page();
    }

    private async Task ShowAsync(Candidate candidate)
    {
        Id = candidate.Id;
        Name = candidate.FullName;
        Specialists = await CandidateLookups.SpecialistsAsync(db, candidate.TeamId, t["Select_None"]);
        Programmes = EnumText.Items<Programme>(t);
    }
}

public sealed class EditCandidateInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Candidate.NameMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_FirstName")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Candidate.NameMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_LastName")]
    public string? LastName { get; set; }

    [StringLength(30, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Phone")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Error_TooLong")]
    [EmailAddress(ErrorMessage = "Error_Email")]
    [Display(Name = "Field_Email")]
    public string? Email { get; set; }

    [StringLength(300, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Address")]
    public string? Address { get; set; }

    [Display(Name = "Field_PrimarySpecialist")]
    public string? PrimarySpecialistId { get; set; }

    [Display(Name = "Field_BackupSpecialist")]
    public string? BackupSpecialistId { get; set; }

    [StringLength(Candidate.NextActionMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_NextAction")]
    public string? NextAction { get; set; }

    [Display(Name = "Field_NextActionDate")]
    public DateOnly? NextActionDate { get; set; }

    /// <summary>UO, IPS or other; a post without it keeps the programme as it is.</summary>
    [Display(Name = "Field_Programme")]
    public Programme? Programme { get; set; }

    public long Version { get; set; }

    public static EditCandidateInput From(Candidate c) => new()
    {
        FirstName = c.FirstName,
        LastName = c.LastName,
        Phone = c.Phone,
        Email = c.Email,
        Address = c.Address,
        PrimarySpecialistId = c.PrimarySpecialistId,
        BackupSpecialistId = c.BackupSpecialistId,
        NextAction = c.NextAction,
        NextActionDate = c.NextActionDate,
        Programme = c.Programme,
        Version = c.Version,
    };
}
