using Trinn.Core.Employers;
using Trinn.Core.FollowUps;

namespace Trinn.Web.Tests.Workplace;

/// <summary>Every stage 3–5 route × every role: the team's job specialists and method supervisor in, other teams 404, other roles denied.</summary>
public sealed class EmployerAuthorizationTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private static readonly string[] AllRoutes =
    [
        "/Employers", "/Employers/New", "/Employers/Week", "/Employers/Details/{id}", "/Employers/Edit/{id}", "/Employers/Contact/{id}",
        "/Placements/Index/{cid}", "/Placements/New/{cid}", "/Placements/End/{pid}", "/Placements/PlannedEnd/{pid}",
        "/Placements/Measure/{pid}", "/FollowUps/Index/{cid}", "/FollowUps/Calendar", "/Duration/Index/{cid}", "/TimeLog",
    ];

    public static readonly TheoryData<string> Routes = new(AllRoutes);

    public static readonly TheoryData<string, string> DeniedRoles = Cross(["nav1", "leder1", "forsker1", "admin1"]);

    public static readonly TheoryData<string, string> TeamRoles = Cross(["js1", "mv1"]);

    [Theory]
    [MemberData(nameof(TeamRoles))]
    public async Task TeamMember_OwnTeam_Ok(string user, string route)
    {
        var client = await fx.LoginAsync(user);
        var response = await client.GetAsync(await UrlAsync(route));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DeniedRoles))]
    public async Task OtherRoles_Denied(string user, string route)
    {
        var client = await fx.LoginAsync(user);
        var response = await client.GetAsync(await UrlAsync(route));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_SentToLogin(string route)
    {
        var response = await fx.Anonymous().GetAsync(await UrlAsync(route));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Employers/Details/{id}")]
    [InlineData("/Employers/Edit/{id}")]
    [InlineData("/Employers/Contact/{id}")]
    [InlineData("/Placements/Index/{cid}")]
    [InlineData("/Placements/New/{cid}")]
    [InlineData("/Placements/End/{pid}")]
    [InlineData("/Placements/PlannedEnd/{pid}")]
    [InlineData("/Placements/Measure/{pid}")]
    [InlineData("/FollowUps/Index/{cid}")]
    [InlineData("/Duration/Index/{cid}")]
    public async Task OtherTeam_NotFound(string route)
    {
        var client = await fx.LoginAsync("jsb");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(await UrlAsync(route))).StatusCode);
    }

    /// <summary>Cancelling a follow-up added by hand (a POST handler of /FollowUps/Index): who may, as for moving one.</summary>
    public static readonly TheoryData<string, string> CancelOutcomes = new()
    {
        { "js1", "ok" }, { "js2", "ok" }, { "mv1", "ok" }, { "jsb", "404" }, { "nav1", "deny" }, { "leder1", "deny" }, { "forsker1", "deny" }, { "admin1", "deny" },
    };

    [Theory]
    [MemberData(nameof(CancelOutcomes))]
    public async Task CancelFollowUp_EveryRole_OnlyTheTeamCancels(string user, string outcome)
    {
        var (candidateId, followUp) = await FollowUpByHandAsync();
        var client = await fx.LoginAsync(user);

        var response = await AppFixture.PostWithTokenFromAsync(client, "/Account/Profile", $"/FollowUps/Index/{candidateId}?handler=Cancel", new()
        {
            ["Cancel.Id"] = S(followUp.Id),
            ["Cancel.Version"] = followUp.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        switch (outcome)
        {
            case "ok":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal($"/FollowUps/{candidateId}", response.Headers.Location!.OriginalString);
                break;
            case "404":
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                break;
        }

        var stored = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == followUp.Id));
        Assert.Equal(outcome == "ok" ? FollowUpClosedReason.Cancelled : null, stored.ClosedReason);
    }

    [Fact]
    public async Task CancelFollowUp_Anonymous_SentToLogin_NothingChanged()
    {
        var (candidateId, followUp) = await FollowUpByHandAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Cancel.Id"] = S(followUp.Id), ["Cancel.Version"] = "0" });

        var response = await fx.Anonymous().PostAsync(new Uri($"/FollowUps/Index/{candidateId}?handler=Cancel", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await fx.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.Id == followUp.Id).Select(f => f.ClosedOn == null).SingleAsync()));
    }

    [Fact]
    public async Task OtherTeam_ListDoesNotShowEmployer()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA, "Synlig bare for A " + Guid.NewGuid().ToString("N")[..6]));
        var mine = await (await (await fx.LoginAsync("js2")).GetAsync("/Employers")).HtmlAsync();
        var theirs = await (await (await fx.LoginAsync("jsb")).GetAsync("/Employers")).HtmlAsync();
        Assert.Contains(employer.Name, mine, StringComparison.Ordinal);
        Assert.DoesNotContain(employer.Name, theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherTeam_PostsNotFoundAndNothingChanged()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA, "Uendret AS"));
        var client = await fx.LoginAsync("jsb");
        var edit = await AppFixture.PostWithTokenFromAsync(client, "/Employers/New", $"/Employers/Edit/{employer.Id}", new()
        {
            ["Input.Name"] = "Kapret AS",
            ["Input.OrganizationNumber"] = employer.OrganizationNumber,
            ["Input.Sector"] = "1",
            ["Input.Version"] = "0",
        });
        var contact = await AppFixture.PostWithTokenFromAsync(client, "/Employers/New", $"/Employers/Contact/{employer.Id}", new()
        {
            ["Input.Date"] = "2026-11-26",
            ["Input.Kind"] = "1",
            ["Input.Purpose"] = "1",
        });
        var person = await AppFixture.PostWithTokenFromAsync(client, "/Employers/New", $"/Employers/Details/{employer.Id}?handler=Person", new() { ["Person.Name"] = "X" });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contact.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, person.StatusCode);
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, Trinn.Core.Placements.PlacementKind.Permanent, new DateOnly(2026, 10, 1)));
        var end = await AppFixture.PostWithTokenFromAsync(client, "/Employers/New", $"/Placements/End/{placement.Id}", new()
        {
            ["Input.EndDate"] = "2026-11-20",
            ["Input.Ending"] = "1",
            ["Input.Version"] = "0",
        });
        var measure = await AppFixture.PostWithTokenFromAsync(client, "/Employers/New", $"/Placements/Measure/{placement.Id}", new()
        {
            ["Input.Kind"] = "4",
            ["Input.Text"] = "Plan",
        });
        var newPlacement = await AppFixture.PostWithTokenFromAsync(client, "/Employers/New", $"/Placements/New/{candidate.Id}", new()
        {
            ["Input.EmployerId"] = S(employer.Id),
            ["Input.Kind"] = "1",
            ["Input.Market"] = "1",
            ["Input.StartDate"] = "2026-11-20",
        });
        Assert.Equal(HttpStatusCode.NotFound, end.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, measure.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, newPlacement.StatusCode);
        var addFollowUp = await AppFixture.PostWithTokenFromAsync(client, "/Employers/New", $"/FollowUps/Index/{candidate.Id}?handler=Add", new() { ["Add.Date"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.NotFound, addFollowUp.StatusCode);
        var startPeriod = await AppFixture.PostWithTokenFromAsync(client, "/Employers/New", $"/Duration/Index/{candidate.Id}?handler=Start", new() { ["StartInput.StartDate"] = "2026-11-01" });
        Assert.Equal(HttpStatusCode.NotFound, startPeriod.StatusCode);
        await fx.WithDbAsync(async db =>
        {
            Assert.Equal("Uendret AS", (await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == employer.Id)).Name);
            Assert.False(await db.Set<EmployerContact>().AnyAsync(c => c.EmployerId == employer.Id));
            Assert.False(await db.Set<EmployerContactPerson>().AnyAsync(p => p.EmployerId == employer.Id));
            Assert.Null((await db.Set<Trinn.Core.Placements.Placement>().AsNoTracking().SingleAsync(p => p.Id == placement.Id)).Ending);
            Assert.False(await db.Set<Trinn.Core.Placements.SupportMeasure>().AnyAsync(m => m.PlacementId == placement.Id));
            Assert.Equal(1, await db.Set<Trinn.Core.Placements.Placement>().CountAsync(p => p.CandidateId == candidate.Id));
            Assert.False(await db.Set<Trinn.Core.FollowUps.FollowUp>().AnyAsync(f => f.CandidateId == candidate.Id));
            Assert.False(await db.Set<Trinn.Core.Duration.FollowUpPeriod>().AnyAsync(p => p.CandidateId == candidate.Id));
        });
    }

    /// <summary>A Team A candidate (js1's) with an open follow-up added by hand a week ahead.</summary>
    private async Task<(int CandidateId, FollowUp FollowUp)> FollowUpByHandAsync()
    {
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 3));
        var followUp = FollowUp.ByHand(candidate.Id, AppFixture.Today.AddDays(7), null, null, candidate.Referral!.ReferredOn, AppFixture.Today);
        await fx.WithDbAsync(db =>
        {
            db.Add(followUp);
            return db.SaveChangesAsync();
        });
        return (candidate.Id, followUp);
    }

    private async Task<string> UrlAsync(string route)
    {
        if (!route.Contains('{', StringComparison.Ordinal))
        {
            return route;
        }

        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, Trinn.Core.Placements.PlacementKind.Permanent, new DateOnly(2026, 10, 1)));
        return route
            .Replace("{id}", S(employer.Id), StringComparison.Ordinal)
            .Replace("{cid}", S(candidate.Id), StringComparison.Ordinal)
            .Replace("{pid}", S(placement.Id), StringComparison.Ordinal);
    }

    private static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TheoryData<string, string> Cross(string[] users)
    {
        var data = new TheoryData<string, string>();
        foreach (var user in users)
        {
            foreach (var route in AllRoutes)
            {
                data.Add(user, route);
            }
        }

        return data;
    }
}
