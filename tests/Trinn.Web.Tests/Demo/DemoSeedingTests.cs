using Microsoft.Extensions.Logging;
using Trinn.Core.Demo;
using Trinn.Core.NationalIds;
using Trinn.Core.Placements;

namespace Trinn.Web.Tests.Demo;

/// <summary>Demo data on first start outside production, and never in production.</summary>
public sealed class DemoSeedingTests
{
    [Fact]
    public async Task Demo_EnabledInDevelopment_CreatesDemoUsersAndCandidatesWithSyntheticIds()
    {
        using var app = new DemoFactory("Development");

        var (userNames, nationalIds, teams) = await app.Data.WithDbAsync(async db => (
            await db.Users.Select(u => u.UserName!).ToListAsync(),
            await db.Candidates.Select(c => c.NationalId).ToListAsync(),
            await db.Teams.Select(t => t.Name).ToListAsync()));

        Assert.Equal(DemoSeeder.Logins.Select(l => l.UserName).Order(), userNames.Order());
        // Issue #11 added a third team (in its start-up year) with three users, and two years of history: more candidates.
        Assert.Equal(14, userNames.Count);
        Assert.Equal(["Team 1", "Team 2", "Team 3"], teams.Order());
        Assert.InRange(nationalIds.Count, 150, 320);
        Assert.All(nationalIds, id => Assert.Equal(NationalIdKind.Synthetic, NationalIdNumber.Check(id, allowSynthetic: true).Kind));
        Assert.All(nationalIds, id => Assert.False(NationalIdNumber.Check(id, allowSynthetic: false).IsValid));
        // Every dated measure starts inside its job (Placement.AddMeasure), and one on an ended job ends with it.
        var (outside, onEndedJobs) = await app.Data.WithDbAsync(async db => (
            await db.Set<SupportMeasure>().CountAsync(m => m.FromDate != null
                && (m.FromDate < m.Placement!.StartDate || m.FromDate > m.Placement.EndDate
                    || (m.Placement.Ending != null && (m.ToDate == null || m.ToDate > m.Placement.EndDate)))),
            await db.Set<SupportMeasure>().CountAsync(m => m.FromDate != null && m.Placement!.Ending != null)));
        Assert.Equal(0, outside);
        Assert.True(onEndedJobs > 0);
        var password = Environment.GetEnvironmentVariable("TRINN_DEMO_PASSWORD") is { Length: > 0 } p ? p : DemoSeeder.DefaultPassword;
        using var client = BrowserClient.Anonymous(app);
        using var login = await client.TryLoginAsync("jobbspesialist1", password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task Demo_EnabledInProduction_CreatesNothing()
    {
        using var app = new DemoFactory("Production");

        var (users, candidates, teams) = await app.Data.WithDbAsync(async db =>
            (await db.Users.CountAsync(), await db.Candidates.CountAsync(), await db.Teams.CountAsync()));

        Assert.Equal(0, users);
        Assert.Equal(0, candidates);
        Assert.Equal(0, teams);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Demo:Enabled is ignored", StringComparison.Ordinal));
    }

    private sealed class DemoFactory(string environment) : TrinnFactory
    {
        protected override string EnvironmentName => environment;

        protected override Dictionary<string, string?> Settings()
        {
            var settings = ProductionFactory.WithProductionKeys(base.Settings());
            settings["Demo:Enabled"] = "true";
            return settings;
        }
    }
}
