using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Fidelity;

namespace Trinn.Web.Features.Fidelity;

/// <summary>
/// A round's team result: per item the team mean, n, SD and min–max, the total (sum of item means) and the band.
/// Team members see their own team's rounds, leder and forsker every team's; values of single respondents are
/// withheld (see <see cref="FidelityRoundResults"/>). Beside the self-report, the items Trinn's records answer, scored from data,
/// marked where they differ by an answer band or more.
/// </summary>
public sealed class ResultsModel(TrinnDbContext db, TimeProvider time, FidelityDataQuery data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    public FidelityScoringMode ScoringMode { get; private set; }

    public RoundHeader Round { get; private set; } = default!;

    public VisibleRoundResult Result { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    /// <summary>The items Trinn's records answer, scored over <see cref="DataWindow"/> (the "Fra registrerte data" column).</summary>
    public IReadOnlyDictionary<int, FidelityDataCell> FromData { get; private set; } = new Dictionary<int, FidelityDataCell>();

    public Core.Indicators.DatePeriod DataWindow { get; private set; }

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
        DataWindow = data.WindowOf(round);
        FromData = (await data.ScoreAsync([(round.Id, round.TeamId, DataWindow)], User))[round.Id];
        return Page();
    }
}
