using System.Globalization;
using Trinn.Core.Instruments.Definitions;

namespace Trinn.Core.Instruments.Scoring;

public enum UnknownHandling
{
    /// <summary>A "don't know" answer is left out, as if unanswered (substantive scoring; the default).</summary>
    Missing,

    /// <summary>A "don't know" answer counts with its code (the report's Table 3 codes RTW "Vet ikke" as 8).</summary>
    AsCode,
}

public sealed record ScoringOptions
{
    public UnknownHandling Unknown { get; init; } = UnknownHandling.Missing;

    /// <summary>Replaces a rule's item list by score id, e.g. extrinsic motivation without q30.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ItemSets { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public static ScoringOptions Default { get; } = new();

    /// <summary>As the report computed Table 3: "don't know" coded as its code.</summary>
    public static ScoringOptions SeedReplication { get; } = new() { Unknown = UnknownHandling.AsCode };
}

/// <summary>
/// One construct score. <see cref="Value"/> is null when fewer than the rule's minimum items were answered.
/// <see cref="Unknown"/> is set when a "don't know" code was given, whichever way it was scored.
/// </summary>
public sealed record ScoreResult(
    string ScoreId,
    string Label,
    decimal? Value,
    int Answered,
    int ItemCount,
    bool Unknown,
    string? Band,
    bool HigherIsBetter);

public static class ScoringEngine
{
    public static IReadOnlyList<ScoreResult> ScoreAll(InstrumentDefinition definition, AnswerSet answers, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Scores.Select(rule => Score(rule, answers, options)).ToList();
    }

    public static ScoreResult Score(ScoreRule rule, AnswerSet answers, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(answers);
        options ??= ScoringOptions.Default;
        var items = options.ItemSets.TryGetValue(rule.Id, out var replaced) ? replaced : rule.Items;
        var minimum = rule.EffectiveMinAnswered(items.Count);

        var (value, answered, unknown) = rule.Kind switch
        {
            ScoreKind.CountTicked => CountTicked(rule, items[0], answers),
            ScoreKind.CountKeyed => CountKeyed(rule, items, answers, minimum),
            ScoreKind.Mean or ScoreKind.Sum or ScoreKind.Value or _ => Numeric(rule, items, answers, options, minimum),
        };

        return new ScoreResult(rule.Id, rule.Label, value, answered, items.Count, unknown, BandFor(rule, value), rule.HigherIsBetter);
    }

    public static string? BandFor(ScoreRule rule, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (value is null)
        {
            return null;
        }

        return rule.Bands.Where(b => value >= b.Min).MaxBy(b => b.Min)?.Label;
    }

    private static (decimal?, int, bool) Numeric(ScoreRule rule, IReadOnlyList<string> items, AnswerSet answers, ScoringOptions options, int minimum)
    {
        var values = new List<decimal>();
        var unknown = false;
        foreach (var id in items)
        {
            var raw = answers.ValueOf(id);
            if (raw is null)
            {
                continue;
            }

            if (rule.UnknownCodes.Contains(raw))
            {
                unknown = true;
                if (options.Unknown == UnknownHandling.Missing)
                {
                    continue;
                }
            }

            if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x))
            {
                throw new InvalidOperationException($"Score '{rule.Id}': item '{id}' has the non-numeric value '{raw}'.");
            }

            if (rule.ReverseItems.Contains(id))
            {
                x = rule.ReverseFrom!.Value - x;
            }

            values.Add(x);
        }

        if (values.Count < Math.Max(1, minimum))
        {
            return (null, values.Count, unknown);
        }

        decimal? value = rule.Kind switch
        {
            ScoreKind.Mean => values.Sum() / values.Count,
            ScoreKind.Sum or ScoreKind.Value => values.Sum(),
            ScoreKind.CountTicked or ScoreKind.CountKeyed or _ => throw new InvalidOperationException(rule.Kind.ToString()),
        };
        return (value, values.Count, unknown);
    }

    private static (decimal?, int, bool) CountTicked(ScoreRule rule, string item, AnswerSet answers)
    {
        var ticked = answers.Ticked(item);
        if (ticked is null)
        {
            return (null, 0, false);
        }

        var count = rule.CountCodes.Count == 0 ? ticked.Count : ticked.Count(rule.CountCodes.Contains);
        return (count, 1, false);
    }

    private static (decimal?, int, bool) CountKeyed(ScoreRule rule, IReadOnlyList<string> items, AnswerSet answers, int minimum)
    {
        var answered = 0;
        var count = 0;
        foreach (var id in items)
        {
            var raw = answers.ValueOf(id);
            if (raw is null)
            {
                continue;
            }

            answered++;
            if (rule.Key.TryGetValue(id, out var keyed) && string.Equals(raw, keyed, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return answered < Math.Max(1, minimum) ? (null, answered, false) : (count, answered, false);
    }
}
