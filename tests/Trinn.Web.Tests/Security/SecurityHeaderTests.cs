using Microsoft.AspNetCore.Mvc.Testing;

namespace Trinn.Web.Tests.Security;

public sealed class SecurityHeaderTests(TrinnFactory factory) : IClassFixture<TrinnFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/Portfolio")]
    [InlineData("/does-not-exist")]
    public async Task AnyResponse_CarriesSecurityHeaders(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptsOrStyles()
    {
        using var client = BrowserClient.Anonymous(factory);
        var html = await client.GetHtmlAsync("/Account/Login");

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndSameSite()
    {
        var user = await factory.Data.AddUserAsync(Trinn.Core.Identity.Roles.Jobbspesialist, await factory.Data.AddTeamAsync());
        using var client = BrowserClient.Anonymous(factory);
        using var response = await client.TryLoginAsync(user.UserName!, TestData.Password);

        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("trinn.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class RateLimitTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task Login_MoreAttemptsThanTheLimit_AreRefusedWith429()
    {
        using var client = BrowserClient.Anonymous(factory);
        client.Http.DefaultRequestHeaders.Add(StrictRateLimitFactory.ClientAddressHeader, "10.0.1.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < StrictRateLimitFactory.Limit + 2; i++)
        {
            using var response = await client.TryLoginAsync("nobody", "wrong-password");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(StrictRateLimitFactory.Limit), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>Every route that takes a secret token in its URL, and every sign-in post, is limited per client address.</summary>
    [Theory]
    [InlineData("GET", "/Account/ResetPassword?bruker=x&kode=gjett", "10.0.0.1")]
    [InlineData("POST", "/Account/ResetPassword", "10.0.0.2")]
    [InlineData("GET", "/FollowUps/Feed?token=gjett", "10.0.0.3")]
    [InlineData("POST", "/Account/ExternalLogin", "10.0.0.4")]
    [InlineData("POST", "/signin-oidc", "10.0.0.5")]
    [InlineData("GET", "/signin-oidc?code=gjett&state=x", "10.0.0.6")]
    public async Task TokenLinkOrSignIn_MoreRequestsThanTheLimit_AreRefusedWith429(string method, string path, string clientAddress)
    {
        using var client = BrowserClient.Anonymous(factory);
        // Each route has its own client address, so the cases do not use up one another's allowance.
        client.Http.DefaultRequestHeaders.Add(StrictRateLimitFactory.ClientAddressHeader, clientAddress);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < StrictRateLimitFactory.Limit + 2; i++)
        {
            using var content = new FormUrlEncodedContent([]);
            using var response = method == "GET" ? await client.GetAsync(path) : await client.Http.PostAsync(new Uri(path, UriKind.Relative), content);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(StrictRateLimitFactory.Limit), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task TokenLink_OtherClientAddress_HasItsOwnAllowance()
    {
        using var greedy = BrowserClient.Anonymous(factory);
        greedy.Http.DefaultRequestHeaders.Add(StrictRateLimitFactory.ClientAddressHeader, "10.0.2.1");
        for (var i = 0; i < StrictRateLimitFactory.Limit + 1; i++)
        {
            using var used = await greedy.GetAsync("/Account/ResetPassword");
        }

        using var other = BrowserClient.Anonymous(factory);
        other.Http.DefaultRequestHeaders.Add(StrictRateLimitFactory.ClientAddressHeader, "10.0.2.2");
        using var response = await other.GetAsync("/Account/ResetPassword");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class ProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Https_ResponseCarriesHsts()
    {
        // HSTS is never sent for localhost, so the request names a real host.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://trinn.example"), AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFound_ShowsGenericPageWithoutDetails()
    {
        var user = await factory.Data.AddUserAsync(Trinn.Core.Identity.Roles.Jobbspesialist, await factory.Data.AddTeamAsync());
        using var client = new BrowserClient(factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://trinn.example"), AllowAutoRedirect = false }));
        using var login = await client.TryLoginAsync(user.UserName!, TestData.Password);
        using var response = await client.GetAsync("/nope/x");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Fant ikke siden", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
