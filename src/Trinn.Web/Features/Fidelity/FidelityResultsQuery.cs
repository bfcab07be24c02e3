using System.Security.Claims;
using Trinn.Core.Fidelity;
using FidelityOptions = Trinn.Core.Instruments.Fidelity.FidelityOptions;

namespace Trinn.Web.Features.Fidelity;

/// <summary>Scores rounds for a viewer, with the protection rule of <see cref="FidelityRoundResults"/>.</summary>
internal static class FidelityResultsQuery
{
    /// <summary>
    /// Results of the given (already access-checked) rounds. A single respondent's value is revealed only to that
    /// respondent, or to the team's metodeveileder when the respondent shared the answers.
    /// </summary>
    public static async Task<Dictionary<int, VisibleRoundResult>> ScoreAsync(
        TrinnDbContext db, IReadOnlyCollection<FidelityRound> rounds, ClaimsPrincipal user, FidelityOptions options)
    {
        var ids = rounds.Select(r => r.Id).ToList();
        var responses = await db.Set<FidelityResponse>().AsNoTracking()
            .Where(r => ids.Contains(r.RoundId))
            .Select(r => new { r.RoundId, r.RespondentId, r.AnswersJson, r.SharedWithSupervisor })
            .ToListAsync();
        var me = user.Identity?.IsAuthenticated == true ? user.UserId() : null;
        var supervisorOfTeam = FidelityAccess.IsSupervisor(user) ? user.TeamId() : null;
        var results = new Dictionary<int, VisibleRoundResult>();
        foreach (var round in rounds)
        {
            var definition = await InstrumentStore.FindAsync(db, round.InstrumentKey, round.InstrumentVersion)
                ?? throw new InvalidOperationException($"Instrument {round.InstrumentKey} v{round.InstrumentVersion} is not stored.");
            var answers = responses.Where(r => r.RoundId == round.Id)
                .Select(r => new RoundAnswers(r.RespondentId, FidelityResponse.ParseAnswers(r.AnswersJson), r.SharedWithSupervisor))
                .ToList();
            results[round.Id] = FidelityRoundResults.Score(definition, answers, options,
                r => r.RespondentId == me || (r.SharedWithSupervisor && supervisorOfTeam == round.TeamId));
        }

        return results;
    }
}
