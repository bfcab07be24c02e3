using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Trinn.Web.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, never follows redirects, and reads and posts forms.</summary>
public sealed class BrowserClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static BrowserClient Anonymous(TrinnFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new BrowserClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
    }

    /// <summary>Signs in through the real login page and checks that the sign-in succeeded.</summary>
    public static async Task<BrowserClient> LoginAsync(TrinnFactory factory, string userName, string password = TestData.Password)
    {
        var client = Anonymous(factory);
        var response = await client.TryLoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>
    /// Like <see cref="Anonymous"/>, but the cookies live in <paramref name="jar"/>, so a test can read a cookie and
    /// replay it later from another client (as an attacker with a copied cookie would).
    /// </summary>
    public static BrowserClient WithCookieJar(TrinnFactory factory, CookieContainer jar)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new BrowserClient(factory.CreateDefaultClient(new Uri("http://localhost"), new CookieJarHandler(jar)));
    }

    public async Task<HttpResponseMessage> TryLoginAsync(string userName, string password)
    {
        var form = await GetFormAsync("/Account/Login");
        return await PostFormAsync(form, new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetHtmlAsync(string url)
    {
        using var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}: {body}");
        }

        return WebUtility.HtmlDecode(body);
    }

    /// <summary>
    /// GETs a page and keeps the form the user clicks: the one that posts to <paramref name="action"/>, by default back
    /// to the page, with its own hidden fields and antiforgery token (not another form's).
    /// </summary>
    public Task<HtmlForm> GetFormAsync(string url, string? action = null) => Http.GetFormAsync(url, action);

    /// <summary>Posts the form's hidden fields plus <paramref name="fields"/> (which win) to the form's URL.</summary>
    public Task<HttpResponseMessage> PostFormAsync(HtmlForm form, Dictionary<string, string> fields, string? action = null) =>
        Http.PostFormAsync(form, fields, action);

    /// <summary>GETs the form and posts it at once.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, Dictionary<string, string> fields) =>
        await PostFormAsync(await GetFormAsync(url), fields);

    public Task<HttpResponseMessage> PostJsonAsync<T>(string url, T body) => Http.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);

    public void Dispose() => Http.Dispose();
}

/// <summary>Keeps cookies in a container the test owns (sends them, and stores every Set-Cookie of the answers).</summary>
internal sealed class CookieJarHandler(CookieContainer jar) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = jar.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                jar.SetCookies(uri, cookie);
            }
        }

        return response;
    }
}

public static class ResponseExtensions
{
    /// <summary>The path a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} has no Location header.");
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        return absolute.AbsolutePath;
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text of the field message the form field tag helper renders under a field (id <c>{field}-error</c>).</summary>
    public static string? FieldError(string html, string fieldId)
    {
        ArgumentNullException.ThrowIfNull(html);
        var match = Regex.Match(html, $"<div[^>]*id=\"{Regex.Escape(fieldId)}-error\"[^>]*>\\s*<p[^>]*>(?<text>.*?)</p>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value) : null;
    }
}
