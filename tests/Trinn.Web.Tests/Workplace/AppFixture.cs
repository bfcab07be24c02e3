using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Web.Tests.Workplace;

/// <summary>
/// Trinn on one provider with the real migrations, a fixed clock, and one user per role: js1, js2, mv1 in Team A,
/// jsb in Team B, nav1, leder1, forsker1, admin1. Tests make their own data through <see cref="WithDbAsync"/>.
/// The app is the shared web test fixture (<see cref="TrinnFactory"/> or <see cref="PostgresTrinnFactory"/>).
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    public const string Password = "Stages345!Pass";

    /// <summary>Friday 27 November 2026, 10:00 UTC (11:00 in Oslo).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 27);

    private TrinnFactory _factory = default!;

    public FakeTimeProvider Time { get; } = new(Now);

    public int TeamA { get; private set; }

    public int TeamB { get; private set; }

    public Dictionary<string, string> UserIds { get; } = [];

    /// <summary>The app on this fixture's provider, on <paramref name="time"/>.</summary>
    protected abstract TrinnFactory CreateFactory(FakeTimeProvider time);

    public async Task InitializeAsync()
    {
        _factory = CreateFactory(Time);
        _ = _factory.Server;
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

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

    /// <summary>
    /// GETs <paramref name="url"/> and submits the form the user clicks there: the one posting to
    /// <paramref name="postUrl"/> (by default the page's own), with its hidden fields and token plus <paramref name="fields"/>.
    /// </summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? postUrl = null) =>
        client.SubmitAsync(url, fields, postUrl);

    /// <summary>
    /// POSTs to a route the user has no form for, with the user's own token from the sign-out form on
    /// <paramref name="tokenPage"/> (as a forged request would).
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenFromAsync(HttpClient client, string tokenPage, string postUrl, Dictionary<string, string> fields) =>
        await client.PostFormAsync(await client.GetFormAsync(tokenPage, "/Account/Logout"), fields, postUrl);

    private async Task SeedAsync()
    {
        var a = new Team { Name = "Team A" };
        var b = new Team { Name = "Team B" };
        await WithDbAsync(async db =>
        {
            db.Teams.AddRange(a, b);
            await db.SaveChangesAsync();
        });
        (TeamA, TeamB) = (a.Id, b.Id);
        (string Name, string Role, int? Team)[] people =
        [
            ("js1", Roles.Jobbspesialist, a.Id), ("js2", Roles.Jobbspesialist, a.Id), ("mv1", Roles.Metodeveileder, a.Id),
            ("jsb", Roles.Jobbspesialist, b.Id), ("nav1", Roles.NavVeileder, null), ("leder1", Roles.Leder, null),
            ("forsker1", Roles.Forsker, null), ("admin1", Roles.Admin, null),
        ];
        foreach (var (name, role, team) in people)
        {
            UserIds[name] = (await _factory.Data.AddUserAsync(role, team, name, "Test " + name, Password)).Id;
        }
    }
}

public sealed class SqliteAppFixture : AppFixture
{
    protected override TrinnFactory CreateFactory(FakeTimeProvider time) => new() { FakeTime = time };
}

/// <summary>A fresh database on the cluster in TRINN_TEST_POSTGRES (./test.sh starts one); dropped afterwards.</summary>
public sealed class PostgresAppFixture : AppFixture
{
    protected override TrinnFactory CreateFactory(FakeTimeProvider time) => new PostgresTrinnFactory { FakeTime = time };
}
