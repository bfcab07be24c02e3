using System.Text.Json.Nodes;

namespace Trinn.Statistics.Contract;

/// <summary>
/// Runs one request of the machine contract (<c>shared/STATS-CONTRACT.md</c>) on in-memory columns and returns
/// the result tree. No I/O: the caller reads the request and the data and writes the JSON.
/// </summary>
public static class StatsRequest
{
    /// <summary>The analyses of the contract.</summary>
    public static IReadOnlyList<string> Analyses { get; } =
    [
        "descriptives", "frequencies", "t_test_paired", "t_test_independent", "oneway_anova",
        "rm_anova_oneway_within", "rm_anova_mixed", "linear_mixed_model", "cronbach_alpha", "crosstabs",
        "power_rm_within", "power_t_paired", "power_t_independent",
    ];

    /// <summary>The analyses that read their data row by row (a streaming source keeps their memory flat).</summary>
    public static IReadOnlyList<string> RowWise { get; } = ["rm_anova_oneway_within", "rm_anova_mixed", "linear_mixed_model"];

    /// <summary>Whether the analysis reads a data file.</summary>
    public static bool NeedsData(string analysis) => !analysis.StartsWith("power_", StringComparison.Ordinal);

    /// <summary>
    /// Runs <paramref name="request"/> (<c>{"analysis", "input", "mode"?}</c>) on <paramref name="data"/>.
    /// Throws <see cref="StatsRequestException"/> for an unknown analysis, a missing field, an unknown column
    /// or data the analysis cannot use.
    /// </summary>
    public static JsonObject Run(JsonObject request, IColumnSource? data)
    {
        ArgumentNullException.ThrowIfNull(request);
        string analysis = request["analysis"] is JsonValue a && a.TryGetValue(out string? s) ? s
            : throw new StatsRequestException("The request needs a text field 'analysis'.");
        JsonObject input = request["input"] as JsonObject ?? throw new StatsRequestException("The request needs an object 'input'.");
        if (Analyses.Contains(analysis) && !NeedsData(analysis))
        {
            string mode = request["mode"] is JsonValue m && m.TryGetValue(out string? ms) ? ms
                : input["mode"] is JsonValue im && im.TryGetValue(out string? ims) ? ims
                : input["power"] is not null ? "a_priori" : "post_hoc";
            try
            {
                return analysis == "power_rm_within" ? ContractResults.PowerRmWithin(mode, input) : ContractResults.PowerT(analysis, mode, input);
            }
            catch (ArgumentException e)
            {
                throw new StatsRequestException($"The power analysis cannot be run: {e.Message}", e);
            }
        }

        if (!Analyses.Contains(analysis))
        {
            throw new StatsRequestException($"Unsupported analysis '{analysis}'. Supported: {string.Join(", ", Analyses)}.");
        }

        if (data is null)
        {
            throw new StatsRequestException($"The analysis '{analysis}' needs data.");
        }

        try
        {
            return analysis switch
            {
                "descriptives" => ContractResults.Descriptives(data, Json.RequireStrings(input, "variables")),
                "frequencies" => ContractResults.Frequencies(data, Json.RequireString(input, "variable")),
                "t_test_paired" => ContractResults.PairedT(data, Json.RequireString(input, "variable1"), Json.RequireString(input, "variable2"), Json.OptionalNumber(input, "confidence") ?? 0.95),
                "t_test_independent" => ContractResults.IndependentT(data, Json.RequireString(input, "group_column"), Json.RequireString(input, "value_column"), Json.RequireCode(input, "group1"), Json.RequireCode(input, "group2"), Json.OptionalNumber(input, "confidence") ?? 0.95),
                "oneway_anova" => ContractResults.OneWay(data, Json.RequireString(input, "group_column"), Json.RequireString(input, "value_column")),
                "rm_anova_oneway_within" => ContractResults.RepeatedMeasures(data, OptionalString(input, "subject_column"), Json.RequireStrings(input, "levels")),
                "rm_anova_mixed" => ContractResults.MixedRepeatedMeasures(data, OptionalString(input, "subject_column"), Json.RequireString(input, "between_column"), Json.RequireStrings(input, "levels")),
                "linear_mixed_model" => ContractResults.LinearMixedModel(data, Json.RequireString(input, "subject_column"), Json.RequireString(input, "time_column"), Json.RequireString(input, "outcome_column"), OptionalString(input, "group_column"), OptionalString(input, "method") ?? "REML"),
                "cronbach_alpha" => ContractResults.Cronbach(data, Json.RequireStrings(input, "items")),
                _ => ContractResults.Crosstabs(data, Json.RequireString(input, "row_variable"), Json.RequireString(input, "column_variable")),
            };
        }
        catch (ArgumentException e)
        {
            throw new StatsRequestException($"The data cannot be analysed: {e.Message}", e);
        }
    }

    private static string? OptionalString(JsonObject input, string key) => input[key] is null ? null : Json.RequireString(input, key);
}
