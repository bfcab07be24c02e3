using System.CommandLine;
using System.Globalization;
using Trinn.Cli.Db;
using Trinn.Core.Demo;

namespace Trinn.Cli.Seed;

/// <summary>
/// <c>trinn seed --scale national|region|team [--seed N] [--today yyyy-MM-dd]</c>: fills an empty database with
/// generated data (see <see cref="SeedScale"/>) for benchmarks and trials. The demo users are included with the demo
/// password (or <c>TRINN_DEMO_PASSWORD</c>), so one can sign in. Exit 0 done, 1 failed, 2 bad usage or a database
/// that is not empty.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var scale = new Option<string>("--scale") { Description = "national, region or team", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed (default 1): the same seed and day give the same data", DefaultValueFactory = _ => 1 };
        var today = new Option<string?>("--today") { Description = "The day the data ends (yyyy-MM-dd, default today in UTC)" };
        var command = new Command("seed", "Fill an empty database with generated data of national, regional or team scale")
        {
            scale, seed, today, DbCommand.ProviderOption, DbCommand.ConnectionOption,
        };
        command.SetAction(async (r, ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            try
            {
                var chosen = SeedScale.Find(r.GetValue(scale)!)
                    ?? throw new CliException($"unknown scale '{r.GetValue(scale)}': use {string.Join(", ", SeedScale.All.Select(s => s.Name))}");
                var day = r.GetValue(today) is { } text
                    ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? d
                        : throw new CliException($"--today '{text}' is not a date (yyyy-MM-dd)")
                    : DateOnly.FromDateTime(DateTime.UtcNow);
                var password = Environment.GetEnvironmentVariable("TRINN_DEMO_PASSWORD") is { Length: > 0 } p ? p : DemoSeeder.DefaultPassword;
                var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
                await using var db = CliDatabase.Open(options);
                var context = new SeedContext(chosen, r.GetValue(seed), day, password, output);
                await Seeder.RunAsync(db, context, ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"ok: scale {chosen.Name}, seed {context.Seed}, {context.Elapsed.TotalSeconds:0.0} s; sign in as {DemoSeeder.Logins[0].UserName} (demo password)"));
                return 0;
            }
            catch (Exception ex) when (ex is CliException or SeedException)
            {
                await error.WriteLineAsync("trinn seed: " + ex.Message);
                return 2;
            }
            catch (System.Data.Common.DbException ex)
            {
                await error.WriteLineAsync("trinn seed: the database refused the data, nothing was kept: " + ex.Message);
                return 1;
            }
        });
        return command;
    }
}
