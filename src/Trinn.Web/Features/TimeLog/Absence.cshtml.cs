using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Features.TimeLog;

/// <summary>
/// The signed-in user's registered absence (holiday, sick leave, leave): it is taken out of the working time that the
/// out-of-office share and the employer-contact average are measured against. Own rows only; the check is in the query.
/// </summary>
public sealed class AbsenceModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<TimeLogResource> l, TimeProvider time) : PageModel
{
    /// <summary>How far back the list reaches.</summary>
    public const int ListMonths = 24;

    [BindProperty]
    public AbsenceInput Input { get; set; } = new();

    public IReadOnlyList<Absence> Absences { get; private set; } = [];

    public List<SelectListItem> Kinds { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
            {
                db.Add(Absence.Create(User.UserId(), Input.From, Input.To, Input.Percent, Input.Kind, NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime));
                return Task.CompletedTask;
            }, ModelState, t, Text);
            if (outcome == SaveOutcome.Saved)
            {
                Message = l["Absence_Saved"];
                return RedirectToPage();
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var me = User.UserId();
        var absence = await db.Set<Absence>().SingleOrDefaultAsync(a => a.Id == id && a.UserId == me);
        if (absence is null)
        {
            return NotFound();
        }

        db.Remove(absence);
        await db.SaveChangesAsync();
        Message = l["Absence_Deleted"];
        return RedirectToPage();
    }

    private string Text(DomainException ex)
    {
        var own = l[ex.MessageKey];
        var label = ex.Field switch { "From" => "Field_FromDate", "To" => "Field_ToDate", "Percent" => "Field_Percent", _ => "Field_AbsenceKind" };
        return own.ResourceNotFound ? t[ex.MessageKey, t[label]].Value : own.Value;
    }

    private async Task LoadAsync()
    {
        var me = User.UserId();
        var since = NorwegianTime.Today(time).AddMonths(-ListMonths);
        Absences = await db.Set<Absence>().AsNoTracking().Where(a => a.UserId == me && a.To >= since)
            .OrderByDescending(a => a.From).ThenByDescending(a => a.Id).ToListAsync();
        Kinds = EnumText.Items<AbsenceKind>(l, t["Select_Choose"]);
    }
}

public sealed class AbsenceInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_FromDate")]
    public DateOnly? From { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ToDate")]
    public DateOnly? To { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Percent")]
    public int? Percent { get; set; } = 100;

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_AbsenceKind")]
    public AbsenceKind? Kind { get; set; }
}
