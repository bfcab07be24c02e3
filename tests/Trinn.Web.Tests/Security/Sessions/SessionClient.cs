using System.Text.RegularExpressions;

namespace Trinn.Web.Tests.Security.Sessions;

/// <summary>
/// A signed-in browser whose sign-in cookie the test can copy, and a bare client that replays that copy later, as
/// someone who took the cookie off the machine would.
/// </summary>
public sealed partial class SessionClient : IDisposable
{
    private SessionClient(BrowserClient browser, string cookie)
    {
        Browser = browser;
        Cookie = cookie;
    }

    public BrowserClient Browser { get; }

    /// <summary>The <c>Cookie</c> header value with the sign-in cookie as issued at sign-in.</summary>
    public string Cookie { get; }

    public static async Task<SessionClient> SignInAsync(TrinnFactory app, string userName, string password = TestData.Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var jar = new CookieContainer();
        var browser = BrowserClient.WithCookieJar(app, jar);
        using var login = await browser.TryLoginAsync(userName, password);
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)login.StatusCode}");
        }

        var cookies = jar.GetCookies(new Uri("http://localhost/")).Where(c => c.Name.StartsWith("trinn.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cookies);
        return new SessionClient(browser, string.Join("; ", cookies.Select(c => c.Name + "=" + c.Value)));
    }

    /// <summary>GET with nothing but the copied sign-in cookie.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(TrinnFactory app, string cookie, string url)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> ReplayAsync(TrinnFactory app, string url) => ReplayAsync(app, Cookie, url);

    /// <summary>Clicks "Logg ut" in the page header (the layout's sign-out form with its own antiforgery token).</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var form = await Browser.GetFormAsync("/Account/Profile", "/Account/Logout");
        return await Browser.PostFormAsync(form, []);
    }

    /// <summary>Makes a calendar feed on /FollowUps/Calendar and returns its path (team members only).</summary>
    public async Task<string> CreateFeedAsync()
    {
        var form = await Browser.GetFormAsync("/FollowUps/Calendar", "/FollowUps/Calendar?handler=Create");
        using var created = await Browser.PostFormAsync(form, []);
        var match = FeedPath().Match(await created.HtmlAsync());
        Assert.True(match.Success, "No feed address was shown.");
        return match.Value;
    }

    /// <summary>Makes a personal API token on the profile page, as a user does, and returns the secret shown once.</summary>
    public static async Task<string> CreateTokenAsync(BrowserClient browser, DateOnly expiresOn, string scope = "ReadWrite")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var form = await browser.GetFormAsync("/Account/Profile", "/Account/Profile?handler=Create");
        using var response = await browser.PostFormAsync(form, new()
        {
            ["Input.Name"] = "Integrasjon",
            ["Input.Scope"] = scope == "ReadWrite" ? "1" : "0",
            ["Input.ExpiresOn"] = expiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var match = NewToken().Match(await response.HtmlAsync());
        Assert.True(match.Success, "The profile page did not show a new token.");
        return match.Groups["secret"].Value;
    }

    /// <summary>A client that sends only the bearer token.</summary>
    public static HttpClient TokenClient(TrinnFactory app, string secret)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public void Dispose() => Browser.Dispose();

    [GeneratedRegex("/FollowUps/Feed/[0-9a-f]{64}")]
    private static partial Regex FeedPath();

    [GeneratedRegex("data-testid=\"new-token\"[^>]*>(?<secret>trinn_[0-9a-f]+)<")]
    private static partial Regex NewToken();
}
