using System.CommandLine;
using System.Globalization;
using Trinn.Cli.Db;
using Trinn.Core.Data;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Cli.Check;

/// <summary>
/// <c>trinn fix measures-past-job-end</c>: ends the support measures that still run past the last day of their ended job
/// (stored before ending a job ended its measures), by the same rule as ending a job today, each change audited. Prints
/// the ids of the measures changed. <c>trinn fix followups-without-job</c>: ties the open follow-ups added by hand before
/// they were tied to the running job to the paid job running on their planned date, closing those whose job has ended;
/// prints the ids changed and the ids left for a person (no job, or several, that day). Exit code 0 when done (also when
/// there was nothing to change), 2 on bad usage.
/// </summary>
internal static class FixCommand
{
    public static Command Create()
    {
        var fix = new Command("fix", "Bring stored data in line with a rule that can be applied without a person's judgement (audited)");
        fix.Subcommands.Add(Subcommand("measures-past-job-end", "End support measures that run past their ended job's last day",
            async (db, output, ct) =>
            {
                var changed = await SupportMeasureCheck.EndWithEndedJobsAsync(db, ct);
                await output.WriteLineAsync(changed.Count == 0
                    ? "no support measures run past their ended job; nothing was changed"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{changed.Count} support measure(s) now end with their job (audited): {string.Join(", ", changed)}"));
            }));
        fix.Subcommands.Add(Subcommand("followups-without-job",
            "Tie follow-ups added by hand without a job to the paid job running on their date; close those whose job ended",
            async (db, output, ct) =>
            {
                var result = await FollowUpCheck.TieByHandToJobsAsync(db, ct);
                await output.WriteLineAsync(result.Tied.Count == 0
                    ? "no follow-up added by hand could be tied to a job; nothing was changed"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{result.Tied.Count} follow-up(s) now belong to their job (audited): {string.Join(", ", result.Tied)}"));
                if (result.Closed.Count > 0)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{result.Closed.Count} of them closed as their job has ended: {string.Join(", ", result.Closed)}"));
                }

                if (result.Left.Count > 0)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{result.Left.Count} follow-up(s) left for a person (no paid job, or more than one, on the planned date): {string.Join(", ", result.Left)}"));
                }
            }));
        return fix;
    }

    /// <summary>A fix on the database named by the usual options: 0 when done, 2 (with the reason) on bad usage.</summary>
    private static Command Subcommand(string name, string description, Func<TrinnDbContext, TextWriter, CancellationToken, Task> run)
    {
        var command = new Command(name, description) { DbCommand.ProviderOption, DbCommand.ConnectionOption };
        command.SetAction(async (r, ct) =>
        {
            try
            {
                var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
                await using var db = CliDatabase.Open(options);
                await run(db, r.InvocationConfiguration.Output, ct);
                return 0;
            }
            catch (CliException ex)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync("trinn fix: " + ex.Message);
                return 2;
            }
        });
        return command;
    }
}
