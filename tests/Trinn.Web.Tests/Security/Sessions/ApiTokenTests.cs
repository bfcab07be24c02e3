using System.Net.Http.Json;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Security.Sessions;

/// <summary>
/// A personal API token is not a browser session: it answers on /api only, for the scope and until the expiry chosen
/// when it was made (at most a year); pages, form posts and token management refuse it.
/// </summary>
public abstract class ApiTokenTests(TrinnFactory app)
{
    [Fact]
    public async Task Token_OnPages_TreatedAsNotSignedIn()
    {
        var (staff, candidate, secret) = await SpecialistWithTokenAsync();
        using var bearer = SessionClient.TokenClient(app, secret);

        using var details = await bearer.GetAsync(new Uri($"/Candidates/Details/{candidate.Id}", UriKind.Relative));
        using var profile = await bearer.GetAsync(new Uri("/Account/Profile", UriKind.Relative));

        Assert.Equal("/Account/Login", details.RedirectPath());
        Assert.Equal("/Account/Login", profile.RedirectPath());
        using var api = await bearer.GetAsync(new Uri($"/api/candidates/{candidate.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Token_FormPosts_JournalNoteAndNewTokenAndRevocation_AllRefused()
    {
        var (staff, candidate, secret) = await SpecialistWithTokenAsync();
        using var browser = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var journal = await browser.GetFormAsync($"/Candidates/Journal/{candidate.Id}");
        var profile = await browser.GetFormAsync("/Account/Profile", "/Account/Profile?handler=Create");
        var tokenId = await app.Data.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == staff.Specialist.Id).Select(t => t.Id).SingleAsync());
        using var bearer = SessionClient.TokenClient(app, secret);

        // The forms' own fields, antiforgery token included, but sent with the token instead of the sign-in cookie.
        using var note = await PostAsync(bearer, $"/Candidates/Journal/{candidate.Id}", journal.Hidden, new()
        {
            ["Input.Date"] = app.Data.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "1",
            ["Input.Place"] = "1",
            ["Input.DurationMinutes"] = "30",
            ["Input.Text"] = "Fra en lekket nøkkel",
        });
        using var mint = await PostAsync(bearer, "/Account/Profile?handler=Create", profile.Hidden, new()
        {
            ["Input.Name"] = "Erstatning",
            ["Input.Scope"] = "1",
            ["Input.ExpiresOn"] = app.Data.Today.AddDays(300).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        using var revoke = await PostAsync(bearer, $"/Account/Profile?handler=Revoke&id={tokenId}", profile.Hidden, []);

        Assert.Equal("/Account/Login", note.RedirectPath());
        Assert.Equal("/Account/Login", mint.RedirectPath());
        Assert.Equal("/Account/Login", revoke.RedirectPath());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.JournalNotes.CountAsync(n => n.CandidateId == candidate.Id)));
        var tokens = await app.Data.WithDbAsync(db => db.ApiTokens.AsNoTracking().Where(t => t.UserId == staff.Specialist.Id).ToListAsync());
        Assert.Null(Assert.Single(tokens).RevokedAtUtc);
    }

    [Fact]
    public async Task ReadOnlyToken_ReadsButEveryWriteAnswers403AndSavesNothing()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var browser = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var secret = await SessionClient.CreateTokenAsync(browser, app.Data.Today.AddDays(30), scope: "Read");
        using var api = SessionClient.TokenClient(app, secret);
        var before = await app.Data.CountCandidatesAsync();

        using var read = await api.GetAsync(new Uri("/api/candidates", UriKind.Relative));
        using var write = await api.PostAsJsonAsync(new Uri("/api/referrals", UriKind.Relative), Referral(staff));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task ReadWriteToken_PostsAReferral()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var browser = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using var api = SessionClient.TokenClient(app, await SessionClient.CreateTokenAsync(browser, app.Data.Today.AddDays(30), scope: "ReadWrite"));

        using var write = await api.PostAsJsonAsync(new Uri("/api/referrals", UriKind.Relative), Referral(staff));

        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
    }

    [Fact]
    public async Task Token_PastItsExpiryDay_Answers401()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var browser = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using var api = SessionClient.TokenClient(app, await SessionClient.CreateTokenAsync(browser, app.Data.Today.AddDays(1)));
        using (var before = await api.GetAsync(new Uri("/api/candidates", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        app.FakeTime!.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));

        using var after = await api.GetAsync(new Uri("/api/candidates", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData(366, "En nøkkel kan gjelde i høyst 365 dager.")]
    [InlineData(-1, "Datoen må være i dag eller senere.")]
    public async Task Profile_ExpiryOutsideTheYear_RefusedAtTheFieldAndNoToken(int days, string message)
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        using var browser = await BrowserClient.LoginAsync(app, user.UserName!);
        var form = await browser.GetFormAsync("/Account/Profile", "/Account/Profile?handler=Create");

        using var response = await browser.PostFormAsync(form, new()
        {
            ["Input.Name"] = "For lenge",
            ["Input.Scope"] = "0",
            ["Input.ExpiresOn"] = app.Data.Today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(message, ResponseExtensions.FieldError(await response.Content.ReadAsStringAsync(), "Input_ExpiresOn"));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == user.Id)));
    }

    [Fact]
    public async Task Profile_Tokens_ShowScopeExpiryAndLastUse()
    {
        var user = await app.Data.AddUserAsync(Roles.NavVeileder);
        using var browser = await BrowserClient.LoginAsync(app, user.UserName!);
        var expires = app.Data.Today.AddDays(365);
        using var api = SessionClient.TokenClient(app, await SessionClient.CreateTokenAsync(browser, expires, scope: "Read"));
        var unused = await browser.GetHtmlAsync("/Account/Profile");
        using (var call = await api.GetAsync(new Uri("/api/referrals/mine", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        var used = await browser.GetHtmlAsync("/Account/Profile");

        Assert.Contains("Bare lese", used, StringComparison.Ordinal);
        Assert.Contains(expires.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), used, StringComparison.Ordinal);
        Assert.Contains(">–</td>", unused, StringComparison.Ordinal);
        Assert.DoesNotContain(">–</td>", used, StringComparison.Ordinal);
        Assert.Contains("Trekk tilbake", used, StringComparison.Ordinal);
    }

    private async Task<(Staff Staff, Trinn.Core.Candidates.Candidate Candidate, string Secret)> SpecialistWithTokenAsync()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2);
        using var browser = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        return (staff, candidate, await SessionClient.CreateTokenAsync(browser, app.Data.Today.AddDays(30)));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> hidden, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(hidden);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private object Referral(Staff staff) => new
    {
        firstName = TestData.Unique("Token"),
        lastName = TestData.Unique("Kandidat"),
        nationalId = TestData.SyntheticNationalId(),
        referredById = staff.NavVeileder.Id,
        referredOn = app.Data.Today.AddDays(-1),
        innsatsgruppe = "Situasjonsbestemt",
        reason = "Ønsker arbeid.",
        teamId = staff.Team.Id,
    };
}

public sealed class ApiTokenSqliteTests(FakeClockTrinnFactory app) : ApiTokenTests(app), IClassFixture<FakeClockTrinnFactory>;

public sealed class ApiTokenPostgresTests(FakeClockPostgresTrinnFactory app) : ApiTokenTests(app), IClassFixture<FakeClockPostgresTrinnFactory>;
