using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Core.Instruments.Fidelity;

/// <summary>Fixed facts about the modified 19-item scale (Vedlegg 1) that the scoring relies on.</summary>
public static class FidelityScale
{
    public const int ItemCount = 19;

    /// <summary>The "Kryss av for alle" items.</summary>
    public static IReadOnlySet<int> MultiSelectItems { get; } = new HashSet<int> { 3, 7, 8, 19 };

    public static bool IsMultiSelect(int item) => MultiSelectItems.Contains(item);

    /// <summary>Number of printed options: item 3 has six boxes, every other item five.</summary>
    public static int OptionCount(int item) => item == 3 ? 6 : 5;

    public static string ItemId(int item) => "item" + item.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads validated answers to the shipped fidelity instrument (option codes) as positions in printed order.
    /// Unanswered items are left out.
    /// </summary>
    public static IReadOnlyDictionary<int, FidelityAnswer> FromAnswerSet(AnswerSet answers, InstrumentDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        definition ??= ShippedInstruments.Fidelity;
        var result = new Dictionary<int, FidelityAnswer>();
        for (var item = 1; item <= ItemCount; item++)
        {
            var itemDefinition = definition.GetItem(ItemId(item));
            if (answers.Ticked(itemDefinition.Id) is not { } codes)
            {
                continue;
            }

            result[item] = new FidelityAnswer(codes.Select(itemDefinition.PositionOf).Where(p => p > 0).ToArray());
        }

        return result;
    }
}

/// <summary>
/// One respondent's answer to one item, as 1-based positions in printed order: one position for a single-choice
/// item, the ticked positions (possibly none) for a multi-select item.
/// </summary>
public sealed record FidelityAnswer(IReadOnlyList<int> Positions)
{
    public static FidelityAnswer Choice(int position) => new([position]);

    public static FidelityAnswer Ticks(params int[] positions) => new(positions);
}

/// <summary>One respondent's answers in one round; items not answered are absent.</summary>
public sealed record FidelityResponse(string Team, string Round, string Respondent, IReadOnlyDictionary<int, FidelityAnswer> Answers);
