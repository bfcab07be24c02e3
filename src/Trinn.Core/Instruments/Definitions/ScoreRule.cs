namespace Trinn.Core.Instruments.Definitions;

public enum ScoreKind
{
    /// <summary>Mean of the answered items' values (after reverse coding).</summary>
    Mean,

    /// <summary>Sum of the items' values (after reverse coding). Without <see cref="ScoreRule.MinAnswered"/> every item must be answered.</summary>
    Sum,

    /// <summary>The value of a single item.</summary>
    Value,

    /// <summary>Number of ticked options of one multiple-choice item (optionally only <see cref="ScoreRule.CountCodes"/>).</summary>
    CountTicked,

    /// <summary>Number of items answered with their keyed code (<see cref="ScoreRule.Key"/>), e.g. internal choices for locus of control.</summary>
    CountKeyed,
}

/// <summary>A lower cut-off: a score at or above <see cref="Min"/> (and below the next band's cut-off) gets <see cref="Label"/>.</summary>
public sealed record ScoreBand(decimal Min, string Label);

/// <summary>How one construct score is computed from an answer set.</summary>
public sealed record ScoreRule
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public required ScoreKind Kind { get; init; }

    public required IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Items whose value is reverse coded as <see cref="ReverseFrom"/> − x (e.g. 6 − x on a 1–5 scale).</summary>
    public IReadOnlyList<string> ReverseItems { get; init; } = [];

    public decimal? ReverseFrom { get; init; }

    /// <summary>Fewest answered items for a score; null means half the items rounded up (mean, counts) or all items (sum, value).</summary>
    public int? MinAnswered { get; init; }

    /// <summary>CountKeyed: item id → the code that counts.</summary>
    public IReadOnlyDictionary<string, string> Key { get; init; } = new Dictionary<string, string>();

    /// <summary>CountTicked: only these codes count; empty means every option.</summary>
    public IReadOnlyList<string> CountCodes { get; init; } = [];

    /// <summary>Codes meaning "don't know". They set <see cref="Scoring.ScoreResult.Unknown"/>; whether they count is <see cref="Scoring.UnknownHandling"/>.</summary>
    public IReadOnlyList<string> UnknownCodes { get; init; } = [];

    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Theoretical range, for display.</summary>
    public decimal? RangeMin { get; init; }

    public decimal? RangeMax { get; init; }

    /// <summary>Bands by lower cut-off, any order.</summary>
    public IReadOnlyList<ScoreBand> Bands { get; init; } = [];

    public string? Note { get; init; }

    public int EffectiveMinAnswered(int itemCount) => MinAnswered ?? Kind switch
    {
        ScoreKind.Sum or ScoreKind.Value => itemCount,
        ScoreKind.Mean or ScoreKind.CountTicked or ScoreKind.CountKeyed or _ => (itemCount + 1) / 2,
    };
}
