using Trinn.Core.Instruments.Definitions;

namespace Trinn.Core.Tests.Instruments;

/// <summary>Small builders for hand-made definitions used across the instrument tests.</summary>
internal static class TestDefinitions
{
    public static OptionDefinition[] Options(params string[] labels) =>
        labels.Select((l, i) => new OptionDefinition { Code = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Label = l }).ToArray();

    public static ItemDefinition Single(string id, int options = 2, string? showIf = null, bool required = false) => new()
    {
        Id = id,
        Type = ItemType.SingleChoice,
        Label = id,
        ShowIf = showIf,
        Required = required,
        Options = Options(Enumerable.Range(1, options).Select(i => $"Alternativ {i}").ToArray()),
    };

    public static ItemDefinition Scale(string id, int min, int max) =>
        new() { Id = id, Type = ItemType.Scale, Label = id, Min = min, Max = max };

    public static InstrumentDefinition Instrument(params ItemDefinition[] items) =>
        new() { Key = "test", Version = 1, Title = "Test", Items = items };

    public static AnswerSet Answers(params (string Id, string Value)[] values) =>
        AnswerSet.FromSingles(values.Select(v => new KeyValuePair<string, string>(v.Id, v.Value)));

    public static Dictionary<string, IReadOnlyList<string>> Raw(params (string Id, string[] Values)[] values) =>
        values.ToDictionary(v => v.Id, v => (IReadOnlyList<string>)v.Values);
}
