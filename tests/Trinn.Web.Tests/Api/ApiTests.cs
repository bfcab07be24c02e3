using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;
using Trinn.Web.Features.Api;

namespace Trinn.Web.Tests.Api;

/// <summary>The JSON API under /api with personal tokens and cookie sessions, on SQLite and on PostgreSQL.</summary>
public abstract class ApiTests(TrinnFactory app)
{
    [Fact]
    public async Task PostReferral_WithPersonalToken_Returns201WithLocationOfNewCandidate()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var api = TokenClient(await CreateTokenAsync(staff.Specialist.UserName!));
        var nationalId = TestData.SyntheticNationalId();

        using var response = await api.PostAsJsonAsync(new Uri("/api/referrals", UriKind.Relative), Referral(staff, nationalId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = await app.Data.WithDbAsync(db => db.Candidates.Where(c => c.NationalIdHash == Trinn.Core.NationalIds.NationalIdProtector.Current.LookupHash(nationalId)).Select(c => c.Id).SingleAsync());
        Assert.Equal($"/api/candidates/{id}", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("candidateId").GetInt32());
        var candidate = await app.Data.LoadCandidateAsync(id);
        Assert.Equal(1, candidate.Stage);
        Assert.Equal(staff.NavVeileder.Id, candidate.Referral!.ReferredById);
    }

    [Fact]
    public async Task PostReferral_InvalidNationalId_Returns400WithNorwegianMessageUnderNationalId()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var api = TokenClient(await CreateTokenAsync(staff.Specialist.UserName!));
        var before = await app.Data.CountCandidatesAsync();

        using var response = await api.PostAsJsonAsync(new Uri("/api/referrals", UriKind.Relative), Referral(staff, NationalIdSamples.WrongControlDigit()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Fødselsnummeret er ikke gyldig (kontrollsifrene stemmer ikke).", problem.GetProperty("errors").GetProperty("nationalId")[0].GetString());
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task PostReferral_FutureDateAndOtherTeam_Returns400ForTheTeamOnlyAndSavesNothing()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var otherTeam = await app.Data.AddTeamAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var before = await app.Data.CountCandidatesAsync();
        var body = new Dictionary<string, object?>
        {
            ["firstName"] = "Framtid",
            ["lastName"] = "Annet Team",
            ["nationalId"] = TestData.SyntheticNationalId(),
            ["referredById"] = staff.NavVeileder.Id,
            ["referredOn"] = app.Data.Today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["innsatsgruppe"] = "Situasjonsbestemt",
            ["reason"] = "Ønsker arbeid.",
            ["teamId"] = otherTeam.Id,
        };

        using var response = await client.PostJsonAsync("/api/referrals", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        // A team the caller may not register to stops the check: nothing else about the referral is evaluated.
        Assert.Equal("Du kan bare registrere innsøkinger til ditt eget team.", errors.GetProperty("teamId")[0].GetString());
        Assert.False(errors.TryGetProperty("referredOn", out _));
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task PostReferral_RequiredFieldMissing_Returns400WithNorwegianMessage()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.NavVeileder.UserName!);
        var before = await app.Data.CountCandidatesAsync();

        using var response = await client.PostJsonAsync("/api/referrals", new { firstName = "Uten", nationalId = TestData.SyntheticNationalId(), teamId = staff.Team.Id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Fyll ut Etternavn.", errors.GetProperty("lastName")[0].GetString());
        Assert.Equal("Fyll ut Begrunnelse for innsøking.", errors.GetProperty("reason")[0].GetString());
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task ListCandidates_StageFilterAndPaging_ReturnsTheTeamsCandidatesInThatStagePageByPage()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var stage3 = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            stage3.Add((await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3)).Id);
        }

        await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2);
        var otherTeam = await app.Data.AddTeamAsync();
        await app.Data.AddCandidateAsync(otherTeam, staff.NavVeileder, stage: 3);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var seen = new List<int>();
        foreach (var (page, expectedCount) in new[] { (1, 2), (2, 2), (3, 1), (4, 0) })
        {
            var result = await client.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/candidates?stage=3&page={page}&pageSize=2", UriKind.Relative));
            Assert.Equal(5, result.GetProperty("totalCount").GetInt32());
            Assert.Equal(page, result.GetProperty("page").GetInt32());
            Assert.Equal(2, result.GetProperty("pageSize").GetInt32());
            var items = result.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(expectedCount, items.Count);
            Assert.All(items, item => Assert.Equal(3, item.GetProperty("stage").GetInt32()));
            seen.AddRange(items.Select(item => item.GetProperty("id").GetInt32()));
        }

        Assert.Equal(stage3.Order(), seen.Order());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("stage=6", "stage")]
    public async Task ListCandidates_ParameterOutOfRange_Returns400ValidationProblem(string query, string field)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        using var response = await client.GetAsync("/api/candidates?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("errors").GetProperty(field)[0].GetString()));
    }

    [Fact]
    public async Task GetCandidate_MovedThroughStages_IncludesStageTimeline()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        using var api = TokenClient(await CreateTokenAsync(staff.Specialist.UserName!));

        var doc = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/candidates/{candidate.Id}", UriKind.Relative));

        Assert.Equal(candidate.Id, doc.GetProperty("id").GetInt32());
        Assert.Equal(candidate.NationalId, doc.GetProperty("nationalId").GetString());
        Assert.Equal(3, doc.GetProperty("stage").GetInt32());
        var timeline = doc.GetProperty("stages").EnumerateArray()
            .Select(s => (From: s.GetProperty("fromStage").ValueKind == JsonValueKind.Null ? (int?)null : s.GetProperty("fromStage").GetInt32(), To: s.GetProperty("toStage").GetInt32()))
            .ToList();
        Assert.Equal([(null, 1), (1, 2), (2, 3)], timeline);
    }

