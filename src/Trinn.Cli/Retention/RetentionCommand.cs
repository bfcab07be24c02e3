using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Trinn.Cli.Db;
using Trinn.Core.Privacy;

namespace Trinn.Cli.Retention;

/// <summary>
/// <c>trinn retention apply [--dry-run]</c>: anonymises candidates discharged longer ago than
/// <c>Retention:MonthsAfterDischarge</c>. Prints candidate ids and row counts per table, never a name.
/// </summary>
internal static class RetentionCommand
{
    public static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "List what would change and change nothing" };
    public static readonly Option<int?> MonthsOption = new("--months") { Description = "Override Retention:MonthsAfterDischarge for this run" };

    public static Command Create(TimeProvider? time = null)
    {
        var retention = new Command("retention", "Remove personal data after the retention period");
        var apply = new Command("apply", "Anonymise candidates discharged longer ago than the retention period")
        {
            DryRunOption, MonthsOption, DbCommand.ProviderOption, DbCommand.ConnectionOption,
        };
        apply.SetAction(async (r, ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            try
            {
                var settings = new RetentionOptions();
                CliDatabase.Configuration().GetSection(RetentionOptions.SectionName).Bind(settings);
                settings.MonthsAfterDischarge = r.GetValue(MonthsOption) ?? settings.MonthsAfterDischarge;
                if (settings.MonthsAfterDischarge is < 1 or > 1200)
                {
                    throw new CliException("Retention:MonthsAfterDischarge must be between 1 and 1200.");
                }

                var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
                await using var db = CliDatabase.Open(options);
                var dryRun = r.GetValue(DryRunOption);
                var clock = time ?? TimeProvider.System;
                var plan = dryRun
                    ? await Trinn.Core.Privacy.Retention.PlanAsync(db, settings, clock, ct)
                    : await Trinn.Core.Privacy.Retention.ApplyAsync(db, settings, clock, ct);
                var before = plan.DischargedBefore.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await output.WriteLineAsync(dryRun
                    ? $"dry run: {plan.Candidates.Count} candidate(s) discharged before {before} would be anonymised ({settings.MonthsAfterDischarge} months); nothing was changed"
                    : $"anonymised {plan.Candidates.Count} candidate(s) discharged before {before} ({settings.MonthsAfterDischarge} months)");
                foreach (var c in plan.Candidates)
                {
                    var rows = string.Join(", ", c.Rows.Where(x => x.Value > 0).Select(x => $"{x.Key} {x.Value.ToString(CultureInfo.InvariantCulture)}"));
                    await output.WriteLineAsync($"candidate {c.CandidateId.ToString(CultureInfo.InvariantCulture)} (discharged {c.DischargedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): {rows}");
                }

                return 0;
            }
            catch (CliException ex)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync("trinn retention: " + ex.Message);
                return 2;
            }
        });
        retention.Subcommands.Add(apply);
        return retention;
    }
}
