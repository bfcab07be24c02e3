using System.CommandLine;
using System.Globalization;
using Trinn.Cli.Db;
using Trinn.Core.Placements;

namespace Trinn.Cli.Check;

/// <summary>
/// <c>trinn check measures</c>: lists stored support measures the rules do not allow on their placement (a wage subsidy
/// on unpaid work, a mentor or inclusion grant on a jobbsmak). Reports ids and kinds only and changes nothing. Exit code
/// 0 when there are none, 1 when some were found, 2 on bad usage.
/// </summary>
internal static class CheckCommand
{
    public static readonly Option<int?> TeamOption = new("--team") { Description = "Only this team's placements" };

    public static Command Create()
    {
        var check = new Command("check", "Find stored data that breaks today's rules, without changing it");
        var measures = new Command("measures", "Support measures on placements that may not carry them")
        {
            TeamOption, DbCommand.ProviderOption, DbCommand.ConnectionOption,
        };
        measures.SetAction(async (r, ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            try
            {
                var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
                await using var db = CliDatabase.Open(options);
                var rows = await SupportMeasureCheck.FindInvalidAsync(db, r.GetValue(TeamOption), ct);
                await output.WriteLineAsync(rows.Count == 0
                    ? "no support measures break the rules; nothing was changed"
                    : $"{rows.Count.ToString(CultureInfo.InvariantCulture)} support measure(s) break the rules (reported only, nothing was changed):");
                foreach (var m in rows)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"measure {m.MeasureId} {m.MeasureKind} on placement {m.PlacementId} {m.PlacementKind} (candidate {m.CandidateId}, team {m.TeamId}, from {m.FromDate:yyyy-MM-dd})"));
                }

                return rows.Count == 0 ? 0 : 1;
            }
            catch (CliException ex)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync("trinn check: " + ex.Message);
                return 2;
            }
        });
        check.Subcommands.Add(measures);
        return check;
    }
}
