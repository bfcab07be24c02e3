using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Shipped;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Features.Fidelity;

/// <summary>The metodeveileder opens a round for the own team, on the newest published fidelity scale.</summary>
public sealed class NewModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<FidelityResource> f) : PageModel
{
    [BindProperty]
    public NewRoundInput Input { get; set; } = new();

    public void OnGet()
    {
        var today = NorwegianTime.Today(time);
        Input = new NewRoundInput { OpensOn = today, ClosesOn = today.AddDays(14) };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var instrument = await InstrumentStore.LatestAsync(db, ShippedInstruments.FidelityKey);
        if (instrument is null)
        {
            await InstrumentStore.EnsureShippedAsync(db, now);
            instrument = await InstrumentStore.LatestAsync(db, ShippedInstruments.FidelityKey);
        }

        try
        {
            var round = await FidelityRound.OpenAsync(
                db, User.TeamId()!.Value, Input.Label!, Input.OpensOn!.Value, Input.ClosesOn!.Value,
                instrument!, User.UserId(), NorwegianTime.Today(time), now);
            return RedirectToPage("/Fidelity/Status", new { id = round.Id });
        }
        catch (DomainException e)
        {
            var field = e.Field switch
            {
                nameof(FidelityRound.ClosesOn) => "Input.ClosesOn",
                _ => "Input.Label",
            };
            ModelState.AddModelError(field, f[e.MessageKey]);
            return Page();
        }
    }
}

public sealed class NewRoundInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(FidelityRound.LabelMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_FidelityLabel")]
    public string? Label { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_FidelityOpensOn")]
    public DateOnly? OpensOn { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_FidelityClosesOn")]
    public DateOnly? ClosesOn { get; set; }
}