    [Fact]
    public async Task GetCandidate_EveryField_IsWhatIsStored_AndFollowsAChange()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var full = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist, backup: staff.Specialist,
            nextAction: "Ring arbeidsgiver", dischargedOn: app.Data.Today.AddDays(-1));
        var bare = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder);
        await app.Data.AddAgreementAsync(full.Id, employerContact: true, healthAndNetwork: true);
        var saved = new DateTime(2026, 3, 4, 10, 11, 12, 345, DateTimeKind.Utc);
        await app.Data.WithDbAsync(async db =>
        {
            var c = await db.Candidates.SingleAsync(x => x.Id == full.Id);
            c.Email = "kandidat@example.no";
            c.Address = "Storgata 1, 0155 Oslo";
            db.ProfileVersions.Add(new VocationalProfileVersion { CandidateId = c.Id, VersionNumber = 1, SavedAtUtc = saved.AddDays(-3), SavedById = staff.Specialist.Id });
            db.ProfileVersions.Add(new VocationalProfileVersion { CandidateId = c.Id, VersionNumber = 2, SavedAtUtc = saved, SavedById = staff.Specialist.Id });
            return await db.SaveChangesAsync();
        });
        var other = await app.Data.AddCandidateAsync(await app.Data.AddTeamAsync(), staff.NavVeileder);
        using var api = TokenClient(await CreateTokenAsync(staff.Specialist.UserName!));

        foreach (var id in new[] { full.Id, bare.Id })
        {
            await AssertDocumentIsStoredAsync(api, id);
        }

        using (var refused = await api.GetAsync(new Uri($"/api/candidates/{other.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // A change committed after a read is in the next read (the statements are kept prepared between requests).
        await app.Data.WithDbAsync(async db =>
        {
            var c = await db.Candidates.Include(x => x.StageChanges).SingleAsync(x => x.Id == bare.Id);
            c.MoveToStage(2, app.Data.Today, "Klar", staff.Specialist.Id, app.Data.Today, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var moved = await AssertDocumentIsStoredAsync(api, bare.Id);
        Assert.Equal(2, moved.Stage);
        Assert.Equal(2, moved.Stages.Count);
    }

    /// <summary>The API's document of the candidate against the entities as EF loads them.</summary>
    private async Task<CandidateDocument> AssertDocumentIsStoredAsync(HttpClient api, int id)
    {
        var json = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var doc = await api.GetFromJsonAsync<CandidateDocument>(new Uri($"/api/candidates/{id}", UriKind.Relative), json);
        var c = await app.Data.WithDbAsync(db => db.Candidates.AsNoTracking()
            .Include(x => x.Referral).Include(x => x.Agreement).Include(x => x.StageChanges).Include(x => x.ProfileVersions)
            .SingleAsync(x => x.Id == id));
        Assert.NotNull(doc);
        var a = c.Agreement;
        List<StageChangeDocument> apart = [];
        var expected = new CandidateDocument(
            c.Id, c.FirstName, c.LastName, c.NationalId, c.Phone, c.Email, c.Address, c.Stage, c.StageSince,
            c.PrimarySpecialistId, c.BackupSpecialistId, c.NextAction, c.NextActionDate, c.DischargedOn, c.DischargeOutcome, c.Version,
            new ReferralDocument(c.Referral!.ReferredById, c.Referral.ReferredOn, c.Referral.Innsatsgruppe, c.Referral.Reason),
            a is null ? null : new AgreementDocument(a.SignedOn, a.Agreed, a.ConsentEmployerContact, a.ConsentNavVeileder, a.ConsentHealthAndNetwork, a.ConsentResearch),
            c.ProfileVersions.Count == 0 ? null : c.ProfileVersions.Max(p => p.SavedAtUtc),
            apart);
        Assert.Equal(expected, doc with { Stages = apart });
        Assert.Equal(
            c.StageChanges.OrderBy(s => s.Date).ThenBy(s => s.Id).Select(s => new StageChangeDocument(s.FromStage, s.ToStage, s.Date, s.Reason)),
            doc.Stages);
        return doc;
    }

    [Fact]
    public async Task MyReferrals_NavVeileder_SeesOnlyOwnReferrals()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var otherVeileder = await app.Data.AddUserAsync(Roles.NavVeileder);
        var mine = new[]
        {
            await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder),
            await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist),
        };
        await app.Data.AddCandidateAsync(staff.Team, otherVeileder);
        using var api = TokenClient(await CreateTokenAsync(staff.NavVeileder.UserName!));

        var rows = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/referrals/mine", UriKind.Relative));

        Assert.Equal(mine.Select(c => c.Id).Order(), rows.EnumerateArray().Select(r => r.GetProperty("candidateId").GetInt32()).Order());
        var active = rows.EnumerateArray().Single(r => r.GetProperty("candidateId").GetInt32() == mine[1].Id);
        Assert.Equal("Active", active.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Token_Revoked_Returns401()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var browser = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var secret = await CreateTokenAsync(browser);
        using var api = TokenClient(secret);
        using (var before = await api.GetAsync(new Uri("/api/candidates", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var tokenId = await app.Data.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == staff.Specialist.Id).Select(t => t.Id).SingleAsync());
        using var revoke = await browser.PostFormAsync(
            await browser.GetFormAsync("/Account/Profile", $"/Account/Profile?handler=Revoke&id={tokenId}"), []);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        using var after = await api.GetAsync(new Uri("/api/candidates", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData(Roles.NavVeileder, "/api/candidates")]
    [InlineData(Roles.Leder, "/api/candidates")]
    [InlineData(Roles.Forsker, "/api/candidates")]
    [InlineData(Roles.Jobbspesialist, "/api/referrals/mine")]
    public async Task Token_RoleWithoutAccess_Returns403(string role, string route)
    {
        var team = role == Roles.Jobbspesialist ? await app.Data.AddTeamAsync() : null;
        var user = await app.Data.AddUserAsync(role, team);
        using var api = TokenClient(await CreateTokenAsync(user.UserName!));

        using var response = await api.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Token_RevokedByAnotherUser_Returns404AndKeepsWorking()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var secret = await CreateTokenAsync(staff.Specialist.UserName!);
        var tokenId = await app.Data.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == staff.Specialist.Id).Select(t => t.Id).SingleAsync());
        using var other = await BrowserClient.LoginAsync(app, staff.NavVeileder.UserName!);

        // The other user has no revoke form for this token: their own token (the sign-out form's) goes with the forged post.
        using var revoke = await other.PostFormAsync(await other.GetFormAsync("/Account/Profile", "/Account/Logout"), [], $"/Account/Profile?handler=Revoke&id={tokenId}");

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        using var api = TokenClient(secret);
        using var response = await api.GetAsync(new Uri("/api/candidates", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_Unknown_Returns401()
    {
        using var api = TokenClient("trinn_" + new string('0', 48));

        using var response = await api.GetAsync(new Uri("/api/candidates", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CookieSession_CallsApi_SeesOwnTeamsCandidates()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var result = await client.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/candidates", UriKind.Relative));

        var ids = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([candidate.Id], ids);
    }

    [Fact]
    public async Task OpenApiDocument_Requested_ListsTheApiPaths()
    {
        using var client = BrowserClient.Anonymous(app);

        var doc = await client.Http.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/candidates", paths);
        Assert.Contains("/api/candidates/{id}", paths);
        Assert.Contains("/api/referrals", paths);
        Assert.Contains("/api/referrals/mine", paths);
        Assert.True(doc.GetProperty("paths").GetProperty("/api/referrals").TryGetProperty("post", out _));
    }

    private async Task<string> CreateTokenAsync(string userName)
    {
        using var browser = await BrowserClient.LoginAsync(app, userName);
        return await CreateTokenAsync(browser);
    }

    /// <summary>Creates a read-write personal token on the profile page, as a user does, and reads the secret shown once.</summary>
    private Task<string> CreateTokenAsync(BrowserClient browser) =>
        Security.Sessions.SessionClient.CreateTokenAsync(browser, app.Data.Today.AddDays(90));

    private HttpClient TokenClient(string secret)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private object Referral(Staff staff, string nationalId) => new
    {
        firstName = TestData.Unique("Api"),
        lastName = TestData.Unique("Kandidat"),
        nationalId,
        phone = "40000002",
        referredById = staff.NavVeileder.Id,
        referredOn = app.Data.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        innsatsgruppe = "SpesieltTilpasset",
        reason = "Ønsker arbeid i butikk.",
        teamId = staff.Team.Id,
    };
}

public sealed class ApiSqliteTests(TrinnFactory app) : ApiTests(app), IClassFixture<TrinnFactory>;

public sealed class ApiPostgresTests(PostgresTrinnFactory app) : ApiTests(app), IClassFixture<PostgresTrinnFactory>;
