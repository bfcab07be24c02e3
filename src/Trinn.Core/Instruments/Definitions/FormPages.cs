namespace Trinn.Core.Instruments.Definitions;

/// <summary>
/// Splits a questionnaire into pages so that it can be answered without any script: a new page starts before an
/// item whose branching refers to an item on the current page. Every item's visibility is therefore settled by the
/// answers to earlier pages, and the server renders only what is shown (REDCap's survey pages do the same with
/// section breaks). Pages with nothing to answer for the answers so far are skipped by the caller.
/// </summary>
public static class FormPages
{
    public static IReadOnlyList<IReadOnlyList<ItemDefinition>> Split(InstrumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var pages = new List<IReadOnlyList<ItemDefinition>>();
        var current = new List<ItemDefinition>();
        var onPage = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in definition.Items)
        {
            var refersToPage = item.ShowIf is not null
                && BranchingExpression.Parse(item.ShowIf).References.Any(r => onPage.Contains(r.ItemId));
            if (refersToPage && current.Count > 0)
            {
                pages.Add(current);
                current = [];
                onPage.Clear();
            }

            current.Add(item);
            onPage.Add(item.Id);
        }

        if (current.Count > 0)
        {
            pages.Add(current);
        }

        return pages;
    }

    /// <summary>Whether any answerable item of the page is shown for these answers.</summary>
    public static bool HasVisibleQuestions(InstrumentDefinition definition, IReadOnlyList<ItemDefinition> page, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(page);
        var visible = definition.VisibleItems(answers).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return page.Any(i => i.IsAnswerable && visible.Contains(i.Id));
    }
}
