namespace Trinn.Core.Instruments.Definitions;

internal static class Visibility
{
    /// <summary>
    /// Ids of the visible items, in order. Each item's condition is evaluated over the answers to the
    /// visible items before it, so an answer to a hidden item never shows anything.
    /// </summary>
    public static HashSet<string> VisibleItems(InstrumentDefinition definition, AnswerSet answers)
    {
        var visible = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var item in definition.Items)
        {
            var shown = item.ShowIf is null || BranchingExpression.Parse(item.ShowIf).Evaluate(seen);
            if (!shown)
            {
                continue;
            }

            visible.Add(item.Id);
            if (answers.Values.TryGetValue(item.Id, out var v))
            {
                seen[item.Id] = v;
            }
        }

        return visible;
    }
}
