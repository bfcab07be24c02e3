namespace Trinn.Core.Instruments.Fidelity;

public enum FidelityScoringMode
{
    /// <summary>IPS anchors (INSTRUMENTS.md A.3, option 1); the default for new data. Every item scores 1–5.</summary>
    IpsFaithful,

    /// <summary>Reproduces the report's Table 1: multi-select items as raw tick counts 0–5.</summary>
    SeedReplication,
}

/// <summary>The names used in files, the CLI and JSON: <c>ips_faithful</c> and <c>seed_replication</c>.</summary>
public static class FidelityScoringModes
{
    public const string IpsFaithful = "ips_faithful";
    public const string SeedReplication = "seed_replication";

    public static string Name(FidelityScoringMode mode) => mode switch
    {
        FidelityScoringMode.IpsFaithful => IpsFaithful,
        FidelityScoringMode.SeedReplication => SeedReplication,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static bool TryParse(string? name, out FidelityScoringMode mode)
    {
        mode = name switch
        {
            IpsFaithful => FidelityScoringMode.IpsFaithful,
            SeedReplication => FidelityScoringMode.SeedReplication,
            _ => (FidelityScoringMode)(-1),
        };
        return Enum.IsDefined(mode);
    }
}

/// <summary>How seed_replication turns the respondents' tick counts of a multi-select item into one team value.</summary>
public enum MultiSelectAggregate
{
    Mean,

    /// <summary>The middle value; with an even n the mean of the two middle values.</summary>
    Median,

    /// <summary>The most frequent value; a tie goes to the lowest of the tied values (the conservative reading).</summary>
    Consensus,
}

/// <summary>Which printing of item 19 the answers were given on.</summary>
public enum Item19Form
{
    /// <summary>The shipped form: box 5 is "Brukerens familie/nettverk kontaktes når det er aktuelt."</summary>
    Repaired,

    /// <summary>The report's form, where box 5 repeats box 4 word for word (historical data).</summary>
    Legacy,
}

public sealed record FidelityOptions
{
    public FidelityScoringMode Mode { get; init; } = FidelityScoringMode.IpsFaithful;

    /// <summary>Used by seed_replication only; ips_faithful always takes the mean of individual scores.</summary>
    public MultiSelectAggregate MultiSelectAggregate { get; init; } = MultiSelectAggregate.Mean;

    public Item19Form Item19Form { get; init; } = Item19Form.Repaired;
}

/// <summary>
/// One item's team result. <see cref="Mean"/> is the team value that enters the total: the mean of the respondents'
/// item scores (or, for multi-select items in seed_replication with median/consensus, that aggregate).
/// <see cref="Sd"/> is the sample standard deviation (n − 1) of the respondents' scores, null below n = 2.
/// </summary>
public sealed record FidelityItemResult(int Item, decimal? Mean, int N, double? Sd, int? Min, int? Max);

/// <summary>
/// A team's result for one round. <see cref="Total"/> is the sum of the item means (items nobody answered add
/// nothing); <see cref="Band"/> is given only when <see cref="Complete"/> (every item answered by someone).
/// </summary>
public sealed record FidelityRoundResult(
    string Team,
    string Round,
    FidelityOptions Options,
    IReadOnlyList<FidelityItemResult> Items,
    decimal Total,
    bool Complete,
    string? Band,
    IReadOnlyList<string> Flags);

public static class FidelityScoring
{
    /// <summary>Flag: item 19 was scored on the legacy form, where the IPS score cannot exceed 3.</summary>
    public const string Item19LegacyCeiling = "item19_legacy_ceiling";

