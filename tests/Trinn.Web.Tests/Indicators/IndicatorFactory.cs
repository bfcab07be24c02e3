using Microsoft.Extensions.Time.Testing;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Web.Tests.Indicators;

/// <summary>The app on a fixed day, Tuesday 30 June 2026, so that hand-worked figures hold.</summary>
public class IndicatorFactory : TrinnFactory
{
    public static readonly DateOnly Today = new(2026, 6, 30);

    public IndicatorFactory()
    {
        FakeTime = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero));
    }

    /// <summary>
    /// A fresh team: job specialist A full time with 8 candidates in follow-up (one more discharged to work on
    /// 1 March 2026), job specialist B at 50 % with 4, a metodeveileder and a NAV-veileder.
    /// On 30 June: 12 in follow-up / 1.5 FTE = 8.0 per FTE; B alone 4 / 0.5 = 8.0; A alone 8 / 1.0 = 8.0.
    /// </summary>
    public async Task<IndicatorTeam> AddTeamAsync()
    {
        var team = await Data.AddTeamAsync();
        var a = await Data.AddUserAsync(Roles.Jobbspesialist, team);
        var b = await Data.AddUserAsync(Roles.Jobbspesialist, team);
        var mv = await Data.AddUserAsync(Roles.Metodeveileder, team);
        var nav = await Data.AddUserAsync(Roles.NavVeileder);
        await Data.WithDbAsync(async db =>
        {
            var user = await db.Users.FindAsync(b.Id);
            user!.Fte = 0.5m;
            return await db.SaveChangesAsync();
        });
        var candidates = new List<Candidate>();
        for (var i = 0; i < 8; i++)
        {
            candidates.Add(await Data.AddCandidateAsync(team, nav, stage: 1 + (i % 5), specialist: a, referredDaysAgo: 100 + i));
        }

        for (var i = 0; i < 4; i++)
        {
            candidates.Add(await Data.AddCandidateAsync(team, nav, stage: 2, specialist: b, referredDaysAgo: 60 + i));
        }

        var discharged = await Data.AddCandidateAsync(team, nav, stage: 4, specialist: a, referredDaysAgo: 300, dischargedOn: new DateOnly(2026, 3, 1));
        return new IndicatorTeam(team, a, b, mv, nav, candidates, discharged);
    }
}

public sealed record IndicatorTeam(Team Team, TrinnUser A, TrinnUser B, TrinnUser Supervisor, TrinnUser NavVeileder, List<Candidate> Active, Candidate Discharged);
