using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Teams;
using Trinn.Web.Tests.Infrastructure;

namespace Trinn.Web.Tests.Fidelity;

/// <summary>
/// Trinn on a temporary SQLite file with the real migrations and a fake clock, with two teams and one user per
/// role: Team 1 has js1, js2 and mv1; Team 2 has js3 and mv2; nav1, leder1, forsker1 and admin1 have no team.
/// </summary>
public class FidelityWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Fidelity!Test1";

    /// <summary>Noon UTC on 1 March 2027 (13:00 in Oslo), so "today" is 01.03.2027 in Norway.</summary>
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"trinn-fidelity-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(Start);

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public int Team1 { get; private set; }

    public int Team2 { get; private set; }

    public Dictionary<string, string> UserIds { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        ConfigureDatabase(builder);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("NationalIds:AllowSynthetic", "true");
        builder.UseSetting("Security:SensitiveRequestsPerMinute", "100000");
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            s.UseFastPasswordHashing();
        });
    }

    protected virtual void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_dbPath}");
    }

    public virtual async Task InitializeAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrinnUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var team1 = new Team { Name = "Team 1" };
        var team2 = new Team { Name = "Team 2" };
        db.Teams.AddRange(team1, team2);
        await db.SaveChangesAsync();
        Team1 = team1.Id;
        Team2 = team2.Id;
        (string Name, string Role, int? Team)[] people =
        [
            ("js1", Roles.Jobbspesialist, Team1), ("js2", Roles.Jobbspesialist, Team1), ("mv1", Roles.Metodeveileder, Team1),
            ("js3", Roles.Jobbspesialist, Team2), ("mv2", Roles.Metodeveileder, Team2),
            ("nav1", Roles.NavVeileder, null), ("leder1", Roles.Leder, null), ("forsker1", Roles.Forsker, null), ("admin1", Roles.Admin, null),
        ];
        foreach (var (name, role, team) in people)
        {
            var user = new TrinnUser { UserName = name, DisplayName = "Person " + name, TeamId = team };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(user, role);
            UserIds[name] = user.Id;
        }
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(login),
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
}

[CollectionDefinition(Name)]
public sealed class FidelityWebTests : ICollectionFixture<FidelityWebFactory>
{
    public const string Name = "fidelity-web";
}
