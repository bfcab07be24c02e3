using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Trinn.Core.Identity;
using TestData = Trinn.Web.Tests.Infrastructure.TestData;

namespace Trinn.Web.Tests.Security.HostileInput;

/// <summary>
/// POST /api/referrals (the API's only write) with a hostile string in one text field: never 500; either 201 and the
/// value stored trimmed and returned unchanged by GET /api/candidates/{id} and shown encoded on the candidate page, or
/// 400 with a message for that field and nothing stored. JSON carries what a form cannot: U+0000 and unpaired surrogates.
/// </summary>
public abstract class HostileApiTests(TrinnFactory app)
{
    private static readonly string[] TextFields = ["firstName", "lastName", "phone", "email", "address", "reason"];

    [Fact]
    public async Task PostReferral_HostileStrings_StoredExactlyOrRefusedAtTheField()
    {
        var scene = await HostileScene.ForAsync(app);
        var property = Prop.ForAll(Gen.Elements(TextFields).ToArbitrary(), HostileStrings.Arbitrary(), (field, value) =>
            Task.Run(() => CheckAsync(scene, field, value.Value)).GetAwaiter().GetResult());
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(HostileFormSqliteTests.Cases).WithQuietOnSuccess(true), property));
    }

    /// <summary>The same property through a read-write personal API token (the way other systems post).</summary>
    [Fact]
    public async Task PostReferral_ReadWriteToken_HostileStrings_StoredExactlyOrRefusedAtTheField()
    {
        var scene = await HostileScene.ForAsync(app);
        using var token = await TokenClientAsync(scene, ApiTokenScope.ReadWrite);
        var property = Prop.ForAll(Gen.Elements(TextFields).ToArbitrary(), HostileStrings.Arbitrary(), (field, value) =>
            Task.Run(() => CheckAsync(scene, field, value.Value, token)).GetAwaiter().GetResult());
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(HostileFormSqliteTests.Cases).WithQuietOnSuccess(true), property));
    }

    /// <summary>A read-only token is refused before the body is even read: 403 whatever it carries, and nothing stored.</summary>
    [Fact]
    public async Task PostReferral_ReadOnlyToken_HostileStrings_Always403AndNothingStored()
    {
        var scene = await HostileScene.ForAsync(app);
        using var token = await TokenClientAsync(scene, ApiTokenScope.Read);
        var property = Prop.ForAll(Gen.Elements(TextFields).ToArbitrary(), HostileStrings.Arbitrary(), (field, value) =>
            Task.Run(async () =>
            {
                var after = await scene.WithDbAsync(db => db.Candidates.MaxAsync(c => (int?)c.Id)) ?? 0;
                using var response = await PostAsync(scene, field, value.Value, token);
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal(0, await scene.WithDbAsync(db => db.Candidates.CountAsync(c => c.Id > after && c.TeamId == scene.Team.Id)));
            }).GetAwaiter().GetResult());
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(HostileFormSqliteTests.Cases).WithQuietOnSuccess(true), property));
    }

    [Theory]
    [InlineData("firstName", "Kari\0")]
    [InlineData("reason", "Ønsker\u0001 arbeid")]
    [InlineData("lastName", "Nord\uD800mann")]
    [InlineData("address", "\u001b[31mVeien 1")]
    public async Task PostReferral_ControlCharacterOrLoneSurrogate_RefusedWithNorwegianFieldMessage(string field, string value)
    {
        var scene = await HostileScene.ForAsync(app);
        var before = await scene.WithDbAsync(db => db.Candidates.CountAsync());

        using var response = await PostAsync(scene, field, value);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("Feltet inneholder usynlige kontrolltegn eller ugyldige tegn (som �) som ikke kan lagres. Fjern dem og prøv igjen.", errors.GetProperty(field)[0].GetString());
        Assert.Equal(before, await scene.WithDbAsync(db => db.Candidates.CountAsync()));
    }

    private static async Task CheckAsync(HostileScene scene, string field, string value, HttpClient? client = null)
    {
        var after = await scene.WithDbAsync(db => db.Candidates.MaxAsync(c => (int?)c.Id)) ?? 0;
        using var response = await PostAsync(scene, field, value, client);
        var body = await response.Content.ReadAsStringAsync();
        var because = $"POST /api/referrals {field} = {new HostileString(value)}: {(int)response.StatusCode} {(body.Length > 800 ? body[..800] : body)}";
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, because);
        var created = await scene.WithDbAsync(db => db.Candidates.AsNoTracking().Where(c => c.Id > after).Include(c => c.Referral).ToListAsync());
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(created);
            var problem = JsonDocument.Parse(body).RootElement;
            if (!problem.TryGetProperty("errors", out var errors))
            {
                // System.Text.Json refuses some unpaired surrogate escapes as invalid JSON before Trinn sees the body.
                Assert.True(value.Any(char.IsSurrogate), because);
                return;
            }

            Assert.True(errors.TryGetProperty(field, out var message) && message[0].GetString() is { Length: > 0 }, because);
            return;
        }

        var expected = field is "phone" or "email" or "address" && string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var candidate = Assert.Single(created);
        var stored = field == "reason" ? candidate.Referral!.Reason : (string?)typeof(Trinn.Core.Candidates.Candidate)
            .GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!.GetValue(candidate);
        Assert.True(stored == expected, because + ": stored " + (stored is null ? "null" : new HostileString(stored).ToString()));

        var reader = scene.Client(Roles.Jobbspesialist);
        using var read = await reader.GetAsync($"/api/candidates/{candidate.Id}");
        var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        var returned = field == "reason" ? json.GetProperty("referral").GetProperty("reason") : json.GetProperty(field);
        Assert.Equal(expected, returned.ValueKind == JsonValueKind.Null ? null : returned.GetString());

        var html = await (await reader.GetAsync($"/Candidates/Details/{candidate.Id}")).Content.ReadAsStringAsync();
        foreach (var markup in HostileStrings.RawMarkup)
        {
            Assert.DoesNotContain(markup, html, StringComparison.OrdinalIgnoreCase);
        }

        if (expected is not null && field is "firstName" or "lastName")
        {
            Assert.Contains(expected, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
    }

    /// <summary>Posts a valid referral with one field replaced, written as JSON by hand so that every character arrives as sent.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HostileScene scene, string field, string value, HttpClient? client = null)
    {
        var fields = new Dictionary<string, string?>
        {
            ["firstName"] = TestData.Unique("Api"),
            ["lastName"] = TestData.Unique("Fiendtlig"),
            ["nationalId"] = TestData.SyntheticNationalId(),
            ["phone"] = null,
            ["email"] = null,
            ["address"] = null,
            ["referredById"] = scene.NavVeileder.Id,
            ["referredOn"] = HostileScene.Iso(scene.Today.AddDays(-1)),
            ["innsatsgruppe"] = "Situasjonsbestemt",
            ["reason"] = "Ønsker arbeid.",
            ["teamId"] = null,
            ["primarySpecialistId"] = scene.Specialist.Id,
            [field] = value,
        };
        var json = new StringBuilder("{");
        foreach (var (key, v) in fields)
        {
            json.Append('"').Append(key).Append("\":").Append(key == "teamId" ? HostileScene.S(scene.Team.Id) : v is null ? "null" : JsonString(v)).Append(',');
        }

        json.Length--;
        json.Append('}');
        using var content = new StringContent(json.ToString(), Encoding.UTF8, "application/json");
        return await (client ?? scene.Client(Roles.Jobbspesialist).Http).PostAsync(new Uri("/api/referrals", UriKind.Relative), content);
    }

    /// <summary>A client that sends only a personal API token of the scene's jobbspesialist.</summary>
    private async Task<HttpClient> TokenClientAsync(HostileScene scene, ApiTokenScope scope)
    {
        var (token, secret) = ApiToken.Create(scene.Specialist.Id, "Fiendtlig", scope, DateTime.UtcNow.AddDays(7), DateTime.UtcNow);
        await scene.WithDbAsync(db =>
        {
            db.ApiTokens.Add(token);
            return db.SaveChangesAsync();
        });
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static string JsonString(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return sb.Append('"').ToString();
    }
}

public sealed class HostileApiSqliteTests(TrinnFactory app) : HostileApiTests(app), IClassFixture<TrinnFactory>;

public sealed class HostileApiPostgresTests(PostgresTrinnFactory app) : HostileApiTests(app), IClassFixture<PostgresTrinnFactory>;
