using System.Globalization;
using System.Text.Json.Nodes;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Research;

/// <summary>The analyses of the research page: the contract's names, plus the report's Table 2.</summary>
internal static class Analyses
{
    public const string GroupTable = "group_table";
    public const string Descriptives = "descriptives";
    public const string Frequencies = "frequencies";
    public const string IndependentT = "t_test_independent";
    public const string PairedT = "t_test_paired";
    public const string OneWayAnova = "oneway_anova";
    public const string RepeatedMeasures = "rm_anova_oneway_within";
    public const string Crosstabs = "crosstabs";
    public const string Cronbach = "cronbach_alpha";

    public static readonly IReadOnlyList<string> All =
        [GroupTable, Descriptives, Frequencies, IndependentT, PairedT, OneWayAnova, RepeatedMeasures, Crosstabs, Cronbach];
}

/// <summary>
/// The analysis form (sent with GET, so a result can be reloaded and downloaded as JSON). Which fields an analysis
/// uses is decided in <see cref="AnalysisRequest"/>; the others are ignored.
/// </summary>
public sealed class AnalysisInput
{
    public string? Analysis { get; set; }

    /// <summary>The id of the upload the form was made for; a newer upload makes the form stale.</summary>
    public string? Dataset { get; set; }

    public bool Run { get; set; }

    /// <summary>Frequencies: the variable. Paired t: variable 1. Crosstabs: the row variable.</summary>
    public string? Variable1 { get; set; }

    /// <summary>Paired t: variable 2. Crosstabs: the column variable.</summary>
    public string? Variable2 { get; set; }

    /// <summary>Descriptives: variables. Cronbach: items. Repeated measures: the levels in order. Table 2: categorical variables.</summary>
    public List<string> Variables { get; set; } = [];

    /// <summary>Table 2: continuous variables (mean (SD)).</summary>
    public List<string> Continuous { get; set; } = [];

    /// <summary>Independent t, ANOVA, Table 2: the grouping variable.</summary>
    public string? Group { get; set; }

    /// <summary>Independent t, ANOVA: the dependent variable.</summary>
    public string? Value { get; set; }

    public string? Group1 { get; set; }

    public string? Group2 { get; set; }

    /// <summary>Repeated measures: an optional subject id column.</summary>
    public string? Subject { get; set; }

    /// <summary>Repeated measures: what was measured, for Table 3 and the sentence.</summary>
    public string? Label { get; set; }
}

