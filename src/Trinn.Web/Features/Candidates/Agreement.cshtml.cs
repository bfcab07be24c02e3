using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
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

        await db.AuditReadAsync(AuditEntities.AgreementPage, candidate.Id);

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
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var agreement = candidate.Agreement;
        try
        {
            // The rules (not ahead of today, not before the referral) are the agreement's own.
            var recorded = agreement ?? CooperationAgreement.New(candidate.Id);
            if (agreement is not null)
            {
                ConcurrencyGuard.Expect(db, agreement, Input.Version);
            }

            recorded.Record(Input.SignedOn!.Value, Input.Agreed, Input.Consents, candidate.Referral!.ReferredOn, NorwegianTime.Today(time));
            if (agreement is null)
            {
                agreement = recorded;
                db.CooperationAgreements.Add(agreement);
            }

            await db.SaveChangesAsync();
            return RedirectToPage("/Candidates/Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("Input." + ex.Field, t[ex.MessageKey]);
            return Page();
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

    public AgreementConsents Consents => new(ConsentEmployerContact, ConsentNavVeileder, ConsentHealthAndNetwork, ConsentResearch);

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
