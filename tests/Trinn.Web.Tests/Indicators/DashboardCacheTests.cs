using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Candidates;
using Trinn.Web.Features.Overview;
using Trinn.Web.Tests.Candidates;

namespace Trinn.Web.Tests.Indicators;

/// <summary>
/// The dashboard's figures are kept between requests (<see cref="DashboardCache"/>) only while no data changed: a write
/// through a page, or one saved outside the app's requests (another instance, the CLI), shows at the next request.
/// </summary>
public abstract class DashboardCacheTests(TrinnFactory app)
{
    [Fact]
    public async Task Dashboard_NothingChanged_ReusedWithoutLoadingAgain_AlsoAfterAuditedReads()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var cache = app.Services.GetRequiredService<DashboardCache>();

        Assert.Contains("2 kandidater i oppfølging", await client.GetHtmlAsync("/Overview"), StringComparison.Ordinal);
        var loads = cache.Loads;
        // Reading candidates appends read entries to the audit trail; that is no change of the figures.
        Assert.Contains(staff.Specialist.DisplayName, await client.GetHtmlAsync("/Portfolio"), StringComparison.Ordinal);
        Assert.Contains("2 kandidater i oppfølging", await client.GetHtmlAsync("/Overview"), StringComparison.Ordinal);

        Assert.Equal(loads, cache.Loads);
    }

    [Fact]
    public async Task Dashboard_ManyRequestsTogetherAfterAChange_LoadOnce()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var cache = app.Services.GetRequiredService<DashboardCache>();
        Assert.Contains("1 kandidater i oppfølging", await client.GetHtmlAsync("/Overview"), StringComparison.Ordinal);
        await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        var loads = cache.Loads;

        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetHtmlAsync("/Overview")));

        Assert.All(pages, html => Assert.Contains("2 kandidater i oppfølging", html, StringComparison.Ordinal));
        Assert.Equal(loads + 1, cache.Loads);
    }

    [Fact]
    public async Task Dashboard_AfterDischargeThroughThePage_ShowsTheNewFigures()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var leaving = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        Assert.Contains("2 kandidater i oppfølging", await client.GetHtmlAsync("/Overview"), StringComparison.Ordinal);

        using var response = await client.SubmitAsync(
            $"/Candidates/Discharge/{leaving.Id}", StageAndDischargeTests.Discharge(app.Data.Today.AddDays(-1), DischargeOutcome.OrdinaryWork));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var html = await client.GetHtmlAsync("/Overview");
        Assert.Contains("1 kandidater i oppfølging", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2 kandidater i oppfølging", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_AfterAWriteOutsideTheAppsRequests_ShowsTheNewFigures()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        Assert.Contains("1 kandidater i oppfølging", await client.GetHtmlAsync("/Overview"), StringComparison.Ordinal);

        // Saved through a context of its own, as another app instance or the CLI would: only the database knows.
        await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);

        var html = await client.GetHtmlAsync("/Overview");
        Assert.Contains("2 kandidater i oppfølging", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1 kandidater i oppfølging", html, StringComparison.Ordinal);
    }
}

public sealed class DashboardCacheSqliteTests(TrinnFactory app) : DashboardCacheTests(app), IClassFixture<TrinnFactory>;

public sealed class DashboardCachePostgresTests(PostgresTrinnFactory app) : DashboardCacheTests(app), IClassFixture<PostgresTrinnFactory>;