/// <summary>
/// Checks an <see cref="AnalysisInput"/> against the uploaded table and builds the contract request
/// (<c>shared/STATS-CONTRACT.md</c>). Every problem becomes a Norwegian message on its field, including a cell that
/// is not a number (named by line and column).
/// </summary>
internal sealed class AnalysisRequest(CsvTable table, IStringLocalizer t)
{
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);

    /// <summary>Field (as "Input.X") → message.</summary>
    public IReadOnlyDictionary<string, string> Errors => errors;

    /// <summary>The contract request, or null when a field is wrong (see <see cref="Errors"/>). Table 2 has no contract request.</summary>
    public JsonObject? Build(AnalysisInput input, string fileName)
    {
        ArgumentNullException.ThrowIfNull(input);
        string analysis = input.Analysis ?? "";
        JsonObject? body = analysis switch
        {
            Analyses.GroupTable => GroupTable(input),
            Analyses.Descriptives => new JsonObject { ["variables"] = Names(input.Variables, "Variables", 1) },
            Analyses.Frequencies => new JsonObject { ["variable"] = Column(input.Variable1, "Variable1") },
            Analyses.IndependentT => IndependentT(input),
            Analyses.PairedT => new JsonObject
            {
                ["variable1"] = Column(input.Variable1, "Variable1"),
                ["variable2"] = Column(input.Variable2, "Variable2"),
                ["confidence"] = 0.95,
            },
            Analyses.OneWayAnova => new JsonObject { ["group_column"] = Column(input.Group, "Group"), ["value_column"] = Column(input.Value, "Value") },
            Analyses.RepeatedMeasures => RepeatedMeasures(input),
            Analyses.Crosstabs => new JsonObject { ["row_variable"] = Column(input.Variable1, "Variable1"), ["column_variable"] = Column(input.Variable2, "Variable2") },
            Analyses.Cronbach => new JsonObject { ["items"] = Names(input.Variables, "Variables", 2) },
            _ => Fail("Analysis", t["Error_ChooseAnalysis"]),
        };
        if (body is null || errors.Count > 0)
        {
            return null;
        }

        return new JsonObject { ["analysis"] = analysis, ["data"] = fileName, ["input"] = body };
    }

    private JsonObject? GroupTable(AnalysisInput input)
    {
        string? group = string.IsNullOrEmpty(input.Group) ? null : Column(input.Group, "Group");
        JsonArray categorical = input.Variables.Count == 0 ? new JsonArray() : Names(input.Variables, "Variables", 1);
        JsonArray continuous = input.Continuous.Count == 0 ? new JsonArray() : Names(input.Continuous, "Continuous", 1);
        if (input.Variables.Count == 0 && input.Continuous.Count == 0)
        {
            Fail("Variables", t["Error_ChooseTable2Variables"]);
        }

        return new JsonObject { ["group_column"] = group, ["categorical"] = categorical, ["continuous"] = continuous };
    }

    private JsonObject? IndependentT(AnalysisInput input)
    {
        string? group = Column(input.Group, "Group");
        string? value = Column(input.Value, "Value");
        if (group is null || value is null)
        {
            return null;
        }

        decimal[] codes = [.. table.Numbers(group).Where(c => c.HasValue).Select(c => c!.Value).Distinct().Order()];
        decimal? g1 = Code(input.Group1, "Group1", codes);
        decimal? g2 = Code(input.Group2, "Group2", codes);
        if (string.IsNullOrWhiteSpace(input.Group1) && string.IsNullOrWhiteSpace(input.Group2))
        {
            if (codes.Length != 2)
            {
                return Fail("Group1", t.Count("Error_ChooseTwoGroups", codes.Length, group, codes.Length));
            }

            (g1, g2) = (codes[0], codes[1]);
        }
        else if (g1 is null || g2 is null)
        {
            Fail(g1 is null ? "Group1" : "Group2", t["Error_GroupCodeRequired"]);
            return null;
        }
        else if (g1 == g2)
        {
            return Fail("Group2", t["Error_GroupsDiffer"]);
        }

        return new JsonObject { ["group_column"] = group, ["value_column"] = value, ["group1"] = g1, ["group2"] = g2, ["confidence"] = 0.95 };
    }

    private JsonObject? RepeatedMeasures(AnalysisInput input)
    {
        JsonArray levels = Names(input.Variables, "Variables", 2);
        var body = new JsonObject { ["within_factor"] = "tid", ["levels"] = levels };
        if (!string.IsNullOrEmpty(input.Subject) && KnownColumn(input.Subject, "Subject"))
        {
            body["subject_column"] = input.Subject;
        }

        return body;
    }

    private decimal? Code(string? text, string field, decimal[] codes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal code))
        {
            Fail(field, t["Error_GroupCodeNumber", text]);
            return null;
        }

        if (!codes.Contains(code))
        {
            Fail(field, t["Error_GroupCodeUnknown", text, string.Join(", ", codes.Select(StatFormat.Code))]);
            return null;
        }

        return code;
    }

    /// <summary>A required numeric column: chosen, in the file, every cell a number or empty.</summary>
    private string? Column(string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            Fail(field, t["Error_ChooseColumn"]);
            return null;
        }

        return KnownColumn(name, field) && Numeric(name, field) ? name : null;
    }

    private JsonArray Names(List<string> names, string field, int minimum)
    {
        var distinct = names.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < minimum)
        {
            Fail(field, t[minimum == 1 ? "Error_ChooseColumns" : "Error_ChooseColumnsAtLeast", minimum]);
        }

        foreach (string name in distinct)
        {
            if (errors.ContainsKey("Input." + field) || !KnownColumn(name, field))
            {
                break;
            }

            Numeric(name, field);
        }

        return new JsonArray([.. distinct.Select(n => (JsonNode?)n)]);
    }

    private bool KnownColumn(string name, string field)
    {
        if (table.Columns.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        Fail(field, t["Error_UnknownColumn", name]);
        return false;
    }

    private bool Numeric(string name, string field)
    {
        try
        {
            table.Numbers(name);
            return true;
        }
        catch (CsvDataException e) when (e.Problem == CsvProblem.NotANumber)
        {
            Fail(field, t["Error_NotANumber", e.Line ?? 0, name, e.Text ?? ""]);
            return false;
        }
    }

    private JsonObject? Fail(string field, string message)
    {
        errors.TryAdd("Input." + field, message);
        return null;
    }
}

/// <summary>A group of column checkboxes on the analysis form.</summary>
public sealed record ColumnChecks(string Field, string Legend, string? Description, IReadOnlyList<string> Columns, IReadOnlyList<string> Selected);
