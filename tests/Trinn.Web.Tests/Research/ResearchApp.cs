using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Research;

/// <summary>
/// The real app on a fresh SQLite file migrated by the app, with one user per role (user name = role in lower case).
/// </summary>
public sealed class ResearchApp : TrinnFactory, IAsyncLifetime
{
    public const string Password = "Forsk!Passord1";

    public async Task InitializeAsync()
    {
        foreach (var role in Roles.All)
        {
            // Team roles need a team for their own pages, not for being refused here.
            await Data.AddUserAsync(role, teamId: null, role.ToLowerInvariant(), "Test " + role, Password);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A client that keeps cookies, does not follow redirects, and is signed in as <paramref name="role"/>.</summary>
    public async Task<ResearchClient> LoginAsync(string role)
    {
        var client = Anonymous();
        using var response = await client.Http.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = role.ToLowerInvariant(),
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public ResearchClient Anonymous() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}

/// <summary>Page requests as a browser makes them: GET pages, upload a file with the page's antiforgery token.</summary>
public sealed partial class ResearchClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>The page's HTML (entities decoded); fails unless it answers 200.</summary>
    public async Task<string> HtmlAsync(string url)
    {
        using var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}: {body}");
        return WebUtility.HtmlDecode(body);
    }

    /// <summary>Uploads <paramref name="content"/> as a CSV file on /Research; returns the response (302 on success).</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName = "data.csv")
    {
        var token = (await Http.GetFormAsync("/Research", "/Research?handler=Upload")).Token;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "DataFile", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await Http.PostAsync(new Uri("/Research?handler=Upload", UriKind.Relative), form);
    }

    public Task<HttpResponseMessage> UploadAsync(string csv, string fileName = "data.csv") => UploadAsync(Encoding.UTF8.GetBytes(csv), fileName);

    /// <summary>Uploads a CSV that must be accepted and returns the id the analysis form carries.</summary>
    public async Task<string> UploadOkAsync(string csv)
    {
        using var response = await UploadAsync(csv);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var html = await HtmlAsync("/Research?Input.Analysis=descriptives");
        return DatasetField().Match(html).Groups["v"].Value;
    }

    /// <summary>Runs an analysis the way the form does (GET) and returns the page's HTML.</summary>
    public Task<string> RunAsync(string dataset, string analysis, params (string Key, string Value)[] fields)
    {
        var query = string.Join('&', fields.Prepend(("Input.Run", "true")).Prepend(("Input.Dataset", dataset)).Prepend(("Input.Analysis", analysis))
            .Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));
        return HtmlAsync("/Research?" + query);
    }

    public void Dispose() => Http.Dispose();

    /// <summary>The text of the message under a field (id <c>{fieldId}-error</c>), or null.</summary>
    public static string? FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(fieldId)}-error\"[^>]*>\\s*<p[^>]*>(?<text>.*?)</p>", RegexOptions.Singleline);
        return match.Success ? match.Groups["text"].Value : null;
    }

    /// <summary>The text content of the element with <c>data-testid</c> = <paramref name="testId"/>, tags removed and spaces collapsed.</summary>
    public static string Text(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element with data-testid={testId}.");
        var open = html.LastIndexOf('<', start);
        var tag = Regex.Match(html[open..], "^<(?<tag>[a-z0-9]+)").Groups["tag"].Value;
        var end = html.IndexOf($"</{tag}>", start, StringComparison.Ordinal);
        return Collapse(html[open..end]);
    }

    /// <summary>Rows of the table with <c>data-testid</c> = <paramref name="testId"/>: each row's cell texts.</summary>
    public static List<string[]> Rows(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table with data-testid={testId}.");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return Regex.Matches(table, "<tr[^>]*>(?<row>.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups["row"].Value, "<t[hd][^>]*>(?<cell>.*?)</t[hd]>", RegexOptions.Singleline).Select(c => Collapse(c.Groups["cell"].Value)).ToArray())
            .ToList();
    }

    private static string Collapse(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), "\\s+", " ").Trim();

    [GeneratedRegex("name=\"Input.Dataset\" value=\"(?<v>[^\"]+)\"")]
    private static partial Regex DatasetField();
}
