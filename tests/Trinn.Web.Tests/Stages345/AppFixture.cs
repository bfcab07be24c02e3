using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Teams;
using Trinn.Web.Tests.Infrastructure;

namespace Trinn.Web.Tests.Stages345;

/// <summary>
/// Trinn on one provider with the real migrations, a fixed clock, and one user per role: js1, js2, mv1 in Team A,
/// jsb in Team B, nav1, leder1, forsker1, admin1. Tests make their own data through <see cref="WithDbAsync"/>.
/// Stage 3–5 tests only; shared test infrastructure is being written on another branch.
/// </summary>
public abstract partial class AppFixture : IAsyncLifetime
{
    public const string Password = "Stages345!Pass";

    /// <summary>Friday 27 November 2026, 10:00 UTC (11:00 in Oslo).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 27);

    private WebApplicationFactory<Program> _factory = default!;

    public FakeTimeProvider Time { get; } = new(Now);

    public int TeamA { get; private set; }

    public int TeamB { get; private set; }

    public Dictionary<string, string> UserIds { get; } = [];

    protected abstract string Provider { get; }

    protected abstract Task<string> CreateConnectionStringAsync();

    protected abstract Task DropAsync();

    public async Task InitializeAsync()
    {
        var connectionString = await CreateConnectionStringAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", Provider);
            b.UseSetting("Database:ConnectionString", connectionString);
            b.UseSetting("Database:MigrateOnStartup", "true");
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("NationalIds:AllowSynthetic", "true");
            b.UseSetting("Security:SensitiveRequestsPerMinute", "100000");
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Time).UseFastPasswordHashing());
        });
        _ = _factory.Server;
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await DropAsync();
    }

    public async Task WithDbAsync(Func<TrinnDbContext, Task> action)
    {
        using var scope = _factory.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<TrinnDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<TrinnDbContext, Task<T>> action)
    {
        using var scope = _factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TrinnDbContext>());
    }

    public HttpClient Anonymous() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real login form.</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login as {userName} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields (to <paramref name="postUrl"/> when given).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(url);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {url}: {page.StatusCode}");
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {url}");
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)) };
        return await client.PostAsync(postUrl ?? url, new FormUrlEncodedContent(body));
    }

    /// <summary>POSTs with a token taken from another page (for routes the user may not GET).</summary>
    public static async Task<HttpResponseMessage> PostWithTokenFromAsync(HttpClient client, string tokenPage, string postUrl, Dictionary<string, string> fields) =>
        await PostFormAsync(client, tokenPage, fields, postUrl);

    private async Task SeedAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrinnUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var a = new Team { Name = "Team A" };
        var b = new Team { Name = "Team B" };
        db.Teams.AddRange(a, b);
        await db.SaveChangesAsync();
        (TeamA, TeamB) = (a.Id, b.Id);
        (string Name, string Role, int? Team)[] people =
        [
            ("js1", Roles.Jobbspesialist, a.Id), ("js2", Roles.Jobbspesialist, a.Id), ("mv1", Roles.Metodeveileder, a.Id),
            ("jsb", Roles.Jobbspesialist, b.Id), ("nav1", Roles.NavVeileder, null), ("leder1", Roles.Leder, null),
            ("forsker1", Roles.Forsker, null), ("admin1", Roles.Admin, null),
        ];
        foreach (var (name, role, team) in people)
        {
            var user = new TrinnUser { UserName = name, DisplayName = "Test " + name, TeamId = team, Fte = team is null ? null : 1m };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(user, role);
            UserIds[name] = user.Id;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteAppFixture : AppFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"trinn-s345-{Guid.NewGuid():N}.db");

    protected override string Provider => "Sqlite";

    protected override Task<string> CreateConnectionStringAsync() => Task.FromResult($"Data Source={_path}");

    protected override Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A fresh database on the cluster in TRINN_TEST_POSTGRES (./test.sh starts one); dropped afterwards.</summary>
public sealed class PostgresAppFixture : AppFixture
{
    private string _connectionString = "";

    protected override string Provider => "Postgres";

    protected override Task<string> CreateConnectionStringAsync()
    {
        var server = Environment.GetEnvironmentVariable("TRINN_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException("TRINN_TEST_POSTGRES is not set: run ./test.sh, or start PostgreSQL and set it.");
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = $"trinn_s345_{Guid.NewGuid():N}", Pooling = false }.ConnectionString;
        return Task.FromResult(_connectionString);
    }

    protected override async Task DropAsync()
    {
        await using var db = DatabaseRegistration.CreateContext(Trinn.Core.Data.DatabaseProvider.Postgres, _connectionString);
        await db.Database.EnsureDeletedAsync();
    }
}
