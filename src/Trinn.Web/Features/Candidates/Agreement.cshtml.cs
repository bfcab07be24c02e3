using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Web.Infrastructure;
using Trinn.Web.Shared;

namespace Trinn.Web.Features.Candidates;

/// <summary>Stage 1: the signed cooperation agreement and the consents.</summary>
[ReadsCandidateData]
public sealed class AgreementModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time, ILogger<AgreementModel> logger) : PageModel
{
    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger, q => q.Include(c => c.Agreement));
        if (candidate is null)
        {
            return NotFound();
        }

        await db.AuditReadAsync("AgreementPage", candidate.Id);

        Show(candidate);
        Input = AgreementInput.From(candidate.Agreement, NorwegianTime.Today(time));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger, q => q.Include(c => c.Agreement).Include(c => c.Referral));
        if (candidate is null)
        {
            return NotFound();
        }

        Show(candidate);
        if (Input.SignedOn is { } signed)
        {
            if (signed > NorwegianTime.Today(time))
            {
                ModelState.AddModelError("Input.SignedOn", t["Error_DateInFuture"]);
            }
            else if (signed < candidate.Referral!.ReferredOn)
            {
                ModelState.AddModelError("Input.SignedOn", t["Error_BeforeReferral"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var agreement = candidate.Agreement;
        try
        {
            if (agreement is null)
            {
                // A form opened before any agreement existed posts version 0; the new agreement starts at 1, so a
                // second such form conflicts with it instead of silently overwriting it.
                agreement = new CooperationAgreement { CandidateId = candidate.Id, Agreed = "", Version = 1 };
                db.CooperationAgreements.Add(agreement);
            }
            else
            {
                ConcurrencyGuard.Expect(db, agreement, Input.Version);
            }

            agreement.SignedOn = Input.SignedOn!.Value;
            agreement.Agreed = Input.Agreed!.Trim();
            agreement.ConsentEmployerContact = Input.ConsentEmployerContact;
            agreement.ConsentNavVeileder = Input.ConsentNavVeileder;
            agreement.ConsentHealthAndNetwork = Input.ConsentHealthAndNetwork;
            agreement.ConsentResearch = Input.ConsentResearch;
            await db.SaveChangesAsync();
            return RedirectToPage("/Candidates/Details", new { id });
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or DbUpdateException && agreement is not null)
        {
            if (db.Entry(agreement!).State == EntityState.Added)
            {
                db.Entry(agreement!).State = EntityState.Detached;
                agreement = await db.CooperationAgreements.AsNoTracking().SingleAsync(a => a.CandidateId == candidate.Id);
            }
            else
            {
                await ConcurrencyGuard.ReloadAsync(db, agreement!);
            }

            ModelState.Clear();
            ModelState.AddModelError(string.Empty, t["Error_Conflict"]);
            Input = AgreementInput.From(agreement, NorwegianTime.Today(time));
            return Page();
        }
    }

    private void Show(Candidate candidate)
    {
        Id = candidate.Id;
        Name = candidate.FullName;
    }
}

public sealed class AgreementInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_SignedOn")]
    public DateOnly? SignedOn { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(CooperationAgreement.AgreedMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Agreed")]
    public string? Agreed { get; set; }

    [Display(Name = "Field_ConsentEmployerContact")]
    public bool ConsentEmployerContact { get; set; }

    [Display(Name = "Field_ConsentNavVeileder")]
    public bool ConsentNavVeileder { get; set; }

    [Display(Name = "Field_ConsentHealthAndNetwork")]
    public bool ConsentHealthAndNetwork { get; set; }

    [Display(Name = "Field_ConsentResearch")]
    public bool ConsentResearch { get; set; }

    public long Version { get; set; }

    public static AgreementInput From(CooperationAgreement? a, DateOnly today) => a is null
        ? new AgreementInput { SignedOn = today }
        : new AgreementInput
        {
            SignedOn = a.SignedOn,
            Agreed = a.Agreed,
            ConsentEmployerContact = a.ConsentEmployerContact,
            ConsentNavVeileder = a.ConsentNavVeileder,
            ConsentHealthAndNetwork = a.ConsentHealthAndNetwork,
            ConsentResearch = a.ConsentResearch,
            Version = a.Version,
        };
}
