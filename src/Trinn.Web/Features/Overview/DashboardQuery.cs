using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;
using Trinn.Core.Indicators;
using Trinn.Core.Teams;

namespace Trinn.Web.Features.Overview;

/// <summary>Who looks: a job specialist (own figures beside the team's), the metodeveileder (each specialist's), or leder/forsker (team only, small cells suppressed).</summary>
public enum DashboardScope
{
    Specialist = 1,
    Supervisor = 2,
    Aggregate = 3,
}

public sealed record TeamChoice(int Id, string Name, DateOnly? StartedOn);

public sealed record SpecialistReport(string UserId, string Name, IndicatorReport Report, IReadOnlyList<FidelityDataItem> Fidelity);

/// <summary>
/// One team's dashboard for one viewer: the team's indicators and data-scored fidelity items, and the viewer's own or
/// each specialist's; for one programme's candidates when <see cref="Programme"/> is set.
/// </summary>
public sealed record Dashboard(
    TeamChoice Team,
    DatePeriod Period,
    DashboardScope Scope,
    IndicatorReport Report,
    IReadOnlyList<FidelityDataItem> Fidelity,
    SpecialistReport? Own,
    IReadOnlyList<SpecialistReport> Specialists,
    decimal WeeklyHours,
    Programme? Programme = null)
{
    public bool Suppressed => Scope == DashboardScope.Aggregate;

    /// <summary>Team members may open the list behind a number (it names candidates); leder and forsker may not.</summary>
    public bool ShowsLists => Scope != DashboardScope.Aggregate;

    public ShownMeasure Show(IndicatorDefinition definition, Measure? measure) =>
        Suppressed ? IndicatorSuppression.Apply(definition, measure) : measure is null ? ShownMeasure.None : ShownMeasure.Plain(measure);

    /// <summary>The spread under a median of days, with the same marks as its measure (none when the median is hidden).</summary>
    public ShownSpread? ShowSpread(IndicatorDefinition definition, Measure? measure, Spread? spread) =>
        Suppressed ? IndicatorSuppression.ApplySpread(spread, Show(definition, measure))
            : spread is null ? null : new ShownSpread(spread, null, null);

    /// <summary>The fidelity items that count candidates hide with small counts for leder and forsker, as the indicators do.</summary>
    public ShownMeasure ShowFidelity(FidelityDataItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Show(FidelityItemDefinition(item.Item), item.Measure);
    }

    /// <summary>The indicator whose suppression rule a data-scored fidelity item follows: people per FTE, staff time, or a share of people.</summary>
    public static IndicatorDefinition FidelityItemDefinition(int item) => item switch
    {
        1 => IndicatorKeys.Get(IndicatorKeys.Caseload),
        2 or 11 or 18 => IndicatorKeys.Get(IndicatorKeys.OutOfOffice),
        _ => IndicatorKeys.Get(IndicatorKeys.WorkWithinYear),
    };
}

