using Trinn.Core.Duration;

namespace Trinn.Web.Tests.Workplace;

/// <summary>Forskrift § 5 through the pages, on each database provider. Today is 27 Nov 2026.</summary>
public abstract class DurationPagesTests(AppFixture fx)
{
    [Fact]
    public async Task StartThenExtend_RulesEnforcedWithFieldErrors_NothingHalfSaved()
    {
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], referredOn: new DateOnly(2026, 6, 1)));
        var client = await fx.LoginAsync("js1");
        var url = $"/Duration/Index/{candidate.Id}";
        var started = await AppFixture.PostFormAsync(client, url, new() { ["StartInput.StartDate"] = "2026-06-15" }, url + "?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var details = await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync();
        Assert.Contains("Oppfølgingen varer til 14.12.2026 (lengst mulig: 14.06.2027).", details, StringComparison.Ordinal);

        var noReason = await AppFixture.PostFormAsync(client, url, new() { ["Extend.NewEndDate"] = "2027-03-01", ["Extend.Reason"] = "", ["Extend.Version"] = "0" }, url + "?handler=Extend");
        Assert.Contains("Fyll ut Begrunnelse for forlengelse.", await noReason.HtmlAsync(), StringComparison.Ordinal);

        var tooLong = await AppFixture.PostFormAsync(client, url, new() { ["Extend.NewEndDate"] = "2027-06-15", ["Extend.Reason"] = "Trenger mer tid", ["Extend.Version"] = "0" }, url + "?handler=Extend");
        var html = await tooLong.HtmlAsync();
        Assert.Contains("Kan ikke lagres: oppfølgingen kan vare høyst 6 + 6 måneder, det vil si til og med 14.06.2027", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Extend_NewEndDate-error\"", html, StringComparison.Ordinal);
        await AssertEndAsync(candidate.Id, new DateOnly(2026, 12, 14), extensions: 0);

        var ok = await AppFixture.PostFormAsync(client, url, new() { ["Extend.NewEndDate"] = "2027-03-14", ["Extend.Reason"] = "Trenger mer tid", ["Extend.Version"] = "0" }, url + "?handler=Extend");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await AssertEndAsync(candidate.Id, new DateOnly(2027, 3, 14), extensions: 1);

        // § 5 "kan forlenges med ytterligere seks måneder" has no "once" (this test used to expect a refusal here):
        // a second extension with its own reason is allowed up to the 12 months, not a day past them.
        var second = await AppFixture.PostFormAsync(client, url, new() { ["Extend.NewEndDate"] = "2027-06-14", ["Extend.Reason"] = "Igjen", ["Extend.Version"] = "1" }, url + "?handler=Extend");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await AssertEndAsync(candidate.Id, new DateOnly(2027, 6, 14), extensions: 2);
        var third = await AppFixture.PostFormAsync(client, url, new() { ["Extend.NewEndDate"] = "2027-06-15", ["Extend.Reason"] = "Enda en", ["Extend.Version"] = "2" }, url + "?handler=Extend");
        Assert.Contains("høyst 6 + 6 måneder", await third.HtmlAsync(), StringComparison.Ordinal);
        await AssertEndAsync(candidate.Id, new DateOnly(2027, 6, 14), extensions: 2);
        var page = await (await client.GetAsync(url)).HtmlAsync();
        Assert.Contains("kan forlenges med ytterligere seks måneder", page, StringComparison.Ordinal);
        Assert.DoesNotContain("én gang", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReducedWorkCapacity_AllowsUpToThreeYears_NotADayMore()
    {
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], referredOn: new DateOnly(2026, 6, 1)));
        await fx.WithDbAsync(async db =>
        {
            db.Add(FollowUpPeriod.Start(candidate.Id, new DateOnly(2026, 6, 15), false));
            await db.SaveChangesAsync();
        });
        var client = await fx.LoginAsync("mv1");
        var url = $"/Duration/Index/{candidate.Id}";
        var past = await AppFixture.PostFormAsync(client, url, new()
        {
            ["Extend.NewEndDate"] = "2029-06-15",
            ["Extend.Reason"] = "Nedsatt arbeidsevne",
            ["Extend.ReducedWorkCapacity"] = "true",
            ["Extend.Version"] = "0",
        }, url + "?handler=Extend");
        Assert.Contains("høyst 3 år til sammen, det vil si til og med 14.06.2029", await past.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<FollowUpPeriod>().Where(p => p.CandidateId == candidate.Id).Select(p => p.ReducedWorkCapacity).SingleAsync()));

        var ok = await AppFixture.PostFormAsync(client, url, new()
        {
            ["Extend.NewEndDate"] = "2029-06-14",
            ["Extend.Reason"] = "Nedsatt arbeidsevne",
            ["Extend.ReducedWorkCapacity"] = "true",
            ["Extend.Version"] = "0",
        }, url + "?handler=Extend");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await AssertEndAsync(candidate.Id, new DateOnly(2029, 6, 14), extensions: 1);
    }

    [Fact]
    public async Task Extend_StaleVersion_Conflict()
    {
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], referredOn: new DateOnly(2026, 6, 1)));
        await fx.WithDbAsync(async db =>
        {
            db.Add(FollowUpPeriod.Start(candidate.Id, new DateOnly(2026, 6, 15), false));
            await db.SaveChangesAsync();
        });
        var client = await fx.LoginAsync("js1");
        var url = $"/Duration/Index/{candidate.Id}";
        var stale = await AppFixture.PostFormAsync(client, url, new() { ["Extend.NewEndDate"] = "2027-01-01", ["Extend.Reason"] = "Grunn", ["Extend.Version"] = "3" }, url + "?handler=Extend");
        Assert.Contains("Noen andre lagret endringer samtidig", await stale.HtmlAsync(), StringComparison.Ordinal);
        await AssertEndAsync(candidate.Id, new DateOnly(2026, 12, 14), extensions: 0);
    }

    [Fact]
    public async Task EndWithin30Days_WarnsOnPortfolio_LaterDoesNot()
    {
        var soon = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js2"], referredOn: new DateOnly(2026, 6, 1)));
        var later = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js2"], referredOn: new DateOnly(2026, 6, 1)));
        await fx.WithDbAsync(async db =>
        {
            db.Add(FollowUpPeriod.Start(soon.Id, new DateOnly(2026, 6, 27), false)); // last day 26.12.2026: 29 days ahead
            db.Add(FollowUpPeriod.Start(later.Id, new DateOnly(2026, 6, 29), false)); // last day 28.12.2026: 31 days ahead
            await db.SaveChangesAsync();
        });
        var html = await (await (await fx.LoginAsync("js2")).GetAsync("/Portfolio")).HtmlAsync();
        Assert.Contains($"href=\"/Duration/Index/{soon.Id}\">{soon.FirstName} {soon.LastName}</a>: oppfølgingstiden slutter 26.12.2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Duration/Index/{later.Id}\"", html, StringComparison.Ordinal);
    }

    private async Task AssertEndAsync(int candidateId, DateOnly end, int extensions)
    {
        var period = await fx.WithDbAsync(db => db.Set<FollowUpPeriod>().AsNoTracking().Include(p => p.Extensions).SingleAsync(p => p.CandidateId == candidateId));
        Assert.Equal(end, period.EndDate);
        Assert.Equal(extensions, period.Extensions.Count);
    }
}

public sealed class DurationPagesSqliteTests(SqliteAppFixture fx) : DurationPagesTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class DurationPagesPostgresTests(PostgresAppFixture fx) : DurationPagesTests(fx), IClassFixture<PostgresAppFixture>;
