using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Identity;
using Trinn.Web.Tests.Infrastructure;

namespace Trinn.Web.Tests.Research;

/// <summary>
/// The real app on a fresh SQLite file migrated by the app, with one user per role (user name = role in lower case).
/// Kept to the research pages so it does not overlap the general web test fixtures.
/// </summary>
public sealed class ResearchApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Forsk!Passord1";

    private readonly string sqlitePath = Path.Combine(Path.GetTempPath(), $"trinn-research-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrinnUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            // Team roles need a team for their own pages, not for being refused here.
            var user = new TrinnUser { UserName = role.ToLowerInvariant(), DisplayName = "Test " + role };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(user, role);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A client that keeps cookies, does not follow redirects, and is signed in as <paramref name="role"/>.</summary>
    public async Task<ResearchClient> LoginAsync(string role)
    {
        var client = Anonymous();
        var token = await client.TokenAsync("/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = role.ToLowerInvariant(),
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public ResearchClient Anonymous() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={sqlitePath}");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Security:SensitiveRequestsPerMinute", "100000");
        builder.ConfigureServices(s => s.UseFastPasswordHashing());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
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

    public async Task<string> TokenAsync(string url)
    {
        var html = await HtmlAsync(url);
        return TokenField().Match(html) is { Success: true } m ? m.Groups["v"].Value : throw new InvalidOperationException($"{url} has no antiforgery token.");
    }

    /// <summary>Uploads <paramref name="content"/> as a CSV file on /Research; returns the response (302 on success).</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName = "data.csv")
    {
        var token = await TokenAsync("/Research");
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<v>[^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"Input.Dataset\" value=\"(?<v>[^\"]+)\"")]
    private static partial Regex DatasetField();
}
