namespace Trinn.Web.Tests.Candidates;

/// <summary>The versioned vocational profile (stage 2), on SQLite and on PostgreSQL.</summary>
public abstract class ProfileTests(TrinnFactory app)
{
    [Fact]
    public async Task Profile_SavedTwice_KeepsBothVersionsAndDetailsShowsLastUpdated()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        Assert.DoesNotContain("Sist oppdatert", await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}"), StringComparison.Ordinal);

        using var first = await client.SubmitAsync($"/Candidates/Profile/{candidate.Id}", Profile("Lager og logistikk"));
        using var second = await client.SubmitAsync($"/Candidates/Profile/{candidate.Id}", Profile("Butikk etter jobbsmak"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var versions = (await app.Data.LoadCandidateAsync(candidate.Id)).ProfileVersions.OrderBy(v => v.VersionNumber).ToList();
        Assert.Equal([1, 2], versions.Select(v => v.VersionNumber));
        Assert.Equal(["Lager og logistikk", "Butikk etter jobbsmak"], versions.Select(v => v.Interests));
        Assert.All(versions, v => Assert.Equal(staff.Specialist.Id, v.SavedById));
        var details = await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}");
        Assert.Contains("Sist oppdatert", details, StringComparison.Ordinal);
        Assert.Contains("(versjon 2)", details, StringComparison.Ordinal);
        Assert.Contains("Lager og logistikk", await client.GetHtmlAsync($"/Candidates/Profile/{candidate.Id}?versjon=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_SavedFromStaleBaseVersion_ShowsConflictAndAddsNoVersion()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var alice = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using var bob = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var aliceForm = await alice.GetFormAsync($"/Candidates/Profile/{candidate.Id}");
        var bobForm = await bob.GetFormAsync($"/Candidates/Profile/{candidate.Id}");

        using var saved = await alice.PostFormAsync(aliceForm, Profile("Først lagret"));
        using var stale = await bob.PostFormAsync(bobForm, Profile("Lagret fra gammel versjon"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.HtmlAsync();
        Assert.Contains("Noen andre lagret endringer samtidig.", html, StringComparison.Ordinal);
        Assert.Contains("Først lagret", html, StringComparison.Ordinal);
        var version = Assert.Single((await app.Data.LoadCandidateAsync(candidate.Id)).ProfileVersions);
        Assert.Equal("Først lagret", version.Interests);
    }

    [Fact]
    public async Task Profile_FieldTooLong_ShowsFieldErrorAndAddsNoVersion()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        using var response = await client.SubmitAsync($"/Candidates/Profile/{candidate.Id}", Profile(new string('x', 4001)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Interesser kan ha høyst 4000 tegn.", ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_Interests"));
        Assert.Empty((await app.Data.LoadCandidateAsync(candidate.Id)).ProfileVersions);
    }

    private static Dictionary<string, string> Profile(string interests) => new()
    {
        ["Input.Interests"] = interests,
        ["Input.WorkExperience"] = "Butikk",
        ["Input.Friskfaktorer"] = "Faste rammer",
        ["Input.PreferredHours"] = "60 %",
    };
}

public sealed class ProfileSqliteTests(TrinnFactory app) : ProfileTests(app), IClassFixture<TrinnFactory>;

public sealed class ProfilePostgresTests(PostgresTrinnFactory app) : ProfileTests(app), IClassFixture<PostgresTrinnFactory>;
