using System.ComponentModel.DataAnnotations;
using Trinn.Core.Candidates;

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

        // The rules (not ahead of today, not before the referral) are the agreement's own.
        var referredOn = candidate.Referral!.ReferredOn;
        void Record(CooperationAgreement a) => a.Record(Input.SignedOn!.Value, Input.Agreed, Input.Consents, referredOn, NorwegianTime.Today(time));
        var agreement = candidate.Agreement;
        var outcome = agreement is not null
            ? await ConcurrencyGuard.TrySaveAsync(db, agreement, Input.Version, Record, ModelState, t)
            : await ConcurrencyGuard.TrySaveAsync(db, () =>
            {
                var created = CooperationAgreement.New(candidate.Id);
                Record(created);
                db.CooperationAgreements.Add(created);
                return Task.CompletedTask;
            }, ModelState, t, taken: UniqueRefusal.Conflict);
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Candidates/Details", new { id });
        }

        if (outcome == SaveOutcome.Conflict)
        {
            // Show what is stored now: the reloaded agreement, or the one another request created first.
            agreement ??= await db.CooperationAgreements.AsNoTracking().SingleAsync(a => a.CandidateId == candidate.Id);
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, t["Error_Conflict"]);
            Input = AgreementInput.From(agreement, NorwegianTime.Today(time));
        }

        return Page();
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
