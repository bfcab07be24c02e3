using System.Globalization;
using System.Text.Json;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Cli.Seed;

/// <summary>
/// The shipped instruments, and a fidelity round per team each spring and autumn over the five years, answered by
/// the specialists then in the team with valid answers to the fidelity scale, drifting upwards as teams mature.
/// Job-seeker questionnaire waves have no tables on this branch; a generator for them belongs beside this one.
/// </summary>
internal sealed class FidelityGenerator : ISeedGenerator
{
    private static readonly JsonSerializerOptions Compact = new(InstrumentJson.Options) { WriteIndented = false };

    public IReadOnlyList<Type> Tables { get; } = [typeof(InstrumentVersion), typeof(FidelityRound), typeof(FidelityResponse)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("fidelity");
        var published = ShippedInstruments.All.Select(d => d.Publish()).ToList();
        await using (var versions = writer.Table<InstrumentVersion>(
            nameof(InstrumentVersion.Id), nameof(InstrumentVersion.Key), nameof(InstrumentVersion.Version), nameof(InstrumentVersion.Title),
            nameof(InstrumentVersion.DefinitionJson), nameof(InstrumentVersion.PublishedAtUtc)))
        {
            foreach (var definition in published)
            {
                versions.Add(versions.Count + 1, definition.Key, definition.Version, definition.Title, InstrumentJson.Serialize(definition),
                    context.HistoryStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            }
        }

        var fidelity = published.Single(d => d.Key == ShippedInstruments.FidelityKey);
        var answerable = fidelity.Items.Where(i => i.Type is ItemType.SingleChoice or ItemType.MultipleChoice).ToList();
        await using var rounds = writer.Table<FidelityRound>(
            nameof(FidelityRound.Id), nameof(FidelityRound.TeamId), nameof(FidelityRound.Label), nameof(FidelityRound.OpensOn), nameof(FidelityRound.ClosesOn),
            nameof(FidelityRound.InstrumentKey), nameof(FidelityRound.InstrumentVersion), nameof(FidelityRound.CreatedById), nameof(FidelityRound.CreatedAtUtc));
        await using var responses = writer.Table<FidelityResponse>(
            nameof(FidelityResponse.Id), nameof(FidelityResponse.RoundId), nameof(FidelityResponse.RespondentId), nameof(FidelityResponse.InstrumentKey),
            nameof(FidelityResponse.InstrumentVersion), nameof(FidelityResponse.AnswersJson), nameof(FidelityResponse.SubmittedAtUtc),
            nameof(FidelityResponse.UpdatedAtUtc), nameof(FidelityResponse.SharedWithSupervisor), nameof(FidelityResponse.Version));
        foreach (var team in context.Teams)
        {
            var roundNumber = 0;
            for (var opens = new DateOnly(context.HistoryStart.Year, 3, 1); opens.AddDays(21) < context.Today; opens = opens.AddMonths(6))
            {
                if (opens < context.HistoryStart || team.Supervisor is null)
                {
                    continue;
                }

                var id = (int)rounds.Count + 1;
                var closes = opens.AddDays(21);
                var label = (opens.Month < 7 ? "Vår " : "Høst ") + opens.Year.ToString(CultureInfo.InvariantCulture);
                rounds.Add(id, team.Id, label, opens, closes, fidelity.Key, fidelity.Version, team.Supervisor.Id, SeedContext.At(opens, random));
                roundNumber++;
                foreach (var specialist in team.Specialists.Concat(team.Former).Where(s => s.WorkedIn(team, opens)))
                {
                    if (random.Next(10) == 0)
                    {
                        continue;
                    }

                    var submitted = SeedContext.At(SeedContext.Between(random, opens, closes), random);
                    responses.Add(responses.Count + 1, id, specialist.Id, fidelity.Key, fidelity.Version, Answers(fidelity, answerable, random, roundNumber),
                        submitted, submitted, random.Next(3) != 0, 1L);
                }
            }
        }

        context.Progress(string.Create(CultureInfo.InvariantCulture, $"fidelity: {rounds.Count:N0} rounds, {responses.Count:N0} responses"));
    }

    /// <summary>Valid answers; later rounds lean towards the higher options (teams improve with experience).</summary>
    private static string Answers(InstrumentDefinition definition, List<ItemDefinition> items, Random random, int round)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lean = Math.Min(0.35, round * 0.04);
        foreach (var item in items)
        {
            var options = item.Options;
            if (item.Type == ItemType.SingleChoice)
            {
                var position = (int)Math.Min(options.Count - 1, Math.Floor((random.NextDouble() * (1 - lean) + lean) * options.Count));
                values[item.Id] = [options[position].Code];
            }
            else
            {
                var ticked = options.Where(o => !o.Exclusive && random.NextDouble() < 0.3 + lean).Select(o => o.Code).ToList();
                values[item.Id] = ticked.Count > 0 ? ticked : [options[0].Code];
            }
        }

        var answers = AnswerSet.From(values) with { InstrumentKey = definition.Key, InstrumentVersion = definition.Version };
        return JsonSerializer.Serialize(answers, Compact);
    }
}
