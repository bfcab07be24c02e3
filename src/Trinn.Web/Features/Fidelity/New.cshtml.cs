using System.ComponentModel.DataAnnotations;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Web.Features.Fidelity;

/// <summary>The metodeveileder opens a round for the own team, on the newest published fidelity scale.</summary>
public sealed class NewModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<FidelityResource> f, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public NewRoundInput Input { get; set; } = new();

    /// <summary>The team's job specialists and metodeveiledere, who may be asked to answer.</summary>
    public IReadOnlyList<(string Id, string Name)> Team { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = NorwegianTime.Today(time);
        Team = await FidelityAccess.RespondentsAsync(db, User.TeamId()!.Value);
        // Everyone with client work is asked by default; the metodeveileder takes out who should not answer.
        Input = new NewRoundInput { OpensOn = today, ClosesOn = today.AddDays(14), Respondents = Team.Select(p => p.Id).ToList() };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Team = await FidelityAccess.RespondentsAsync(db, User.TeamId()!.Value);
        var chosen = Input.Respondents.Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Any(id => Team.All(p => p.Id != id)))
        {
            ModelState.AddModelError("Input.Respondents", f["Error_RespondentNotInTeam"]);
        }

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

        FidelityRound? round = null;
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () => round = await FidelityRound.OpenAsync(
                db, User.TeamId()!.Value, Input.Label!, Input.OpensOn!.Value, Input.ClosesOn!.Value,
                instrument!, User.UserId(), chosen, NorwegianTime.Today(time), now),
            ModelState, t, e => f[e.MessageKey], field: name => name switch
            {
                nameof(FidelityRound.ClosesOn) => nameof(Input.ClosesOn),
                nameof(FidelityRound.ExpectedRespondents) => nameof(Input.Respondents),
                _ => nameof(Input.Label),
            });
        return outcome == SaveOutcome.Saved ? RedirectToPage("/Fidelity/Status", new { id = round!.Id }) : Page();
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

    /// <summary>Who is expected to answer (user ids of the team's respondents).</summary>
    [Display(Name = "Field_FidelityRespondents")]
    public List<string> Respondents { get; set; } = [];
}
