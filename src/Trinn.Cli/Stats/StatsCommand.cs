using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trinn.Statistics.Contract;

namespace Trinn.Cli.Stats;

/// <summary>
/// <c>trinn stats</c>: <c>run REQUEST.json</c> (the machine contract) and friendly commands that build the
/// same request from options. Results go to stdout as one JSON object; errors go to stderr with exit code 2.
/// </summary>
internal static class StatsCommand
{
    public const int BadInput = 2;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var stats = new Command("stats", "Statistics on CSV files (SPSS/R/G*Power-compatible results as JSON)");
        stats.Subcommands.Add(RunCommand());

        stats.Subcommands.Add(Friendly("rm-anova", "One-way repeated-measures ANOVA (listwise)", "rm_anova_oneway_within", [InputOption(), Opt("--levels", "level columns in order, comma separated"), Opt("--subject", "subject id column (optional)")], r =>
            Input(("levels", List(r, "--levels")), ("subject_column", Maybe(r, "--subject")))));
        stats.Subcommands.Add(Friendly("rm-anova-mixed", "Mixed repeated-measures ANOVA: one within × one between factor (SPSS GLM, Type III; listwise)", "rm_anova_mixed", [InputOption(), Opt("--levels", "level columns in order, comma separated"), Opt("--group", "between-subjects group column (integer codes)"), Opt("--subject", "subject id column (optional)")], r =>
            Input(("levels", List(r, "--levels")), ("between_column", Need(r, "--group")), ("subject_column", Maybe(r, "--subject")))));
        stats.Subcommands.Add(Friendly("mixed-model", "Linear mixed model with a random intercept per subject on long data (one row per subject and wave; REML or ML)", "linear_mixed_model", [InputOption(), Opt("--subject", "subject id column"), Opt("--time", "wave column (categorical codes such as 0,3,12,18)"), Opt("--outcome", "outcome column"), Opt("--group", "group column (optional; adds group and time × group)"), Opt("--method", "REML (default) or ML")], r =>
            Input(("subject_column", Need(r, "--subject")), ("time_column", Need(r, "--time")), ("outcome_column", Need(r, "--outcome")), ("group_column", Maybe(r, "--group")), ("method", Maybe(r, "--method") ?? "REML"))));
        stats.Subcommands.Add(Friendly("ttest-ind", "Independent-samples t test (Student and Welch, Levene)", "t_test_independent", [InputOption(), Opt("--group", "group column"), Opt("--value", "value column"), Opt("--group1", "code of group 1 (default: smallest)"), Opt("--group2", "code of group 2 (default: second smallest)")], r =>
            Input(("group_column", Need(r, "--group")), ("value_column", Need(r, "--value")), ("group1", Maybe(r, "--group1")), ("group2", Maybe(r, "--group2")))));
        stats.Subcommands.Add(Friendly("ttest-paired", "Paired-samples t test (difference = var1 − var2)", "t_test_paired", [InputOption(), Opt("--var1", "first variable"), Opt("--var2", "second variable")], r =>
            Input(("variable1", Need(r, "--var1")), ("variable2", Need(r, "--var2")))));
        stats.Subcommands.Add(Friendly("anova", "One-way between-subjects ANOVA", "oneway_anova", [InputOption(), Opt("--group", "group column"), Opt("--value", "value column")], r =>
            Input(("group_column", Need(r, "--group")), ("value_column", Need(r, "--value")))));
        stats.Subcommands.Add(Friendly("descriptives", "Descriptive statistics", "descriptives", [InputOption(), Opt("--vars", "columns, comma separated")], r =>
            Input(("variables", List(r, "--vars")))));
        stats.Subcommands.Add(Friendly("frequencies", "Frequency table", "frequencies", [InputOption(), Opt("--var", "column")], r =>
            Input(("variable", Need(r, "--var")))));
        stats.Subcommands.Add(Friendly("crosstabs", "Crosstabulation with chi-square and Fisher's exact test", "crosstabs", [InputOption(), Opt("--rows", "row variable"), Opt("--cols", "column variable")], r =>
            Input(("row_variable", Need(r, "--rows")), ("column_variable", Need(r, "--cols")))));
        stats.Subcommands.Add(Friendly("cronbach", "Cronbach's alpha with item statistics", "cronbach_alpha", [InputOption(), Opt("--items", "item columns, comma separated")], r =>
            Input(("items", List(r, "--items")))));
        stats.Subcommands.Add(PowerCommand());
        stats.Subcommands.Add(PowerTCommand());
        return stats;
    }

    /// <summary>Runs a <c>stats</c> command line with the given writers; returns the exit code.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("trinn");
        root.Subcommands.Add(Create());
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command RunCommand()
    {
        var request = new Argument<string>("request") { Description = "Request JSON file (see shared/STATS-CONTRACT.md)" };
        var run = new Command("run", "Run one request of the statistics contract and print the result as JSON") { request };
        run.SetAction(r => Guard(r, () =>
        {
            string path = r.GetValue(request) ?? throw new StatsRequestException("Give the request file.");
            if (!File.Exists(path))
            {
                throw new StatsRequestException($"Request file not found: {path}");
            }

            JsonObject req;
            try
            {
                req = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new StatsRequestException($"{path}: the request is not a JSON object.");
            }
            catch (JsonException e)
            {
                throw new StatsRequestException($"{path}: not valid JSON ({e.Message}).", e);
            }

            string analysis = req["analysis"] is JsonValue a && a.TryGetValue(out string? s) ? s : "";
            IColumnSource? data = null;
            if (StatsRequest.NeedsData(analysis) && StatsRequest.Analyses.Contains(analysis))
            {
                string dataPath = req["data"] is JsonValue d && d.TryGetValue(out string? ds) ? ds
                    : throw new StatsRequestException("The request needs a text field 'data' with the CSV path.");
                data = CsvFile.For(analysis, ResolveData(dataPath, path));
            }

            return StatsRequest.Run(req, data);
        }));
        return run;
    }

    private static string ResolveData(string dataPath, string requestPath)
    {
        if (Path.IsPathRooted(dataPath) || File.Exists(dataPath))
        {
            return dataPath;
        }

        // Relative paths: the working directory first, then the request file's directory.
        string beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(requestPath)) ?? ".", dataPath);
        return File.Exists(beside) ? beside : dataPath;
    }

    private static Command PowerCommand()
    {
        var cmd = new Command("power-rm", "G*Power 3.1 'ANOVA: Repeated measures, within factors': required N (with --power) or achieved power (with --n)");
        string[] names = ["--f", "--alpha", "--power", "--measurements", "--corr", "--epsilon", "--groups", "--n"];
        var options = names.Select(n => Opt(n, n switch
        {
            "--f" => "effect size f",
            "--alpha" => "significance level",
            "--power" => "target power (a priori)",
            "--measurements" => "number of measurements m",
            "--corr" => "correlation among repeated measures",
            "--epsilon" => "nonsphericity correction (default 1)",
            "--groups" => "number of groups (default 1)",
            _ => "total N (post hoc)",
        })).ToList();
        foreach (Option<string> o in options)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => Guard(r, () =>
        {
            JsonNode? Number(string name, bool required) => StatsCommand.Number(r, name, required);

            bool aPriori = Maybe(r, "--n") is null;
            JsonObject input = Input(
                ("effect_size_f", Number("--f", true)),
                ("alpha", Number("--alpha", true)),
                ("measurements", Number("--measurements", true)),
                ("corr_among_rep_measures", Number("--corr", true)),
                ("nonsphericity_epsilon", Number("--epsilon", false) ?? 1),
                ("groups", Number("--groups", false) ?? 1),
                ("power", aPriori ? Number("--power", true) : null),
                ("total_N", aPriori ? null : Number("--n", true)));
            var req = new JsonObject { ["analysis"] = "power_rm_within", ["mode"] = aPriori ? "a_priori" : "post_hoc", ["input"] = input };
            return StatsRequest.Run(req, null);
        }));
        return cmd;
    }

    private static Command PowerTCommand()
    {
        var cmd = new Command("power-t", "G*Power 3.1 two-sided t tests, paired (difference between two dependent means) or independent (equal groups): required N (with --power) or achieved power (with --n)");
        foreach (Option<string> o in new[]
        {
            Opt("--test", "paired or independent"),
            Opt("--d", "effect size: d_z for paired, Cohen's d for independent"),
            Opt("--alpha", "significance level"),
            Opt("--power", "target power (a priori)"),
            Opt("--n", "pairs (paired) or participants per group (independent), post hoc"),
        })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => Guard(r, () =>
        {
            string test = Need(r, "--test");
            if (test is not ("paired" or "independent"))
            {
                throw new StatsRequestException($"--test: '{test}' is not paired or independent.");
            }

            bool paired = test == "paired";
            bool aPriori = Maybe(r, "--n") is null;
            JsonObject input = Input(
                (paired ? "effect_size_dz" : "effect_size_d", Number(r, "--d", true)),
                ("alpha", Number(r, "--alpha", true)),
                ("power", aPriori ? Number(r, "--power", true) : null),
                (paired ? "pairs" : "n_per_group", aPriori ? null : Number(r, "--n", true)));
            var req = new JsonObject { ["analysis"] = paired ? "power_t_paired" : "power_t_independent", ["mode"] = aPriori ? "a_priori" : "post_hoc", ["input"] = input };
            return StatsRequest.Run(req, null);
        }));
        return cmd;
    }

    private static JsonValue? Number(System.CommandLine.ParseResult r, string name, bool required)
    {
        string? text = Maybe(r, name);
        if (text is null)
        {
            return required ? throw new StatsRequestException($"Give {name}.") : null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? JsonValue.Create(v)
            : throw new StatsRequestException($"{name}: '{text}' is not a number.");
    }

    private static Command Friendly(string name, string description, string analysis, Option<string>[] options, Func<System.CommandLine.ParseResult, JsonObject> input)
    {
        var cmd = new Command(name, description);
        foreach (Option<string> o in options)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r => Guard(r, () =>
        {
            IColumnSource data = CsvFile.For(analysis, Need(r, "--input"));
            JsonObject inputObject = input(r);
            if (analysis == "t_test_independent")
            {
                DefaultGroups(inputObject, data);
            }

            return StatsRequest.Run(new JsonObject { ["analysis"] = analysis, ["input"] = inputObject }, data);
        }));
        return cmd;
    }

    private static void DefaultGroups(JsonObject input, IColumnSource data)
    {
        if (input["group1"] is not null && input["group2"] is not null)
        {
            return;
        }

        decimal[] codes = [.. data.Column(input["group_column"]!.GetValue<string>()).Where(c => c.HasValue).Select(c => c!.Value).Distinct().Order()];
        if (codes.Length != 2)
        {
            throw new StatsRequestException($"The group column has {codes.Length} codes; give --group1 and --group2.");
        }

        input["group1"] ??= codes[0];
        input["group2"] ??= codes[1];
    }

    private static int Guard(System.CommandLine.ParseResult r, Func<JsonObject> body)
    {
        TextWriter output = r.InvocationConfiguration.Output;
        TextWriter error = r.InvocationConfiguration.Error;
        try
        {
            JsonObject result = body();
            output.WriteLine(result.ToJsonString(Indented));
            return 0;
        }
        catch (StatsRequestException e)
        {
            error.WriteLine($"trinn stats: {e.Message}");
            return BadInput;
        }
        catch (IOException e)
        {
            error.WriteLine($"trinn stats: {e.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"trinn stats: {e.Message}");
            return BadInput;
        }
    }

    private static Option<string> InputOption() => Opt("--input", "CSV file (header row, comma separated, empty = missing)");

    private static Option<string> Opt(string name, string description) => new(name) { Description = description };

    private static string? Maybe(System.CommandLine.ParseResult r, string name) =>
        r.GetResult(name) is System.CommandLine.Parsing.OptionResult o && o.Tokens.Count > 0 ? o.Tokens[0].Value : null;

    private static string Need(System.CommandLine.ParseResult r, string name) =>
        Maybe(r, name) ?? throw new StatsRequestException($"Give {name}.");

    private static JsonArray List(System.CommandLine.ParseResult r, string name) =>
        new([.. Need(r, name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode?)JsonValue.Create(s))]);

    private static JsonObject Input(params (string Key, JsonNode? Value)[] pairs)
    {
        var o = new JsonObject();
        foreach ((string key, JsonNode? value) in pairs)
        {
            if (value is not null)
            {
                o[key] = value;
            }
        }

        return o;
    }
}