/// <summary>Loads dashboards with the role rules of issue #11; the team check is in the team query.</summary>
/// <remarks>
/// With a <see cref="DashboardCache"/> (the app registers one), a dashboard whose data did not change since it was last
/// loaded is not loaded and computed again; without one (the benchmarks), every call loads. With a context factory (the
/// app's pool), a load reads over two connections at once (<see cref="IndicatorDataLoader.LoadAsync"/>).
/// </remarks>
public sealed class DashboardQuery(
    TrinnDbContext db, IOptions<IndicatorOptions> options, TimeProvider time, DashboardCache? cache = null, IDbContextFactory<TrinnDbContext>? contexts = null)
{
    public IndicatorOptions Options => options.Value;

    public DateOnly Today => NorwegianTime.Today(time);

    public static DashboardScope ScopeOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsTeamMember()
            ? user.IsInRole(Roles.Metodeveileder) ? DashboardScope.Supervisor : DashboardScope.Specialist
            : DashboardScope.Aggregate;
    }

    /// <summary>Team members see their own team; leder and forsker every team; others none.</summary>
    public async Task<List<TeamChoice>> VisibleTeamsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var teams = db.Teams.AsNoTracking();
        if (user.IsTeamMember())
        {
            var own = user.TeamId();
            teams = teams.Where(t => t.Id == own);
        }
        else if (!user.IsInRole(Roles.Leder) && !user.IsInRole(Roles.Forsker))
        {
            teams = teams.Where(_ => false);
        }

        return await teams.OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name, t.StartedOn)).ToListAsync(ct);
    }

    /// <summary>
    /// The dashboard of a team the user may see (the first when <paramref name="teamId"/> is null); null when there is
    /// none, with an audited AccessDenied when a team was asked for. With a <paramref name="programme"/>, the figures
    /// about candidates count that programme's candidates only; working time and employer contacts stay the team's.
    /// Without <paramref name="specialistTrends"/>, each specialist's report holds the period's values and no monthly
    /// trend (what the page shows; the export and the API ask for the trend).
    /// </summary>
    public async Task<Dashboard?> LoadAsync(
        ClaimsPrincipal user, int? teamId, DatePeriod period, Programme? programme = null, bool specialistTrends = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var teams = await VisibleTeamsAsync(user, ct);
        var team = teamId is null ? teams.FirstOrDefault() : teams.FirstOrDefault(t => t.Id == teamId);
        if (team is null)
        {
            if (teamId is { } asked)
            {
                // Another team's id (or none that exists): 404 to the caller, and on the audit trail as for candidates.
                await db.AuditAsync([new AuditEvent(AuditAction.AccessDenied, nameof(Team), asked.ToString(CultureInfo.InvariantCulture), null, null)], ct);
            }

            return null;
        }

        var o = options.Value;
        var figures = cache is null
            ? await FiguresAsync(team.Id, period, programme, ct)
            : await cache.GetAsync(db, new DashboardKey(team.Id, period, programme, Today), c => FiguresAsync(team.Id, period, programme, c), ct);
        var scope = ScopeOf(user);
        SpecialistReport? own = null;
        var specialists = new List<SpecialistReport>();
        if (scope == DashboardScope.Specialist)
        {
            var me = user.UserId();
            own = Individual(figures, period, me, user.FindFirstValue(TrinnClaims.DisplayName) ?? "", withTrend: true);
        }
        else if (scope == DashboardScope.Supervisor)
        {
            var ids = figures.Data.Specialists.ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            specialists.AddRange(ids
                .Select(id => Individual(figures, period, id, names.GetValueOrDefault(id, id), specialistTrends))
                .OrderBy(s => s.Name, StringComparer.Create(PagesSetup.Norwegian, false)));
        }

        return new Dashboard(team, period, scope, figures.Report, figures.Fidelity, own, specialists, o.WeeklyHours, programme);
    }

    /// <summary>The team's rows for the period and its computed figures (what the cache keeps).</summary>
    private async Task<DashboardFigures> FiguresAsync(int teamId, DatePeriod period, Programme? programme, CancellationToken ct)
    {
        IndicatorData data;
        await using (var alongside = contexts?.CreateDbContext())
        {
            data = await IndicatorDataLoader.LoadAsync(db, teamId, period, Today, ProgrammeChoice.Filter(programme), alongside, ct);
        }

        // The data-scored fidelity items on the other core while the team's indicators are computed here.
        var fidelity = Task.Run(() => FidelityFromData.Compute(data, period, options.Value), ct);
        var report = TeamIndicators.Compute(data, period, options.Value);
        return new DashboardFigures(data, report, await fidelity);
    }

    private SpecialistReport Individual(DashboardFigures figures, DatePeriod period, string userId, string name, bool withTrend)
    {
        var (report, fidelity) = figures.Individual(userId, withTrend, () =>
        {
            var mine = figures.Data.ForSpecialist(userId);
            return (TeamIndicators.Compute(mine, period, options.Value, individual: true, withTrend), FidelityFromData.Compute(mine, period, options.Value));
        });
        return new SpecialistReport(userId, name, report, fidelity);
    }

    /// <summary>Candidates in follow-up per stage today, per visible team (the old overview table), with small cells suppressed for leder and forsker.</summary>
    public async Task<(IReadOnlyList<string> Teams, int[,] Counts, bool[,] Hidden)> StagesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var teams = await VisibleTeamsAsync(user, ct);
        var ids = teams.Select(t => t.Id).ToList();
        var counts = await db.Candidates.AsNoTracking().Where(c => c.DischargedOn == null && ids.Contains(c.TeamId))
            .GroupBy(c => new { c.TeamId, c.Stage })
            .Select(g => new { g.Key.TeamId, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct);
        var table = new int[teams.Count, 5];
        foreach (var c in counts)
        {
            table[teams.FindIndex(t => t.Id == c.TeamId), c.Stage - 1] = c.Count;
        }

        var hidden = ScopeOf(user) == DashboardScope.Aggregate ? Core.Privacy.SmallCellSuppression.Suppress(table) : new bool[teams.Count, 5];
        return (teams.Select(t => t.Name).ToList(), table, hidden);
    }

    /// <summary>The team start dates a team's start-up year is counted from.</summary>
    public static bool InStartUpYear(TeamChoice team, DatePeriod period) => Team.InStartUpYear(team?.StartedOn, period.To);
}
