using System.CommandLine;
using Trinn.Core.Instruments.Fidelity;

namespace Trinn.Cli.Fidelity;

/// <summary>
/// <c>trinn fidelity score --responses FILE.csv [--mode ips_faithful|seed_replication] [--aggregate mean|median|consensus]
/// [--item19-form repaired|legacy]</c>: scores fidelity rounds from a responses file (see <see cref="FidelityResponsesCsv"/>)
/// and prints the results as JSON (see <see cref="FidelityResultJson"/>). Exit codes: 0 done, 2 bad file or data
/// (message on stderr naming row and column), 1 bad command line.
/// </summary>
internal static class FidelityCommand
{
    public const int DataError = 2;

    public static Command Create()
    {
        var responses = new Option<string>("--responses")
        {
            Description = "CSV med én rad per respondent og runde: team, round, respondent, item1 … item19",
            Required = true,
        };
        var mode = new Option<string>("--mode")
        {
            Description = "Skåringsmodus (standard ips_faithful)",
            DefaultValueFactory = _ => FidelityScoringModes.IpsFaithful,
        };
        mode.AcceptOnlyFromAmong(FidelityScoringModes.IpsFaithful, FidelityScoringModes.SeedReplication);
        var aggregate = new Option<string>("--aggregate")
        {
            Description = "Teamverdi for flervalgsspørsmål i seed_replication (standard mean)",
            DefaultValueFactory = _ => "mean",
        };
        aggregate.AcceptOnlyFromAmong("mean", "median", "consensus");
        var item19Form = new Option<string>("--item19-form")
        {
            Description = "Skjemaversjon for spørsmål 19: repaired (familie-kontakt i boks 5) eller legacy (rapportens doble boks)",
            DefaultValueFactory = _ => "repaired",
        };
        item19Form.AcceptOnlyFromAmong("repaired", "legacy");

        var score = new Command("score", "Skår fidelity-runder fra en CSV-fil og skriv resultatet som JSON");
        score.Options.Add(responses);
        score.Options.Add(mode);
        score.Options.Add(aggregate);
        score.Options.Add(item19Form);
        score.SetAction(parse =>
        {
            if (!FidelityScoringModes.TryParse(parse.GetValue(mode), out var scoringMode))
            {
                // AcceptOnlyFromAmong has already rejected anything else.
                throw new InvalidOperationException("Unknown mode.");
            }

            var options = new FidelityOptions
            {
                Mode = scoringMode,
                MultiSelectAggregate = Enum.Parse<MultiSelectAggregate>(parse.GetValue(aggregate)!, ignoreCase: true),
                Item19Form = Enum.Parse<Item19Form>(parse.GetValue(item19Form)!, ignoreCase: true),
            };
            return Score(parse.GetValue(responses)!, options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });

        var fidelity = new Command("fidelity", "Fidelity-målinger (Supported Employment Fidelity Scale)");
        fidelity.Subcommands.Add(score);
        return fidelity;
    }

    internal static int Score(string path, FidelityOptions options, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"Finner ikke filen «{path}».");
            return DataError;
        }

        IReadOnlyList<FidelityResponse> responses;
        try
        {
            using var reader = new StreamReader(path);
            responses = FidelityResponsesCsv.Read(reader);
        }
        catch (FidelityCsvException ex)
        {
            error.WriteLine($"{path}: {ex.Message}");
            return DataError;
        }

        output.WriteLine(FidelityResultJson.Write(FidelityScoring.ScoreRounds(responses, options)));
        return 0;
    }
}
