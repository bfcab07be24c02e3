using System.CommandLine;
using System.Globalization;
using Trinn.Cli.Db;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.RedCap;

namespace Trinn.Cli.Instruments;

/// <summary>
/// <c>trinn instrument import FILE [--dry-run]</c> reads a REDCap data dictionary, prints what could not be carried
/// over, and publishes it as a new version; <c>trinn instrument export NAME [--version N] [--output FILE]</c> writes a
/// stored version as a REDCap data dictionary. Exit codes: 0 done, 1 the file could not be imported, 2 wrong usage.
/// </summary>
internal static class InstrumentCommand
{
    public static readonly Argument<FileInfo> FileArgument = new("FILE") { Description = "REDCap data dictionary (CSV)" };
    public static readonly Argument<string> NameArgument = new("NAME") { Description = "Instrument key, e.g. jobbmestring" };
    public static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "Show the result and the notes; publish nothing" };
    public static readonly Option<int?> VersionOption = new("--version") { Description = "Version to export (default: the latest)" };
    public static readonly Option<FileInfo?> OutputOption = new("--output") { Description = "Write to this file instead of standard output" };

    public static Command Create(TimeProvider? time = null)
    {
        var instrument = new Command("instrument", "Import and export questionnaires as REDCap data dictionaries");
        var import = new Command("import", "Import a REDCap data dictionary and publish it as a new version")
        {
            FileArgument, DryRunOption, DbCommand.ProviderOption, DbCommand.ConnectionOption,
        };
        import.SetAction(async (r, ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var file = r.GetValue(FileArgument)!;
            if (!file.Exists)
            {
                await error.WriteLineAsync($"trinn instrument import: {file.FullName} finnes ikke.");
                return 2;
            }

            RedCapImport result;
            try
            {
                result = RedCapDataDictionaryCsv.ImportWithReport(await File.ReadAllTextAsync(file.FullName, ct));
            }
            catch (RedCapImportException ex)
            {
                await error.WriteLineAsync("trinn instrument import: " + ex.Message);
                return 1;
            }

            var definition = result.Definition;
            await output.WriteLineAsync($"{definition.Key}: «{definition.Title}», {definition.Items.Count.ToString(CultureInfo.InvariantCulture)} felt");
            foreach (var note in result.Notes)
            {
                await output.WriteLineAsync("  merk: " + note);
            }

            var problems = Trinn.Core.Instruments.Definitions.DefinitionCheck.Problems(definition);
            if (problems.Count > 0)
            {
                await error.WriteLineAsync("trinn instrument import: kan ikke publiseres: " + string.Join("; ", problems));
                return 1;
            }

            if (r.GetValue(DryRunOption))
            {
                await output.WriteLineAsync("dry run: ingenting publisert");
                return 0;
            }

            var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
            await using var db = CliDatabase.Open(options);
            var stored = await InstrumentStore.PublishAsync(db, definition, (time ?? TimeProvider.System).GetUtcNow().UtcDateTime, ct);
            await output.WriteLineAsync($"publisert som {stored.Key} versjon {stored.Version.ToString(CultureInfo.InvariantCulture)}");
            return 0;
        });

        var export = new Command("export", "Write a stored instrument version as a REDCap data dictionary")
        {
            NameArgument, VersionOption, OutputOption, DbCommand.ProviderOption, DbCommand.ConnectionOption,
        };
        export.SetAction(async (r, ct) =>
        {
            var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
            await using var db = CliDatabase.Open(options);
            var name = r.GetValue(NameArgument)!;
            var version = r.GetValue(VersionOption) ?? (await InstrumentStore.LatestAsync(db, name, ct))?.Version;
            var definition = version is { } v ? await InstrumentStore.FindAsync(db, name, v, ct) : null;
            if (definition is null)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"trinn instrument export: fant ikke «{name}»{(version is null ? "" : " versjon " + version.Value.ToString(CultureInfo.InvariantCulture))}.");
                return 1;
            }

            var csv = RedCapDataDictionaryCsv.Export(definition);
            if (r.GetValue(OutputOption) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, csv, ct);
                await r.InvocationConfiguration.Output.WriteLineAsync($"skrev {definition.Key} versjon {definition.Version.ToString(CultureInfo.InvariantCulture)} til {file.FullName}");
            }
            else
            {
                await r.InvocationConfiguration.Output.WriteAsync(csv);
            }

            return 0;
        });
        instrument.Subcommands.Add(import);
        instrument.Subcommands.Add(export);
        return instrument;
    }
}
