using Trinn.Core.Instruments.Definitions;

namespace Trinn.Web.Features.Fidelity;

/// <summary>One item of a questionnaire form: the definition, the values to show, its error and whether branching hides it.</summary>
public sealed record QuestionView(ItemDefinition Item, IReadOnlyList<string> Values, string? Error, bool Hidden)
{
    public string Name => AnswerModel.FieldPrefix + Item.Id;

    public string Id => AnswerModel.FieldId(Item.Id);

    public string Legend => Item.Number is null ? Item.Label : $"{Item.Number}. {Item.Label}";

    public string? DescribedBy =>
        string.Join(' ', new[] { Item.Instruction is null ? null : Id + "-desc", Error is null ? null : Id + "-error" }.Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;

    public bool Has(string code) => Values.Contains(code, StringComparer.Ordinal);

    public string OptionId(int index) => index == 0 ? Id : $"{Id}_{index + 1}";
}
