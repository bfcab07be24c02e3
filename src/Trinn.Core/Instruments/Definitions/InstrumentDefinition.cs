using System.Text.Json.Serialization;

namespace Trinn.Core.Instruments.Definitions;

/// <summary>
/// One version of a questionnaire, as data. Records are immutable: an edit is a <c>with</c>-copy, and
/// <see cref="NewVersion"/> is the only way to get an editable copy of a published version, so answers
/// given under a published version always find that exact version again by (<see cref="Key"/>, <see cref="Version"/>).
/// </summary>
public sealed record InstrumentDefinition
{
    /// <summary>Stable key shared by all versions, lowercase letters, digits and underscore (also the REDCap form name).</summary>
    public required string Key { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public bool Published { get; init; }

    /// <summary>Where the wording comes from, and the defects that were repaired (what the source printed).</summary>
    public string? Note { get; init; }

    /// <summary>Items in the order they are shown.</summary>
    public required IReadOnlyList<ItemDefinition> Items { get; init; } = [];

    public IReadOnlyList<ScoreRule> Scores { get; init; } = [];

    /// <summary>An unpublished copy with the next version number; the published original stays as it is.</summary>
    public InstrumentDefinition NewVersion() => this with { Version = Version + 1, Published = false };

    /// <summary>A published copy. Throws if the definition does not check out (see <see cref="DefinitionCheck"/>).</summary>
    public InstrumentDefinition Publish()
    {
        var problems = DefinitionCheck.Problems(this);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Cannot publish: " + string.Join("; ", problems));
        }

        return this with { Published = true };
    }

    public ItemDefinition? FindItem(string id) => Items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));

    public ItemDefinition GetItem(string id) =>
        FindItem(id) ?? throw new KeyNotFoundException($"Instrument '{Key}' v{Version} has no item '{id}'.");

    /// <summary>The items shown for these answers, in order (descriptive items included), for rendering a form.</summary>
    public IReadOnlyList<ItemDefinition> VisibleItems(AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var visible = Visibility.VisibleItems(this, answers);
        return Items.Where(i => visible.Contains(i.Id)).ToList();
    }

    /// <summary>
    /// Whether <paramref name="item"/> is shown, given the answers so far. Answers to hidden items are
    /// ignored (as REDCap does), so visibility cascades: a question shown only under a hidden question is hidden too.
    /// </summary>
    public bool IsVisible(ItemDefinition item, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answers);
        return Visibility.VisibleItems(this, answers).Contains(item.Id);
    }
}

public enum ItemType
{
    /// <summary>Text only (section instruction, introduction); never answered.</summary>
    Descriptive,
    SingleChoice,
    MultipleChoice,
    Number,
    /// <summary>An integer scale such as 0–10 or 1–10, given by <see cref="ItemDefinition.Min"/> and <see cref="ItemDefinition.Max"/>.</summary>
    Scale,
    /// <summary>Pick one of two statements (codes A and B).</summary>
    ForcedChoice,
    Date,
    Text,
}

public sealed record ItemDefinition
{
    /// <summary>Variable name: lowercase letter first, then lowercase letters, digits, underscore (REDCap rules).</summary>
    public required string Id { get; init; }

    public required ItemType Type { get; init; }

    /// <summary>Question number as printed (e.g. "7", "1a"), for display; may be null.</summary>
    public string? Number { get; init; }

    /// <summary>The question (or the text of a descriptive item), worded as in the source.</summary>
    public required string Label { get; init; }

    /// <summary>A section header shown before this item.</summary>
    public string? Section { get; init; }

    /// <summary>Instruction under the question, e.g. "Kryss av for alle oppgaver du utfører."</summary>
    public string? Instruction { get; init; }

    public bool Required { get; init; }

    /// <summary>Branching in REDCap syntax, e.g. <c>[q2] = '1'</c>; null means always shown.</summary>
    public string? ShowIf { get; init; }

    /// <summary>Options in printed order (single, multiple and forced choice; optional anchors for scales).</summary>
    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    /// <summary>Lower bound for number and scale items.</summary>
    public decimal? Min { get; init; }

    /// <summary>Upper bound for number and scale items.</summary>
    public decimal? Max { get; init; }

    /// <summary>Number items: only whole numbers.</summary>
    public bool WholeNumbers { get; init; }

    /// <summary>Label for the low end of a scale, e.g. "Ikke sikker i det hele tatt".</summary>
    public string? MinLabel { get; init; }

    /// <summary>Label for the high end of a scale, e.g. "Helt sikker".</summary>
    public string? MaxLabel { get; init; }

    /// <summary>Text items: maximum number of characters.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Unit shown after a number field, e.g. "%".</summary>
    public string? Unit { get; init; }

    /// <summary>Editorial note: repaired defects and what the source printed.</summary>
    public string? Note { get; init; }

    [JsonIgnore]
    public bool IsAnswerable => Type != ItemType.Descriptive;

    public OptionDefinition? FindOption(string code) =>
        Options.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));

    /// <summary>1-based position of an option in printed order, or 0 when the code is unknown.</summary>
    public int PositionOf(string code)
    {
        for (var i = 0; i < Options.Count; i++)
        {
            if (string.Equals(Options[i].Code, code, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }
}

public sealed record OptionDefinition
{
    /// <summary>Stored code: digits for REDCap compatibility (A/B for forced choice).</summary>
    public required string Code { get; init; }

    public required string Label { get; init; }

    /// <summary>Multiple choice: ticking this option excludes every other option (e.g. "Vet ikke/usikker").</summary>
    public bool Exclusive { get; init; }

    /// <summary>Editorial note: repaired wording and what the source printed.</summary>
    public string? Note { get; init; }
}
