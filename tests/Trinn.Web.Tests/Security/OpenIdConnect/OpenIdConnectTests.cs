using System.Text.RegularExpressions;
using Trinn.Core.Identity;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Tests.Security.OpenIdConnect;

/// <summary>The settings that turn on OpenID Connect sign-in against a <see cref="FakeIdentityProvider"/>.</summary>
public static class OidcSettings
{
    public const string DisplayName = "Testleverandør";

    public static Dictionary<string, string?> With(Dictionary<string, string?> settings, FakeIdentityProvider idp)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(idp);
        const string s = OpenIdConnectSignInOptions.SectionName + ":";
        settings[s + "Enabled"] = "true";
        settings[s + "DisplayName"] = DisplayName;
        settings[s + "Authority"] = idp.Authority;
        settings[s + "RequireHttpsMetadata"] = "false";
        settings[s + "ClientId"] = FakeIdentityProvider.ClientId;
        settings[s + "ClientSecret"] = FakeIdentityProvider.ClientSecret;
        settings[s + "RoleClaimType"] = "roles";
        settings[s + "RoleMap:trinn-js"] = Roles.Jobbspesialist;
        settings[s + "RoleMap:trinn-leder"] = Roles.Leder;
        settings[s + "TeamClaimType"] = "team";
        settings[s + "AutoProvision"] = "true";
        settings[s + "LinkByUserNameClaim"] = "preferred_username";
        return settings;
    }
}

/// <summary>The app with OpenID Connect sign-in against a <see cref="FakeIdentityProvider"/> started for the test class.</summary>
public class OidcTrinnFactory : TrinnFactory
{
    public const string DisplayName = OidcSettings.DisplayName;

    public OidcTrinnFactory()
    {
        Idp = FakeIdentityProvider.Start();
    }

    public FakeIdentityProvider Idp { get; }

