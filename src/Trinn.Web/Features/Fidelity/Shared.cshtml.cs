using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Definitions;

namespace Trinn.Web.Features.Fidelity;

/// <summary>
/// The metodeveileder reads one person's answers, only when that person shared them and only in the own team.
/// An unshared response is not found (the same answer as for an id that does not exist).
/// </summary>
public sealed class SharedModel(TrinnDbContext db) : PageModel
{
    public string RespondentName { get; private set; } = "";

    public string RoundLabel { get; private set; } = "";

    public int RoundId { get; private set; }

    public InstrumentDefinition Definition { get; private set; } = default!;

    public AnswerSet Answers { get; private set; } = AnswerSet.Empty;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var teamId = User.TeamId();
        var found = await db.Set<FidelityResponse>().AsNoTracking()
            .Where(r => r.Id == id && r.SharedWithSupervisor && r.Round!.TeamId == teamId)
            .Select(r => new
            {
                r.RoundId,
                r.Round!.Label,
                r.InstrumentKey,
                r.InstrumentVersion,
                r.AnswersJson,
                Name = db.Users.Where(u => u.Id == r.RespondentId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (found is null || teamId is null)
        {
            return NotFound();
        }

        RoundId = found.RoundId;
        RoundLabel = found.Label;
        RespondentName = found.Name ?? "";
        Definition = await InstrumentStore.FindAsync(db, found.InstrumentKey, found.InstrumentVersion)
            ?? throw new InvalidOperationException($"Instrument {found.InstrumentKey} v{found.InstrumentVersion} is not stored.");
        Answers = FidelityResponse.ParseAnswers(found.AnswersJson);
        return Page();
    }
}
