using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Trinn.Core.Data;
using Trinn.Core.Indicators;

namespace Trinn.Web.Tests.Indicators;

/// <summary>
/// How SQLite runs the dashboard's heaviest read on a national database: a team's year of time blocks summed per
/// specialist and day. Read from the index alone it took 4 ms on a national team; reading the scattered rows, 26 ms
/// (docs/benchmarks.md). The plan is asked of SQLite for the statement the loader sends, with its parameters.
/// </summary>
public sealed class DashboardQueryPlanTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    [Fact]
    public async Task TeamTimeSums_ReadTheCoveringIndexOnly()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var connection = await app.Data.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var sent = new CommandCapture();
        var builder = new DbContextOptionsBuilder<TrinnDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Sqlite, connection).AddInterceptors(sent);
        await using var db = new TrinnDbContext(builder.Options);
        var today = new DateOnly(2026, 6, 30);

        await IndicatorDataLoader.LoadStaffAsync(db, staff.Team.Id, DatePeriod.Rolling12Months(today), today);

        var sums = Assert.Single(sent.Commands, c => c.Sql.Contains("FROM \"TimeBlock\"", StringComparison.Ordinal));
        var plan = await PlanAsync(db, sums);
        Assert.Contains("USING COVERING INDEX IX_TimeBlock_UserId_Date_Category_OutOfOffice_Minutes", plan, StringComparison.Ordinal);
    }

    private static async Task<string> PlanAsync(TrinnDbContext db, (string Sql, List<(string Name, object? Value)> Parameters) statement)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
