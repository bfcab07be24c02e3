using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Identity;
using Trinn.Web.Tests.Security.Sessions;

namespace Trinn.Web.Tests.Security;

/// <summary>Behind a reverse proxy: client addresses only from configured proxies, one sign-in allowance per client.</summary>
public sealed class ProxyFactory : TrinnFactory
{
    public const string Proxy = "10.9.0.1";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["ReverseProxy:KnownProxies:0"] = Proxy;
        settings["Security:SensitiveRequestsPerMinute"] = "3";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }
}

public sealed class ReverseProxyTests(ProxyFactory app) : IClassFixture<ProxyFactory>
{
    [Fact]
    public async Task KnownProxy_ForwardedFor_EachClientHasItsOwnSignInAllowance()
    {
        var first = await AttemptsAsync(ProxyFactory.Proxy, "203.0.113.21", 4);
        var second = await AttemptsAsync(ProxyFactory.Proxy, "203.0.113.22", 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first.Take(3));
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task UnknownPeer_ForwardedForIgnored_AllItsClientsShareItsAllowance()
    {
        var first = await AttemptsAsync("10.9.9.9", "203.0.113.31", 3);
        var second = await AttemptsAsync("10.9.9.9", "203.0.113.32", 1);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first);
        Assert.Equal([HttpStatusCode.TooManyRequests], second);
    }

    private async Task<List<HttpStatusCode>> AttemptsAsync(string peer, string forwardedFor, int count)
    {
        using var client = BrowserClient.Anonymous(app);
        client.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, peer);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var form = await client.GetFormAsync("/Account/Login");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostFormAsync(form, new() { ["Input.UserName"] = "ingen", ["Input.Password"] = "feil" });
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}

/// <summary>
/// Failed sign-ins behind a known proxy are counted per forwarded client (the throttle is in the database): a stranger
/// behind the same proxy as a colleague cannot make the colleague wait. SQLite and PostgreSQL.
/// </summary>
public abstract class ProxiedSignInThrottleTests(TrinnFactory app)
{
    [Fact]
    public async Task KnownProxy_FailuresOfOneClient_ThatClientWaitsAndAnotherBehindTheSameProxySignsIn()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
        {
            using var failed = await SignInAsync("203.0.113.41", user.UserName!, "Feil!2345");
            Assert.Equal(LoginMessages.Failed, ResponseExtensions.FieldError(await failed.HtmlAsync(), "Input_UserName"));
        }

        using var waiting = await SignInAsync("203.0.113.41", user.UserName!, TestData.Password);
        using var colleague = await SignInAsync("203.0.113.42", user.UserName!, TestData.Password);

        Assert.Equal(LoginMessages.Failed, ResponseExtensions.FieldError(await waiting.HtmlAsync(), "Input_UserName"));
        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
    }

    private async Task<HttpResponseMessage> SignInAsync(string client, string userName, string password)
    {
        using var browser = BrowserClient.Anonymous(app);
        browser.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, ProxyFactory.Proxy);
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return await browser.TryLoginAsync(userName, password);
    }
}

/// <summary>A known proxy in front, the usual test request limit.</summary>
public sealed class ProxiedFactory : TrinnFactory
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["ReverseProxy:KnownProxies:0"] = ProxyFactory.Proxy;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }
}

public sealed class ProxiedPostgresFactory : PostgresTrinnFactory
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["ReverseProxy:KnownProxies:0"] = ProxyFactory.Proxy;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }
}

public sealed class ProxiedSignInThrottleSqliteTests(ProxiedFactory app) : ProxiedSignInThrottleTests(app), IClassFixture<ProxiedFactory>;

public sealed class ProxiedSignInThrottlePostgresTests(ProxiedPostgresFactory app) : ProxiedSignInThrottleTests(app), IClassFixture<ProxiedPostgresFactory>;

/// <summary>Absolute links come from App:PublicBaseUrl, never from the Host header a request brings.</summary>
public sealed class PublicUrlFactory : TrinnFactory
{
    public const string PublicBase = "https://trinn.example.no";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["App:PublicBaseUrl"] = PublicBase;
        return settings;
    }
}

public sealed class PublicUrlPostgresFactory : PostgresTrinnFactory
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["App:PublicBaseUrl"] = PublicUrlFactory.PublicBase;
        return settings;
    }
}

public abstract partial class PublicUrlTests(TrinnFactory app)
{
    [Fact]
    public async Task ResetLink_HostileHostHeader_BuiltFromThePublicBaseUrl()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        using var admin = await BrowserClient.LoginAsync(app, (await app.Data.AddUserAsync(Roles.Admin)).UserName!);
        var action = $"/Admin?handler=ResetLink&id={user.Id}";
        var form = await admin.GetFormAsync("/Admin", action);
        admin.Http.DefaultRequestHeaders.Host = "evil.example";

