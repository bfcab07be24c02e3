namespace Trinn.Core.Instruments.Definitions;

/// <summary>Structural checks on a definition (developer-facing English messages); an empty list means it is sound.</summary>
public static class DefinitionCheck
{
    public static IReadOnlyList<string> Problems(InstrumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (!ItemIds.IsValid(definition.Key))
        {
            problems.Add($"key '{definition.Key}' must be lowercase letters, digits and underscore");
        }

        if (definition.Version < 1)
        {
            problems.Add("version must be 1 or more");
        }

        var earlier = new Dictionary<string, ItemDefinition>(StringComparer.Ordinal);
        foreach (var item in definition.Items)
        {
            var where = $"item '{item.Id}'";
            if (!ItemIds.IsValid(item.Id))
            {
                problems.Add($"{where}: id must be lowercase letters, digits and underscore, starting with a letter");
            }

            if (earlier.ContainsKey(item.Id))
            {
                problems.Add($"{where}: duplicate id");
            }

            CheckOptions(item, where, problems);
            CheckRanges(item, where, problems);

            if (item.ShowIf is not null)
            {
                if (!BranchingExpression.TryParse(item.ShowIf, out var expression, out var error))
                {
                    problems.Add($"{where}: {error}");
                }
                else
                {
                    foreach (var reference in expression!.References)
                    {
                        if (!earlier.TryGetValue(reference.ItemId, out var target))
                        {
                            problems.Add($"{where}: branching refers to '{reference.ItemId}', which is not an earlier item");
                        }
                        else if (reference.Code is not null &&
                                 (target.Type != ItemType.MultipleChoice || target.FindOption(reference.Code) is null))
                        {
                            problems.Add($"{where}: '{reference.ItemId}({reference.Code})' is not a checkbox option");
                        }
                    }
                }
            }

            earlier[item.Id] = item;
        }

        foreach (var score in definition.Scores)
        {
            var where = $"score '{score.Id}'";
            if (score.Items.Count == 0)
            {
                problems.Add($"{where}: no items");
            }

            foreach (var id in score.Items.Concat(score.ReverseItems).Concat(score.Key.Keys))
            {
                if (!earlier.ContainsKey(id))
                {
                    problems.Add($"{where}: unknown item '{id}'");
                }
            }

            if (score.ReverseItems.Count > 0 && score.ReverseFrom is null)
            {
                problems.Add($"{where}: reverse items need reverse_from");
            }

            if (score.Kind == ScoreKind.CountKeyed && score.Items.Any(i => !score.Key.ContainsKey(i)))
            {
                problems.Add($"{where}: every item needs a keyed code");
            }

            if (score.Kind is ScoreKind.Value or ScoreKind.CountTicked && score.Items.Count != 1)
            {
                problems.Add($"{where}: {score.Kind} takes exactly one item");
            }
        }

        return problems;
    }

    private static void CheckOptions(ItemDefinition item, string where, List<string> problems)
    {
        var needsOptions = item.Type is ItemType.SingleChoice or ItemType.MultipleChoice or ItemType.ForcedChoice;
        if (needsOptions && item.Options.Count < 2)
        {
            problems.Add($"{where}: a choice item needs at least two options");
        }

        if (item.Options.Select(o => o.Code).Distinct(StringComparer.Ordinal).Count() != item.Options.Count)
        {
            problems.Add($"{where}: duplicate option codes");
        }

        if (item.Type == ItemType.ForcedChoice &&
            !item.Options.Select(o => o.Code).SequenceEqual(["A", "B"], StringComparer.Ordinal))
        {
            problems.Add($"{where}: forced choice options must be A and B");
        }

        if (item.Type != ItemType.MultipleChoice && item.Options.Any(o => o.Exclusive))
        {
            problems.Add($"{where}: only multiple-choice options can be exclusive");
        }
    }

    private static void CheckRanges(ItemDefinition item, string where, List<string> problems)
    {
        if (item.Type == ItemType.Scale)
        {
            if (item.Min is null || item.Max is null || item.Min % 1 != 0 || item.Max % 1 != 0 || item.Min >= item.Max)
            {
                problems.Add($"{where}: a scale needs whole-number min < max");
            }
        }

        if (item.Min is not null && item.Max is not null && item.Min > item.Max)
        {
            problems.Add($"{where}: min is above max");
        }

        if (item.MaxLength is <= 0)
        {
            problems.Add($"{where}: max_length must be positive");
        }
    }
}
