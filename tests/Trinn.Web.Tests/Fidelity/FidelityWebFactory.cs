using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Web.Tests.Fidelity;

/// <summary>
/// Trinn on a temporary SQLite file with the real migrations and a fake clock, with two teams and one user per
/// role: Team 1 has js1, js2 and mv1; Team 2 has js3 and mv2; nav1, leder1, forsker1 and admin1 have no team.
/// </summary>
public class FidelityWebFactory : TrinnFactory, IAsyncLifetime
{
    public const string Password = "Fidelity!Test1";

    /// <summary>Noon UTC on 1 March 2027 (13:00 in Oslo), so "today" is 01.03.2027 in Norway.</summary>
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public FidelityWebFactory()
    {
        FakeTime = new FakeTimeProvider(Start);
    }

    public FakeTimeProvider Clock => FakeTime!;

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public int Team1 { get; private set; }

    public int Team2 { get; private set; }

    public Dictionary<string, string> UserIds { get; } = [];

    public virtual async Task InitializeAsync()
    {
        var team1 = new Team { Name = "Team 1" };
        var team2 = new Team { Name = "Team 2" };
        await Data.WithDbAsync(async db =>
        {
            db.Teams.AddRange(team1, team2);
            return await db.SaveChangesAsync();
        });
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
            UserIds[name] = (await Data.AddUserAsync(role, team, name, "Person " + name, Password)).Id;
        }
    }

    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    /// <summary>A client that keeps cookies and does not follow redirects, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class FidelityWebTests : ICollectionFixture<FidelityWebFactory>
{
    public const string Name = "fidelity-web";
}
