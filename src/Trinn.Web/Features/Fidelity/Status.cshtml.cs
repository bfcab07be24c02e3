using Trinn.Core.Fidelity;

namespace Trinn.Web.Features.Fidelity;

/// <summary>
/// For the team's metodeveileder: who has answered the round (name, yes/no). Never what anyone answered; a link to
/// the answers appears only for people who shared them.
/// </summary>
public sealed class StatusModel(TrinnDbContext db, TimeProvider time) : PageModel
{
    public RoundHeader Round { get; private set; } = default!;

    public List<RespondentStatus> People { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var round = await db.Set<FidelityRound>().AsNoTracking().OfOwnTeam(User)
            .Where(r => r.Id == id)
            .Select(r => new RoundHeader(r.Id, r.Team!.Name, r.Label, r.OpensOn, r.ClosesOn))
            .SingleOrDefaultAsync();
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        Today = NorwegianTime.Today(time);
        var responses = await db.Set<FidelityResponse>().AsNoTracking()
            .Where(r => r.RoundId == id)
            .Select(r => new { r.Id, r.RespondentId, r.SharedWithSupervisor })
            .ToListAsync();
        var expected = await db.Set<FidelityRoundRespondent>().AsNoTracking().Where(e => e.FidelityRoundId == id).Select(e => e.UserId).ToListAsync();
        // A round opened before the metodeveileder chose respondents expects the whole team.
        Round = Round with { ChoseRespondents = expected.Count > 0 };
        People = (await FidelityAccess.RespondentsAsync(db, User.TeamId()!.Value))
            .Where(p => expected.Count == 0 || expected.Contains(p.Id) || responses.Any(r => r.RespondentId == p.Id))
            .Select(p =>
            {
                var response = responses.FirstOrDefault(r => r.RespondentId == p.Id);
                return new RespondentStatus(p.Name, response is not null, response is { SharedWithSupervisor: true } ? response.Id : null)
                {
                    Expected = expected.Count == 0 || expected.Contains(p.Id),
                };
            })
            .OrderByDescending(p => p.Expected)
            .ToList();
        return Page();
    }
}

public sealed record RoundHeader(int Id, string Team, string Label, DateOnly OpensOn, DateOnly ClosesOn)
{
    /// <summary>The metodeveileder chose who is expected to answer (else the whole team is).</summary>
    public bool ChoseRespondents { get; init; }
}

public sealed record RespondentStatus(string Name, bool Answered, int? SharedResponseId)
{
    /// <summary>Asked to answer this round; someone who answered without being asked is listed too, marked.</summary>
    public bool Expected { get; init; } = true;
}
