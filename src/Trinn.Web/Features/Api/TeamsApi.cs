using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Trinn.Core.Indicators;
using Trinn.Web.Features.Overview;

namespace Trinn.Web.Features.Api;

/// <summary>
/// Teams and their indicators (issue #11), with the dashboard's role rules: team members their own team (a job
/// specialist with their own figures, the metodeveileder with each specialist's), leder and forsker any team at team
/// level with small cells suppressed. Keys are stable; numbers use the units in <c>unit</c>.
/// </summary>
internal static class TeamsApi
{
    public static void MapTeamsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Trinn").RequireAuthorization(IndicatorPolicies.Dashboard);
        api.MapGet("/teams", TeamsAsync).WithName("ListTeams").WithSummary("The teams the caller may see indicators for.");
        api.MapGet("/teams/{id:int}/indicators", IndicatorsAsync).WithName("TeamIndicators")
            .WithSummary("A team's indicators (måltall) for a period (from/to as YYYY-MM-DD; default the last 12 months), optionally for one programme's "
                         + "candidates (programme=UtvidetOppfolging, Ips or Other; working time and employer contacts stay the team's): value, numerator, denominator, "
                         + "target, definition, both outcome definitions where they apply, the monthly trend, and the fidelity items scored from recorded data.");
    }

    private static async Task<Ok<List<TeamDocument>>> TeamsAsync(DashboardQuery query, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await query.VisibleTeamsAsync(user, ct)).Select(t => new TeamDocument(t.Id, t.Name, t.StartedOn)).ToList());

    private static async Task<Results<Ok<TeamIndicatorsDocument>, NotFound, ValidationProblem>> IndicatorsAsync(
        int id, string? from, string? to, string? programme, DashboardQuery query, ClaimsPrincipal user, IStringLocalizer<IndicatorsResource> l,
        CancellationToken ct)
    {
        var (_, period, field, error) = PeriodChoice.Parse(null, null, from, to, query.Today);
        if (field is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [l[error!]] });
        }

        var (chosen, programmeError) = ProgrammeChoice.Parse(programme);
        if (programmeError is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ProgrammeChoice.Field] = [l[programmeError]] });
        }

        var dashboard = await query.LoadAsync(user, id, period, chosen, specialistTrends: true, ct);
        if (dashboard is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new TeamIndicatorsDocument(
            new TeamDocument(dashboard.Team.Id, dashboard.Team.Name, dashboard.Team.StartedOn),
            period.From,
            period.To,
            dashboard.Report.StartUpYear,
            dashboard.Scope.ToString(),
            Indicators(dashboard, dashboard.Report, l),
            dashboard.Fidelity.Select(f => Fidelity(dashboard, f, l)).ToList(),
            dashboard.Own is { } own ? Specialist(dashboard, own, l) : null,
            dashboard.Specialists.Select(s => Specialist(dashboard, s, l)).ToList(),
            dashboard.Programme?.ToString()));
    }

    private static SpecialistIndicatorsDocument Specialist(Dashboard d, SpecialistReport s, IStringLocalizer l) =>
        new(s.UserId, s.Name, Indicators(d, s.Report, l), s.Fidelity.Select(f => Fidelity(d, f, l)).ToList());

    private static List<IndicatorDocument> Indicators(Dashboard d, IndicatorReport report, IStringLocalizer l) =>
        report.Values.Select(v =>
        {
            var shown = d.Show(v.Definition, v.Measure);
            return new IndicatorDocument(
                v.Key,
                v.Definition.Group,
                v.Definition.Unit.ToString(),
                IndicatorText.Title(l, v.Key),
                Round(shown.Value),
                Round(shown.Numerator),
                Round(shown.Denominator),
                shown.NumeratorMark,
                shown.DenominatorMark,
                v.OnDate,
                v.Target is { } t ? new TargetDocument(t.Value, t.UpperValue, t.ValidFrom == DateOnly.MinValue ? null : t.ValidFrom, t.Source) : null,
                shown.ValueHidden ? null : v.Light?.ToString(),
                IndicatorText.Definition(l, v.Key, d.WeeklyHours),
                v.Broader is { } broader ? new OutcomesDocument(Outcome(d.Show(v.Definition, v.Measure)), Outcome(d.Show(v.Definition, broader))) : null,
                d.ShowSpread(v.Definition, v.Measure, v.Spread) is { } s
                    ? new SpreadDocument(s.Spread.Median, s.Spread.P25, s.Spread.P75, s.Spread.Min, s.Spread.Max, s.N, s.Without, s.NMark, s.WithoutMark)
                    : null,
                report.SeriesOf(v.Key).Points.Select(p =>
                {
                    var m = d.Show(v.Definition, p.Measure);
                    return new TrendPointDocument(p.Month.MonthKey, Round(m.Value), Round(m.Numerator), Round(m.Denominator), p.Target, p.UpperTarget);
                }).ToList());
        }).ToList();

    private static OutcomeDocument Outcome(ShownMeasure m) => new(Round(m.Value), Round(m.Numerator), Round(m.Denominator), m.NumeratorMark, m.DenominatorMark);

    private static FidelityDataDocument Fidelity(Dashboard d, FidelityDataItem item, IStringLocalizer l)
    {
        var shown = d.ShowFidelity(item);
        return new FidelityDataDocument(item.Item, shown.ValueHidden ? null : item.Score, IndicatorText.FidelityBasis(l, item, shown),
            Round(shown.Value), Round(shown.Numerator), Round(shown.Denominator));
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4) : null;
}

