using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Indicators;
using Trinn.Web.Features.Overview;
using Trinn.Web.Infrastructure;

namespace Trinn.Benchmarks;

/// <summary>
/// One team's 12-month dashboard (Oversikt) on a national-sized SQLite database, the sizes of the national preset of
/// issue #16: 60 teams, 550 job specialists, 10,000 active and 60,000 discharged candidates over five years, 12,000
/// employers, 300,000 employer contacts, 500,000 journal notes, 80,000 placements with support measures and their
/// follow-up plans, 1,000,000 time blocks (see <see cref="NationalData"/>). What is measured is the page's own query
/// object, <see cref="DashboardQuery"/>: the indexed loads, the team's indicators and fidelity items, each
/// specialist's for the metodeveileder, and the candidates-per-stage table — everything but HTML rendering.
/// Target: under 250 ms.
/// Run: <c>dotnet run -c Release --project bench/Trinn.Benchmarks -- --filter *Dashboard* --job short --inProcess</c>
/// (in process: building a separate benchmark project with the web app in it takes longer than BenchmarkDotNet's
/// two-minute build limit on a busy 2-core machine). The database is built once (two minutes, plain prepared inserts,
/// no audit trail) as <c>trinn-bench-national-v2.db</c> in the system temp folder (or <c>TRINN_BENCH_DB</c>), reused by
/// later runs, and left there: delete it when done.
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private const int Team = 7;
    private static readonly DateOnly Today = NationalData.Today;
    private static readonly IndicatorOptions Options = new();
    private string _connection = "";
    private ClaimsPrincipal _supervisor = new();
    private ClaimsPrincipal _leader = new();
    private IndicatorData _loaded = IndicatorData.Empty(Today);

    [GlobalSetup]
    public void Setup()
    {
        _connection = "Data Source=" + NationalData.EnsureBuilt();
        _supervisor = User("mv7", Roles.Metodeveileder, Team);
        _leader = User("leder", Roles.Leder, null);
        using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, _connection);
        _loaded = IndicatorDataLoader.LoadAsync(db, Team, DatePeriod.Rolling12Months(Today), Today).GetAwaiter().GetResult();
        if (_loaded.Specialists.Count < 5 || _loaded.Candidates.Count < 500 || _loaded.Time.Count < 1000)
        {
            throw new InvalidOperationException("The national database is smaller than expected; delete it and run again.");
        }
    }

    /// <summary>The metodeveileder's Oversikt: the team's figures and each specialist's, plus the stage table.</summary>
    [Benchmark]
    public Task<int> SupervisorDashboard12Months() => DashboardAsync(_supervisor);

    /// <summary>The leder's Oversikt: team figures only (small cells suppressed), the stage table over all 60 teams.</summary>
    [Benchmark]
    public Task<int> LeaderDashboard12Months() => DashboardAsync(_leader);

    /// <summary>The loader's queries alone.</summary>
    [Benchmark]
    public async Task<int> Load12Months()
    {
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, _connection);
        var data = await IndicatorDataLoader.LoadAsync(db, Team, DatePeriod.Rolling12Months(Today), Today);
        return data.Candidates.Count;
    }

    /// <summary>The team's figures and fidelity items on rows already loaded: the pure Core functions.</summary>
    [Benchmark]
    public int ComputeTeam() =>
        TeamIndicators.Compute(_loaded, DatePeriod.Rolling12Months(Today), Options).Values.Count
        + FidelityFromData.Compute(_loaded, DatePeriod.Rolling12Months(Today), Options).Count;

    private async Task<int> DashboardAsync(ClaimsPrincipal user)
    {
        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, _connection);
        var query = new DashboardQuery(db, Microsoft.Extensions.Options.Options.Create(Options), new FixedClock());
        // As the page asks: each specialist's values without their monthly trend (the export and the API add it).
        var dashboard = await query.LoadAsync(user, Team, DatePeriod.Rolling12Months(Today), specialistTrends: false)
            ?? throw new InvalidOperationException("No dashboard.");
        var (teams, _, _) = await query.StagesAsync(user);
        return dashboard.Report.Values.Count + dashboard.Specialists.Count + teams.Count;
    }

    private static ClaimsPrincipal User(string id, string role, int? team)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Role, role), new(TrinnClaims.DisplayName, id) };
        if (team is { } t)
        {
            claims.Add(new Claim(TrinnClaims.TeamId, t.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "bench"));
    }

    /// <summary>Noon in Oslo on <see cref="NationalData.Today"/>.</summary>
    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(Today.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
    }
}
