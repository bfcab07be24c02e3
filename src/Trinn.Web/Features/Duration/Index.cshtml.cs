using System.ComponentModel.DataAnnotations;
using Trinn.Core.Duration;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Duration;

/// <summary>The follow-up period (forskrift § 5): start it, extend it with a reason, register reduced work capacity.</summary>
[ReadsCandidateData]
public sealed class IndexModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<DurationResource> d, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public StartPeriodInput StartInput { get; set; } = new();

    [BindProperty]
    public ExtendPeriodInput Extend { get; set; } = new();

    public int CandidateId { get; private set; }

    public string Name { get; private set; } = "";

    public FollowUpPeriod? Period { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        StartInput = new StartPeriodInput { StartDate = await db.Referrals.Where(r => r.CandidateId == candidateId).Select(r => (DateOnly?)r.ReferredOn).SingleOrDefaultAsync() };
        Extend = new ExtendPeriodInput { Version = Period?.Version ?? 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        ModelState.KeepErrorsOf("StartInput.");
        if (StartInput.StartDate is null)
        {
            ModelState.AddModelError("StartInput.StartDate", t["Error_Required", t["Field_StartDate"]]);
        }
        else if (StartInput.StartDate > Today)
        {
            ModelState.AddModelError("StartInput.StartDate", t["Error_DateInFuture"]);
        }

        if (Period is not null)
        {
            ModelState.AddModelError(string.Empty, d["Error_PeriodExists"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Add(FollowUpPeriod.Start(candidateId, StartInput.StartDate!.Value, StartInput.ReducedWorkCapacity));
        await db.SaveChangesAsync();
        return RedirectToPage(new { candidateId });
    }

    public async Task<IActionResult> OnPostExtendAsync(int candidateId)
    {
        if (!await LoadAsync(candidateId))
        {
            return NotFound();
        }

        ModelState.KeepErrorsOf("Extend.");
        if (Period is null)
        {
            return NotFound();
        }

        if (Extend.NewEndDate is null)
        {
            ModelState.AddModelError("Extend.NewEndDate", t["Error_Required", t["Field_NewEndDate"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var period = await db.Set<FollowUpPeriod>().Include(p => p.Extensions).SingleAsync(p => p.Id == Period.Id);
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, period, Extend.Version, p =>
            {
                if (Extend.ReducedWorkCapacity && !p.ReducedWorkCapacity)
                {
                    p.SetReducedWorkCapacity(true);
                }

                p.Extend(Extend.NewEndDate!.Value, Extend.Reason, User.UserId(), Today);
            }, ModelState, t,
            ex => d[ex.MessageKey] is { ResourceNotFound: false }
                ? d[ex.MessageKey, NorwegianTime.Format(period.Limit)].Value
                : t[ex.MessageKey, t["Field_ExtensionReason"], FollowUpPeriod.ReasonMaxLength].Value,
            prefix: "Extend.", field: f => f == "Reason" ? "Reason" : "NewEndDate");
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage(new { candidateId });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            await LoadAsync(candidateId);
            Extend = new ExtendPeriodInput { Version = Period?.Version ?? 0 };
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int candidateId)
    {
        var candidate = await db.ReadVisibleAsync(
            candidateId,
            User,
            c => new { c.Id, Name = c.FirstName + " " + c.LastName },
            AuditEntities.DurationPage,
            logger);
        if (candidate is null)
        {
            return false;
        }

        (CandidateId, Name, Today) = (candidate.Id, candidate.Name, NorwegianTime.Today(time));
        Period = await db.Set<FollowUpPeriod>().AsNoTracking().Include(p => p.Extensions).SingleOrDefaultAsync(p => p.CandidateId == candidateId);
        return true;
    }
}

public sealed class StartPeriodInput
{
    [Display(Name = "Field_StartDate")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Field_ReducedWorkCapacity")]
    public bool ReducedWorkCapacity { get; set; }
}

public sealed class ExtendPeriodInput
{
    [Display(Name = "Field_NewEndDate")]
    public DateOnly? NewEndDate { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(FollowUpPeriod.ReasonMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_ExtensionReason")]
    public string? Reason { get; set; }

    [Display(Name = "Field_ReducedWorkCapacity")]
    public bool ReducedWorkCapacity { get; set; }

    public long Version { get; set; }
}