public sealed record TeamDocument(int Id, string Name, DateOnly? StartedOn);

public sealed record TargetDocument(decimal Value, decimal? UpperValue, DateOnly? ValidFrom, string Source);

public sealed record OutcomeDocument(decimal? Value, decimal? Numerator, decimal? Denominator, string? NumeratorSuppressed, string? DenominatorSuppressed);

/// <summary>The official definition (work) and the report's broader one (work or education).</summary>
public sealed record OutcomesDocument(OutcomeDocument Official, OutcomeDocument Broader);

public sealed record SpreadDocument(
    decimal? Median, decimal? P25, decimal? P75, int? Min, int? Max, int? N, int? WithoutContact, string? NSuppressed, string? WithoutContactSuppressed);

public sealed record TrendPointDocument(string Month, decimal? Value, decimal? Numerator, decimal? Denominator, decimal? Target, decimal? UpperTarget);

/// <summary>
/// One indicator. A suppressed count (leder, forsker) is null with "&lt;5" or ":" in <c>numeratorSuppressed</c> /
/// <c>denominatorSuppressed</c>, and the value is then null too.
/// </summary>
public sealed record IndicatorDocument(
    string Key, int Group, string Unit, string Title, decimal? Value, decimal? Numerator, decimal? Denominator,
    string? NumeratorSuppressed, string? DenominatorSuppressed, DateOnly? OnDate, TargetDocument? Target, string? Light, string Definition,
    OutcomesDocument? Outcomes, SpreadDocument? Spread, List<TrendPointDocument> Trend);

/// <summary>A fidelity item scored from recorded data (1–5, null without data), with its basis in words and the measured value.</summary>
public sealed record FidelityDataDocument(int Item, int? Score, string Basis, decimal? Measure, decimal? Numerator, decimal? Denominator);

public sealed record SpecialistIndicatorsDocument(string UserId, string Name, List<IndicatorDocument> Indicators, List<FidelityDataDocument> FidelityFromData);

public sealed record TeamIndicatorsDocument(
    TeamDocument Team, DateOnly From, DateOnly To, bool StartUpYear, string Scope, List<IndicatorDocument> Indicators,
    List<FidelityDataDocument> FidelityFromData, SpecialistIndicatorsDocument? Own, List<SpecialistIndicatorsDocument> Specialists,
    string? Programme = null);