    /// <summary>
    /// One respondent's score on one item, per INSTRUMENTS.md A.3.
    /// <para>Single-choice items: the position (1–5) in both modes.</para>
    /// <para>ips_faithful: items 7 and 8 score max(1, ticked). Item 3 uses the phase rule with P = ticked among boxes
    /// 2–6 (b–f): 5 if P = 5, 4 if P = 4, 3 if 1 ≤ P ≤ 3, 2 if P = 0 and box 1 (a, "henviser") is ticked, else 1.
    /// Item 19 counts IPS S14 strategies and scores max(1, strategies − 1): on the repaired form box 4 names two
    /// strategies (home/community visits and coordinated follow-up), so strategies = ticked + [box 4 ticked], 0–6;
    /// on the legacy form boxes 4 and 5 are one strategy (counted once), so at most 4 strategies and a ceiling of 3.</para>
    /// <para>seed_replication: items 3, 7, 8 and 19 score the raw number of ticked boxes capped at 5; zero is allowed.</para>
    /// </summary>
    public static int ItemScore(int item, FidelityAnswer answer, FidelityOptions options)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(options);
        if (item is < 1 or > FidelityScale.ItemCount)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item, "Items are 1–19.");
        }

        var ticked = answer.Positions.Distinct().ToHashSet();
        if (ticked.Any(p => p < 1 || p > FidelityScale.OptionCount(item)))
        {
            throw new ArgumentOutOfRangeException(nameof(answer), $"Item {item} has options 1–{FidelityScale.OptionCount(item)}.");
        }

        if (!FidelityScale.IsMultiSelect(item))
        {
            return ticked.Count == 1
                ? ticked.Single()
                : throw new ArgumentException($"Item {item} is single choice and needs exactly one position.", nameof(answer));
        }

        if (options.Mode == FidelityScoringMode.SeedReplication)
        {
            return Math.Min(5, ticked.Count);
        }

        return item switch
        {
            3 => PhaseScore(ticked),
            19 => StrategyScore(ticked, options.Item19Form),
            _ => Math.Max(1, ticked.Count),
        };
    }

    /// <summary>Scores every (team, round) group: teams in order of first appearance, and within a team its rounds in order of first appearance.</summary>
    public static IReadOnlyList<FidelityRoundResult> ScoreRounds(IEnumerable<FidelityResponse> responses, FidelityOptions options)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var list = responses.ToList();
        var teams = list.Select(r => r.Team).Distinct(StringComparer.Ordinal);
        return teams
            .SelectMany(team => list.Where(r => r.Team == team).Select(r => r.Round).Distinct(StringComparer.Ordinal)
                .Select(round => ScoreRound(team, round, list.Where(r => r.Team == team && r.Round == round), options)))
            .ToList();
    }

    /// <summary>Scores one team's round from its respondents' responses.</summary>
    public static FidelityRoundResult ScoreRound(string team, string round, IEnumerable<FidelityResponse> responses, FidelityOptions options)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(options);
        var list = responses.ToList();
        var items = new List<FidelityItemResult>();
        var total = Fraction.Zero;
        var complete = true;
        for (var item = 1; item <= FidelityScale.ItemCount; item++)
        {
            var scores = list
                .Where(r => r.Answers.ContainsKey(item))
                .Select(r => ItemScore(item, r.Answers[item], options))
                .ToList();
            if (scores.Count == 0)
            {
                complete = false;
                items.Add(new FidelityItemResult(item, null, 0, null, null, null));
                continue;
            }

            var value = TeamValue(item, scores, options);
            total += value;
            items.Add(new FidelityItemResult(item, value.ToDecimal(), scores.Count, SampleStandardDeviation(scores), scores.Min(), scores.Max()));
        }

        var flags = new List<string>();
        if (options.Mode == FidelityScoringMode.IpsFaithful && options.Item19Form == Item19Form.Legacy &&
            list.Any(r => r.Answers.ContainsKey(19)))
        {
            flags.Add(Item19LegacyCeiling);
        }

        return new FidelityRoundResult(team, round, options, items, total.ToDecimal(), complete,
            complete ? FidelityBands.Modified(total) : null, flags);
    }

    private static Fraction TeamValue(int item, List<int> scores, FidelityOptions options)
    {
        var aggregate = FidelityScale.IsMultiSelect(item) && options.Mode == FidelityScoringMode.SeedReplication
            ? options.MultiSelectAggregate
            : MultiSelectAggregate.Mean;
        var sorted = scores.Order().ToList();
        switch (aggregate)
        {
            case MultiSelectAggregate.Median:
                var middle = sorted.Count / 2;
                return sorted.Count % 2 == 1
                    ? Fraction.Whole(sorted[middle])
                    : Fraction.Of(sorted[middle - 1] + sorted[middle], 2);
            case MultiSelectAggregate.Consensus:
                return Fraction.Whole(sorted.GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key);
            case MultiSelectAggregate.Mean:
            default:
                return Fraction.Of(scores.Sum(), scores.Count);
        }
    }

    private static int PhaseScore(HashSet<int> ticked)
    {
        var phases = ticked.Count(p => p >= 2);
        return phases switch
        {
            5 => 5,
            4 => 4,
            >= 1 => 3,
            _ => ticked.Contains(1) ? 2 : 1,
        };
    }

    private static int StrategyScore(HashSet<int> ticked, Item19Form form)
    {
        var strategies = form == Item19Form.Repaired
            ? ticked.Count + (ticked.Contains(4) ? 1 : 0)
            : ticked.Count(p => p <= 3) + (ticked.Contains(4) || ticked.Contains(5) ? 1 : 0);
        return Math.Max(1, strategies - 1);
    }

    private static double? SampleStandardDeviation(List<int> scores)
    {
        if (scores.Count < 2)
        {
            return null;
        }

        var mean = scores.Average();
        var sumOfSquares = scores.Sum(s => (s - mean) * (s - mean));
        return Math.Sqrt(sumOfSquares / (scores.Count - 1));
    }
}
