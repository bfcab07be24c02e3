using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Fidelity;
using ScoredResponse = Trinn.Core.Instruments.Fidelity.FidelityResponse;

namespace Trinn.Core.Fidelity;

/// <summary>One stored response as the results need it: who, what, and whether it was shared with the metodeveileder.</summary>
public sealed record RoundAnswers(string RespondentId, AnswerSet Answers, bool SharedWithSupervisor);

/// <summary>
/// One item's team result as a viewer may see it. <see cref="Result"/> is null when the value is withheld to
/// protect a single respondent (<see cref="Withheld"/>) or nobody answered the item (N = 0).
/// </summary>
public sealed record VisibleItemResult(int Item, string Number, string Label, int N, FidelityItemResult? Result, bool Withheld);

/// <summary>
/// A round's team result as a viewer may see it. The total and band are withheld whenever any item value is,
/// because the total minus the shown item means would give the withheld value back.
/// </summary>
public sealed record VisibleRoundResult(
    IReadOnlyList<VisibleItemResult> Items,
    int Respondents,
    decimal? Total,
    string? Band,
    bool Complete,
    bool TotalWithheld,
    IReadOnlyList<string> Flags);

/// <summary>
/// Team results of a fidelity round with protection of individuals. Rule: an item's value (mean, SD, min–max) is
/// shown only when at least <see cref="MinRespondents"/> respondents answered it; with exactly one respondent it
/// is shown only to a viewer that <c>mayReveal</c> allows for that respondent (the respondent, or the team's
/// metodeveileder when the respondent shared the answers). The number who answered (n) is always shown.
/// With n = 2 each of the two can work out the other's answer from the mean; the rule accepts that, as the team
/// already knows who answered.
/// </summary>
public static class FidelityRoundResults
{
    public const int MinRespondents = 2;

    public static VisibleRoundResult Score(
        InstrumentDefinition definition,
        IReadOnlyList<RoundAnswers> responses,
        FidelityOptions options,
        Func<RoundAnswers, bool> mayReveal)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(mayReveal);
        var scored = responses
            .Select(r => new ScoredResponse("team", "round", r.RespondentId, FidelityScale.FromAnswerSet(r.Answers, definition)))
            .ToList();
        var result = FidelityScoring.ScoreRound("team", "round", scored, options);
        var items = new List<VisibleItemResult>();
        foreach (var item in result.Items)
        {
            var itemDefinition = definition.GetItem(FidelityScale.ItemId(item.Item));
            var withheld = false;
            if (item.N is > 0 and < MinRespondents)
            {
                var answered = responses.Where(r => r.Answers.IsAnswered(itemDefinition.Id)).ToList();
                withheld = !answered.All(mayReveal);
            }

            items.Add(new VisibleItemResult(
                item.Item,
                itemDefinition.Number ?? item.Item.ToString(System.Globalization.CultureInfo.InvariantCulture),
                itemDefinition.Label,
                item.N,
                withheld || item.N == 0 ? null : item,
                withheld));
        }

        var totalWithheld = items.Any(i => i.Withheld);
        return new VisibleRoundResult(
            items,
            responses.Count,
            totalWithheld ? null : result.Total,
            totalWithheld ? null : result.Band,
            result.Complete,
            totalWithheld,
            result.Flags);
    }
}
