namespace Trinn.Core.Instruments.Definitions;

/// <summary>
/// Clean, validated answers, keyed by item id. Single-valued items hold one value (an option code, an
/// invariant-culture number, an ISO date yyyy-MM-dd or text); multiple-choice items hold the ticked codes in
/// option order, and an empty list means "answered, nothing ticked". Unanswered items are absent.
/// The instrument key and version say which definition the answers were given under.
/// </summary>
public sealed record AnswerSet
{
    public string? InstrumentKey { get; init; }

    public int? InstrumentVersion { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; init; }

    public static AnswerSet Empty { get; } = new() { Values = new Dictionary<string, IReadOnlyList<string>>() };

    public static AnswerSet From(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> values) =>
        new() { Values = new Dictionary<string, IReadOnlyList<string>>(values, StringComparer.Ordinal) };

    /// <summary>Convenience for single-valued answers (and tests): each value becomes a one-element list.</summary>
    public static AnswerSet FromSingles(IEnumerable<KeyValuePair<string, string>> values) =>
        From(values.Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, [kv.Value])));

    public bool IsAnswered(string itemId) => Values.ContainsKey(itemId);

    /// <summary>The single value of an item, or null when unanswered.</summary>
    public string? ValueOf(string itemId) =>
        Values.TryGetValue(itemId, out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>The ticked codes of a multiple-choice item, or null when unanswered.</summary>
    public IReadOnlyList<string>? Ticked(string itemId) => Values.TryGetValue(itemId, out var v) ? v : null;
}
