using System.Globalization;
using Trinn.Core.Instruments.Definitions;

namespace Trinn.Core.Instruments;

/// <summary>A problem with one submitted field; <see cref="Code"/> names the message in InstrumentMessages.resx.</summary>
public sealed record FieldError(string ItemId, string Code, string Message);

public sealed record ValidationResult(AnswerSet Answers, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Turns raw submitted values (as from a form post) into a clean <see cref="AnswerSet"/>.
/// Items are taken in order; an item hidden by branching (given the clean answers before it) is dropped
/// whatever was submitted for it. Conventions for raw values:
/// <list type="bullet">
/// <item>Single-valued items: a missing key or only blank values is unanswered.</item>
/// <item>Multiple choice: a missing key is unanswered; a present key with no non-blank values is
/// "answered, nothing ticked" (a form must post a hidden empty value for the group to say so).</item>
/// <item>Numbers accept a decimal comma or point and are stored in invariant culture; dates accept
/// dd.mm.åååå and åååå-mm-dd and are stored as åååå-mm-dd.</item>
/// <item>Keys that are not items of the definition are ignored.</item>
/// </list>
/// </summary>
public static class AnswerValidator
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static ValidationResult Validate(InstrumentDefinition definition, IReadOnlyDictionary<string, IReadOnlyList<string>> raw)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(raw);
        var clean = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var item in definition.Items)
        {
            if (!item.IsAnswerable)
            {
                continue;
            }

            if (item.ShowIf is not null && !BranchingExpression.Parse(item.ShowIf).Evaluate(clean))
            {
                continue;
            }

            raw.TryGetValue(item.Id, out var submitted);
            var outcome = item.Type == ItemType.MultipleChoice ? CheckMultiple(item, submitted) : CheckSingle(item, submitted);
            if (outcome.Error is { } error)
            {
                errors.Add(new FieldError(item.Id, error.Code, error.Message));
            }
            else if (outcome.Values is { } values)
            {
                clean[item.Id] = values;
            }
            else if (item.Required)
            {
                errors.Add(Error(item.Id, "Required"));
            }
        }

        var answers = new AnswerSet
        {
            InstrumentKey = definition.Key,
            InstrumentVersion = definition.Version,
            Values = clean,
        };
        return new ValidationResult(answers, errors);
    }

    private readonly record struct Outcome(IReadOnlyList<string>? Values, FieldError? Error);

    private static Outcome CheckMultiple(ItemDefinition item, IReadOnlyList<string>? submitted)
    {
        if (submitted is null)
        {
            return default;
        }

        var codes = submitted.Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (codes.Any(c => item.FindOption(c) is null))
        {
            return new Outcome(null, Error(item.Id, "UnknownOption"));
        }

        var exclusive = item.Options.FirstOrDefault(o => o.Exclusive && codes.Contains(o.Code));
        if (exclusive is not null && codes.Count > 1)
        {
            return new Outcome(null, Error(item.Id, "ExclusiveOption", exclusive.Label));
        }

        return new Outcome(item.Options.Where(o => codes.Contains(o.Code)).Select(o => o.Code).ToArray(), null);
    }

    private static Outcome CheckSingle(ItemDefinition item, IReadOnlyList<string>? submitted)
    {
        var values = submitted?.Where(s => !string.IsNullOrWhiteSpace(s)).ToList() ?? [];
        if (values.Count == 0)
        {
            return default;
        }

        if (values.Count > 1)
        {
            return new Outcome(null, Error(item.Id, "TooManyValues"));
        }

        var value = values[0].Trim();
        return item.Type switch
        {
            ItemType.SingleChoice or ItemType.ForcedChoice => item.FindOption(value) is null
                ? new Outcome(null, Error(item.Id, "UnknownOption"))
                : new Outcome([value], null),
            ItemType.Number => CheckNumber(item, value),
            ItemType.Scale => CheckScale(item, value),
            ItemType.Date => DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new Outcome([date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], null)
                : new Outcome(null, Error(item.Id, "InvalidDate")),
            ItemType.Text => item.MaxLength is { } max && value.Length > max
                ? new Outcome(null, Error(item.Id, "TooLong", max))
                : new Outcome([value], null),
            ItemType.Descriptive or ItemType.MultipleChoice or _ => default,
        };
    }

    private static Outcome CheckNumber(ItemDefinition item, string value)
    {
        if (!TryParseNumber(value, out var number))
        {
            return new Outcome(null, Error(item.Id, "NotANumber"));
        }

        if (item.WholeNumbers && number % 1 != 0)
        {
            return new Outcome(null, Error(item.Id, "NotAWholeNumber"));
        }

        if (item.Min is { } min && number < min)
        {
            return new Outcome(null, Error(item.Id, "BelowMin", min));
        }

        if (item.Max is { } max && number > max)
        {
            return new Outcome(null, Error(item.Id, "AboveMax", max));
        }

        return new Outcome([number.ToString("G29", CultureInfo.InvariantCulture)], null);
    }

    private static Outcome CheckScale(ItemDefinition item, string value)
    {
        var min = item.Min ?? 0;
        var max = item.Max ?? 10;
        if (!TryParseNumber(value, out var number) || number % 1 != 0 || number < min || number > max)
        {
            return new Outcome(null, Error(item.Id, "OutOfScale", min, max));
        }

        return new Outcome([number.ToString("G29", CultureInfo.InvariantCulture)], null);
    }

    /// <summary>Accepts "12", "-3", "50.5" and the Norwegian "50,5"; nothing else (no thousands separators).</summary>
    internal static bool TryParseNumber(string value, out decimal number) =>
        decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out number);

    private static FieldError Error(string itemId, string code, params object[] args) =>
        new(itemId, code, InstrumentMessages.Get(code, args));
}
