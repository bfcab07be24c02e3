using System.Security.Claims;
using Microsoft.Extensions.Options;
using Trinn.Core.Fidelity;
using Trinn.Core.Indicators;
using Trinn.Web.Features.Overview;

namespace Trinn.Web.Features.Fidelity;

/// <summary>A fidelity item scored from recorded data as a viewer may see it (small counts hidden for leder and forsker).</summary>
public sealed record FidelityDataCell(FidelityDataItem Item, ShownMeasure Shown)
{
    public int? Score => Shown.ValueHidden ? null : Item.Score;

    /// <summary>Whether the self-reported team mean and this score differ by an answer band or more.</summary>
    public bool DiffersFrom(decimal? selfReportMean) => FidelityFromData.Differs(selfReportMean, Score);
}

/// <summary>
/// The "Fra registrerte data" column: the data-answered items scored over a round's window (the months before it
/// closes, or before today while it is open). One load per team covers all that team's windows.
/// </summary>
public sealed class FidelityDataQuery(TrinnDbContext db, IOptions<IndicatorOptions> options, TimeProvider time)
{
    public DateOnly Today => NorwegianTime.Today(time);

    public DatePeriod WindowOf(FidelityRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return WindowEnding(round.ClosesOn < Today ? round.ClosesOn : Today);
    }

    /// <summary>The <see cref="IndicatorOptions.FidelityWindowMonths"/> months up to and including a day.</summary>
    public DatePeriod WindowEnding(DateOnly end) => new(end.AddMonths(-options.Value.FidelityWindowMonths).AddDays(1), end);

    /// <summary>Scores each (team, window) asked for; the key is the caller's.</summary>
    public async Task<Dictionary<TKey, IReadOnlyDictionary<int, FidelityDataCell>>> ScoreAsync<TKey>(
        IEnumerable<(TKey Key, int TeamId, DatePeriod Window)> requests, ClaimsPrincipal user, CancellationToken ct = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(user);
        var suppress = DashboardQuery.ScopeOf(user) == DashboardScope.Aggregate;
        var result = new Dictionary<TKey, IReadOnlyDictionary<int, FidelityDataCell>>();
        foreach (var team in requests.GroupBy(r => r.TeamId))
        {
            var union = new DatePeriod(team.Min(r => r.Window.From), team.Max(r => r.Window.To));
            var data = await IndicatorDataLoader.LoadAsync(db, team.Key, union, Today, ct: ct);
            foreach (var (key, _, window) in team)
            {
                result[key] = FidelityFromData.Compute(data, window, options.Value)
                    .ToDictionary(i => i.Item, i => new FidelityDataCell(i, Shown(i, suppress)));
            }
        }

        return result;
    }

    private static ShownMeasure Shown(FidelityDataItem item, bool suppress) =>
        suppress ? IndicatorSuppression.Apply(Dashboard.FidelityItemDefinition(item.Item), item.Measure) : ShownMeasure.Plain(item.Measure);
}