    protected override Dictionary<string, string?> Settings() => OidcSettings.With(base.Settings(), Idp);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Idp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class OidcPostgresTrinnFactory : PostgresTrinnFactory
{
    public OidcPostgresTrinnFactory()
    {
        Idp = FakeIdentityProvider.Start();
    }

    public FakeIdentityProvider Idp { get; }

    protected override Dictionary<string, string?> Settings() => OidcSettings.With(base.Settings(), Idp);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Idp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>Sign-in through the organisation's provider, on SQLite and PostgreSQL.</summary>
public abstract partial class OpenIdConnectTests(TrinnFactory factory, FakeIdentityProvider idp)
{
    [Fact]
    public async Task LoginPage_Enabled_ShowsProviderButton()
    {
        using var client = BrowserClient.Anonymous(factory);
        var html = await client.GetHtmlAsync("/Account/Login");

        Assert.Contains("Logg inn med " + OidcTrinnFactory.DisplayName, html, StringComparison.Ordinal);
        Assert.Contains("action=\"/Account/ExternalLogin\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A browser sends the button's form only with that form's own antiforgery token, and follows the answer to the
    /// provider only if the page's CSP form-action allows the provider's origin (it applies to redirects too).
    /// </summary>
    [Fact]
    public async Task ExternalLoginForm_OwnAntiforgeryTokenRequired_AndCspAllowsTheProvider()
    {
        using var client = BrowserClient.Anonymous(factory);
        var form = await client.GetFormAsync("/Account/Login", "/Account/ExternalLogin");
        using var page = await client.GetAsync("/Account/Login");
        var csp = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));

        using var withoutToken = await client.PostFormAsync(
            form with { Hidden = form.Hidden.Where(h => h.Key != "__RequestVerificationToken").ToDictionary() }, []);
        using var withToken = await client.PostFormAsync(form, []);

        Assert.Contains("form-action 'self' " + new Uri(idp.Authority).GetLeftPart(UriPartial.Authority) + ";", csp, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.StartsWith(idp.Authority + "/authorize", withToken.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeFlow_MappedRoleAndTeam_SignsInNewUserWithThatRole()
    {
        var team = await factory.Data.AddTeamAsync();
        var person = new FakeIdpUser(TestData.Unique("sub-"), "Kari Ekstern", ["trinn-js", "noe-annet"], team.Name);
        using var client = BrowserClient.Anonymous(factory);

        using var done = await SignInAtProviderAsync(client, person);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/", done.RedirectPath());
        using var portfolio = await client.GetAsync("/Portfolio");
        Assert.Equal(HttpStatusCode.OK, portfolio.StatusCode);
        var (user, roles, logins) = await LoadBySubjectAsync(person.Subject);
        Assert.Equal("Kari Ekstern", user.DisplayName);
        Assert.Equal(team.Id, user.TeamId);
        Assert.Equal([Roles.Jobbspesialist], roles);
        Assert.Equal([(OpenIdConnectSignInOptions.Scheme, person.Subject)], logins);
    }

    [Fact]
    public async Task CodeFlow_ClaimChangedSinceLastSignIn_ResyncsRolesAndTeam()
    {
        var team = await factory.Data.AddTeamAsync();
        var subject = TestData.Unique("sub-");
        using (var first = BrowserClient.Anonymous(factory))
        {
            using var signedIn = await SignInAtProviderAsync(first, new FakeIdpUser(subject, "Per Bytter", ["trinn-js"], team.Name));
            Assert.Equal("/", signedIn.RedirectPath());
        }

        using var client = BrowserClient.Anonymous(factory);
        using var again = await SignInAtProviderAsync(client, new FakeIdpUser(subject, "Per Bytter", ["trinn-leder"]));

        Assert.Equal("/", again.RedirectPath());
        var (user, roles, _) = await LoadBySubjectAsync(subject);
        Assert.Equal([Roles.Leder], roles);
        Assert.Null(user.TeamId);
        using var overview = await client.GetAsync("/Overview");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        using var portfolio = await client.GetAsync("/Portfolio");
        Assert.Equal("/Account/AccessDenied", portfolio.RedirectPath());
    }

    [Fact]
    public async Task CodeFlow_RolesChangedAtTheProvider_EndsSessionsSignedInUnderTheOldRoles()
    {
        var team = await factory.Data.AddTeamAsync();
        var subject = TestData.Unique("sub-");
        using var first = BrowserClient.Anonymous(factory);
        using var signedIn = await SignInAtProviderAsync(first, new FakeIdpUser(subject, "Rolle Bytter", ["trinn-js"], team.Name));
        using var unchanged = BrowserClient.Anonymous(factory);
        using var same = await SignInAtProviderAsync(unchanged, new FakeIdpUser(subject, "Rolle Bytter", ["trinn-js"], team.Name));
        using (var kept = await first.GetAsync("/Portfolio"))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }

        using var second = BrowserClient.Anonymous(factory);
        using var changed = await SignInAtProviderAsync(second, new FakeIdpUser(subject, "Rolle Bytter", ["trinn-leder"]));

        using var old = await first.GetAsync("/Portfolio");
        using var current = await second.GetAsync("/Overview");
        Assert.Equal("/Account/Login", old.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task CodeFlow_DeactivatedByAdmin_SessionEndsAndTheProviderCannotSignThemInAgain()
    {
        var team = await factory.Data.AddTeamAsync();
        var person = new FakeIdpUser(TestData.Unique("sub-"), "Deaktivert Ekstern", ["trinn-js"], team.Name);
        using var client = BrowserClient.Anonymous(factory);
        using (var signedIn = await SignInAtProviderAsync(client, person))
        {
            Assert.Equal("/", signedIn.RedirectPath());
        }

        var (user, _, _) = await LoadBySubjectAsync(person.Subject);
        using (var admin = await BrowserClient.LoginAsync(factory, (await factory.Data.AddUserAsync(Roles.Admin)).UserName!))
        {
            var form = await admin.GetFormAsync($"/Admin/Edit/{user.Id}", $"/Admin/Edit/{user.Id}?handler=Deactivate");
            using var deactivated = await admin.PostFormAsync(form, []);
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        }

        using var ended = await client.GetAsync("/Portfolio");
        using var fresh = BrowserClient.Anonymous(factory);
        using var refused = await SignInAtProviderAsync(fresh, person);
        using var after = await fresh.GetAsync("/Portfolio");

        Assert.Equal("/Account/Login", ended.RedirectPath());
        Assert.Contains("Kontoen din er sperret", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("/Account/Login", after.RedirectPath());
    }

    [Fact]
    public async Task CodeFlow_NoClaimMapsToARole_RefusedInNorwegianAndNoUserCreated()
    {
        var person = new FakeIdpUser(TestData.Unique("sub-"), "Uten Rolle", ["helt-annen-gruppe"]);
        using var client = BrowserClient.Anonymous(factory);

        using var refused = await SignInAtProviderAsync(client, person);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Du har ingen rolle som gir tilgang til Trinn", await refused.HtmlAsync(), StringComparison.Ordinal);
        using var home = await client.GetAsync("/Portfolio");
        Assert.Equal("/Account/Login", home.RedirectPath());
        Assert.Equal(0, await factory.Data.WithDbAsync(db => db.UserLogins.CountAsync(l => l.ProviderKey == person.Subject)));
    }

    [Fact]
    public async Task CodeFlow_TeamRoleWithoutKnownTeam_Refused()
    {
        var person = new FakeIdpUser(TestData.Unique("sub-"), "Uten Team", ["trinn-js"], "Et team som ikke finnes");
        using var client = BrowserClient.Anonymous(factory);

        using var refused = await SignInAtProviderAsync(client, person);

        Assert.Contains("Rollen din krever et team", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.WithDbAsync(db => db.UserLogins.CountAsync(l => l.ProviderKey == person.Subject)));
    }

    [Fact]
    public async Task CodeFlow_PreferredUserNameOfLocalUser_LinksOnceAndNeverToASecondSubject()
    {
        var local = await factory.Data.AddUserAsync(Roles.Leder);
        var subject = TestData.Unique("sub-");
        using (var client = BrowserClient.Anonymous(factory))
        {
            using var linked = await SignInAtProviderAsync(client, new FakeIdpUser(subject, "Lokal Leder", ["trinn-leder"], PreferredUserName: local.UserName));
            Assert.Equal("/", linked.RedirectPath());
        }

        using var intruder = BrowserClient.Anonymous(factory);
        var otherSubject = TestData.Unique("sub-");
        using var second = await SignInAtProviderAsync(intruder, new FakeIdpUser(otherSubject, "Annen", ["trinn-leder"], PreferredUserName: local.UserName));

        Assert.Equal(local.Id, (await LoadBySubjectAsync(subject)).User.Id);
        Assert.NotEqual(local.Id, (await LoadBySubjectAsync(otherSubject)).User.Id);
    }

    [Fact]
    public async Task Api_OidcEnabled_StillAnswers401WithoutRedirect()
    {
        using var client = BrowserClient.Anonymous(factory);
        using var api = await client.GetAsync("/api/candidates");
        using var page = await client.GetAsync("/Portfolio");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(api.Headers.Location);
        Assert.Equal("/Account/Login", page.RedirectPath());
    }

    /// <summary>Login page → POST /Account/ExternalLogin → provider's authorize → form_post to /signin-oidc → callback.</summary>
    private async Task<HttpResponseMessage> SignInAtProviderAsync(BrowserClient client, FakeIdpUser person)
    {
        idp.NextUser = person;
        // Exactly the fields of the form the button is in: its own antiforgery token and returnUrl.
        var login = await client.GetFormAsync("/Account/Login", "/Account/ExternalLogin");
        using var challenge = await client.PostFormAsync(login, []);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorizeUrl = challenge.Headers.Location!;
        Assert.StartsWith(idp.Authority + "/authorize", authorizeUrl.ToString(), StringComparison.Ordinal);

        using var idpClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorize = await idpClient.GetAsync(authorizeUrl);
        var html = await authorize.Content.ReadAsStringAsync();
        using var callback = await AnswerToAppAsync(client, authorize, html);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"/signin-oidc gave {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        Assert.Equal("/Account/ExternalCallback", callback.RedirectPath());
        return await client.GetAsync(callback.Headers.Location!.PathAndQuery());
    }

    /// <summary>Delivers the provider's answer to /signin-oidc: a query redirect (plain http) or a form_post page.</summary>
    private static async Task<HttpResponseMessage> AnswerToAppAsync(BrowserClient client, HttpResponseMessage authorize, string html)
    {
        if (authorize.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.GetAsync(authorize.Headers.Location!.PathAndQuery());
        }

        Assert.True(authorize.IsSuccessStatusCode, html);
        var action = new Uri(WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(new Uri(action.PathAndQuery, UriKind.Relative), content);
    }

    private async Task<(TrinnUser User, List<string> Roles, List<(string, string)> Logins)> LoadBySubjectAsync(string subject) =>
        await factory.Data.WithDbAsync(async db =>
        {
            var login = await db.UserLogins.AsNoTracking().SingleAsync(l => l.ProviderKey == subject);
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == login.UserId);
            var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
            var logins = await db.UserLogins.Where(l => l.UserId == user.Id).Select(l => new { l.LoginProvider, l.ProviderKey }).ToListAsync();
            return (user, roles, logins.Select(l => (l.LoginProvider, l.ProviderKey)).ToList());
        });

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}

public sealed class OpenIdConnectSqliteTests(OidcTrinnFactory factory) : OpenIdConnectTests(factory, factory.Idp), IClassFixture<OidcTrinnFactory>;

public sealed class OpenIdConnectPostgresTests(OidcPostgresTrinnFactory factory) : OpenIdConnectTests(factory, factory.Idp), IClassFixture<OidcPostgresTrinnFactory>;

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) =>
        uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

/// <summary>The same provider with the app as in production: https only, SameSite=None correlation cookies, form_post.</summary>
public sealed class OidcProductionFactory : OidcTrinnFactory
{
    protected override string EnvironmentName => "Production";

    protected override Dictionary<string, string?> Settings() => ProductionFactory.WithProductionKeys(base.Settings());
}

public sealed partial class OpenIdConnectProductionTests(OidcProductionFactory factory) : IClassFixture<OidcProductionFactory>
{
    [Fact]
    public async Task CodeFlow_Https_ProviderAnswersWithFormPostAndUserIsSignedIn()
    {
        var team = await factory.Data.AddTeamAsync();
        var person = new FakeIdpUser(TestData.Unique("sub-"), "Prod Bruker", ["trinn-js"], team.Name);
        factory.Idp.NextUser = person;
        using var client = new BrowserClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            // The production public address (ProductionFactory): the only host Trinn answers for in production.
            BaseAddress = new Uri("https://trinn.example"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        }));
        var login = await client.GetFormAsync("/Account/Login", "/Account/ExternalLogin");
        using var challenge = await client.PostFormAsync(login, []);
        var correlation = challenge.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.Contains("secure", correlation, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=none", correlation, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("response_mode=form_post", challenge.Headers.Location!.Query, StringComparison.Ordinal);

        using var idpClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var html = await idpClient.GetStringAsync(challenge.Headers.Location);
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Contains("https://trinn.example/signin-oidc", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        using var content = new FormUrlEncodedContent(fields);
        using var callback = await client.Http.PostAsync(new Uri("/signin-oidc", UriKind.Relative), content);
        Assert.Equal("/Account/ExternalCallback", callback.RedirectPath());
        using var done = await client.GetAsync(callback.Headers.Location!.PathAndQuery());
        Assert.Equal("/", done.RedirectPath());

        using var portfolio = await client.GetAsync("/Portfolio");
        Assert.Equal(HttpStatusCode.OK, portfolio.StatusCode);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}

/// <summary>Without the configuration section, sign-in is local only.</summary>
public sealed class OpenIdConnectDisabledTests(TrinnFactory factory) : IClassFixture<TrinnFactory>
{
    [Fact]
    public async Task LoginPage_Disabled_HasNoProviderButton()
    {
        using var client = BrowserClient.Anonymous(factory);
        var html = await client.GetHtmlAsync("/Account/Login");

        Assert.DoesNotContain("Logg inn med", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Account/ExternalLogin", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/Account/ExternalLogin")]
    [InlineData("POST", "/Account/ExternalLogin")]
    [InlineData("GET", "/Account/ExternalCallback")]
    public async Task ExternalEndpoints_Disabled_AreNotFound(string method, string path)
    {
        using var client = BrowserClient.Anonymous(factory);
        var login = await client.GetFormAsync("/Account/Login");
        using var response = method == "GET" ? await client.GetAsync(path) : await client.PostFormAsync(login, [], path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>A broken section stops the app at start-up with a message naming the setting.</summary>
public sealed class OpenIdConnectConfigurationTests
{
    [Theory]
    [InlineData("RoleMap:x", "Sjef", "unknown role 'Sjef'")]
    [InlineData("ClientSecret", "", "ClientSecret is required")]
    [InlineData("Authority", "http://idp.example", "Authority must use https")]
    [InlineData("Authority", "ikke-en-url", "Authority must be the provider's absolute issuer URL")]
    public void Startup_BadSetting_FailsWithClearMessage(string key, string value, string expected)
    {
        using var factory = new MisconfiguredFactory(key, value);

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("OpenID Connect sign-in is misconfigured", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Disabled_AcceptsAnything() =>
        Assert.Empty(new OpenIdConnectSignInOptions { Enabled = false, Authority = "x" }.Validate());

    private sealed class MisconfiguredFactory(string key, string value) : TrinnFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            const string s = OpenIdConnectSignInOptions.SectionName + ":";
            settings[s + "Enabled"] = "true";
            settings[s + "DisplayName"] = "NAV";
            settings[s + "Authority"] = "https://idp.example";
            settings[s + "ClientId"] = "trinn";
            settings[s + "ClientSecret"] = "secret";
            settings[s + "RoleMap:trinn-js"] = Roles.Jobbspesialist;
            settings[s + key] = value;
            return settings;
        }
    }
}
