using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Fidelity;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Features.Fidelity;

/// <summary>
/// A round's team result: per item the team mean, n, SD and min–max, the total (sum of item means) and the band.
/// Team members see their own team's rounds, leder and forsker every team's; values of single respondents are
/// withheld (see <see cref="FidelityRoundResults"/>).
/// </summary>
public sealed class ResultsModel(TrinnDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    public FidelityScoringMode ScoringMode { get; private set; }

    public RoundHeader Round { get; private set; } = default!;

    public VisibleRoundResult Result { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var round = await db.Set<FidelityRound>().AsNoTracking().VisibleTo(User).Include(r => r.Team)
            .SingleOrDefaultAsync(r => r.Id == id);
        if (round is null)
        {
            return NotFound();
        }

        Today = NorwegianTime.Today(time);
        ScoringMode = FidelityText.ParseMode(Mode);
        Round = new RoundHeader(round.Id, round.Team!.Name, round.Label, round.OpensOn, round.ClosesOn);
        var results = await FidelityResultsQuery.ScoreAsync(db, [round], User, new FidelityOptions { Mode = ScoringMode });
        Result = results[round.Id];
        return Page();
    }
}