        using var response = await admin.PostFormAsync(form, []);

        var link = WebUtility.HtmlDecode(ResetLink().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.StartsWith(PublicUrlFactory.PublicBase + "/Account/ResetPassword?bruker=", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeed_AddressAndEventLinks_BuiltFromThePublicBaseUrl()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, nextAction: "Ringe arbeidsgiver");
        using var session = await SessionClient.SignInAsync(app, staff.Specialist.UserName!);
        session.Browser.Http.DefaultRequestHeaders.Host = "evil.example";
        var form = await session.Browser.GetFormAsync("/FollowUps/Calendar", "/FollowUps/Calendar?handler=Create");
        using var created = await session.Browser.PostFormAsync(form, []);
        var html = await created.HtmlAsync();

        var address = FeedAddress().Match(html).Value;
        Assert.StartsWith(PublicUrlFactory.PublicBase + "/FollowUps/Feed/", address, StringComparison.Ordinal);
        using var anonymous = BrowserClient.Anonymous(app);
        anonymous.Http.DefaultRequestHeaders.Host = "evil.example";
        var ics = await (await anonymous.GetAsync(new Uri(address).PathAndQuery)).Content.ReadAsStringAsync();
        Assert.Contains($"URL:{PublicUrlFactory.PublicBase}/Candidates/Details/{candidate.Id}", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", ics, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"reset-link\">([^<]*)<")]
    private static partial Regex ResetLink();

    [GeneratedRegex("https?://[^<\"]*/FollowUps/Feed/[0-9a-f]{64}")]
    private static partial Regex FeedAddress();
}

public sealed class PublicUrlSqliteTests(PublicUrlFactory app) : PublicUrlTests(app), IClassFixture<PublicUrlFactory>;

public sealed class PublicUrlPostgresTests(PublicUrlPostgresFactory app) : PublicUrlTests(app), IClassFixture<PublicUrlPostgresFactory>;

/// <summary>In production, requests for any other host than the public one are refused.</summary>
public sealed class AllowedHostsTests(ProductionFactory app) : IClassFixture<ProductionFactory>
{
    [Theory]
    [InlineData("trinn.example", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.BadRequest)]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    public async Task Production_HostHeader_OnlyThePublicHostIsServed(string host, HttpStatusCode expected)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://trinn.example") });
        client.DefaultRequestHeaders.Host = host;

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }
}

/// <summary>Settings that would make Trinn insecure behind a proxy stop the start with a message naming them.</summary>
public sealed class HostingConfigurationTests
{
    [Theory]
    [InlineData("Production", null, null, "App:PublicBaseUrl is required outside Development and Testing")]
    [InlineData("Production", "http://trinn.example.no", null, "App:PublicBaseUrl must use https")]
    [InlineData("Production", "https://trinn.example.no/?x=1", null, "App:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Testing", null, "10.0.0.300", "ReverseProxy:KnownProxies: '10.0.0.300' is not an IP address")]
    public void Startup_BadHostingSetting_FailsWithClearMessage(string environment, string? publicBase, string? proxy, string expected)
    {
        using var factory = new Misconfigured(environment, publicBase, proxy);

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("Trinn's hosting settings are wrong", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private sealed class Misconfigured(string environment, string? publicBase, string? proxy) : TrinnFactory
    {
        protected override string EnvironmentName => environment;

        protected override Dictionary<string, string?> Settings()
        {
            var settings = ProductionFactory.WithProductionKeys(base.Settings());
            settings["App:PublicBaseUrl"] = publicBase;
            if (proxy is not null)
            {
                settings["ReverseProxy:KnownProxies:0"] = proxy;
            }

            return settings;
        }
    }
}

/// <summary>The real Kestrel server (the test server adds no Server header of its own, so this is the only honest check).</summary>
public sealed class KestrelHeaderTests : IDisposable
{
    private readonly TrinnFactory factory = new();
    private readonly Uri address;

    public KestrelHeaderTests()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/candidates")]
    public async Task Kestrel_AnyResponse_HasNoServerHeaderAndTheSecurityHeaders(string path)
    {
        using var client = new HttpClient { BaseAddress = address };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>The OpenAPI document tells a generated client how to sign in and what refusals look like.</summary>
public sealed class OpenApiSecurityTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    [Fact]
    public async Task OpenApiDocument_DeclaresBearerSchemeAnd401And403OnEveryOperation()
    {
        using var client = BrowserClient.Anonymous(app);
        using var response = await client.GetAsync("/openapi/v1.json");
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("trinnToken");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var operations = doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, op =>
        {
            var responses = op.Value.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _), op.Name);
            Assert.True(responses.TryGetProperty("403", out _), op.Name);
            Assert.Contains(op.Value.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("trinnToken", out _));
        });
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
