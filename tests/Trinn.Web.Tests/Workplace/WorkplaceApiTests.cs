using System.Globalization;
using System.Text.Json;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Tests.Workplace;

/// <summary>The stage 3–5 API: every route × role, other team 404, Norwegian 400 on a bad week, and the OpenAPI document.</summary>
public sealed class WorkplaceApiTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private static readonly string[] AllRoutes =
    [
        "/api/employers", "/api/employers/{id}/contacts", "/api/candidates/{cid}/placements", "/api/candidates/{cid}/follow-ups",
        "/api/specialists/me/time-log?week=2026-W47", "/api/employers/{id}/opportunities", "/api/candidates/{cid}/opportunities",
    ];

    public static readonly TheoryData<string> Routes = new(AllRoutes);

    public static readonly TheoryData<string, string> DeniedRoles = Cross(["nav1", "leder1", "forsker1", "admin1"]);

    public static readonly TheoryData<string, string> TeamRoles = Cross(["js1", "mv1"]);

    [Theory]
    [MemberData(nameof(TeamRoles))]
    public async Task TeamMember_Ok(string user, string route) =>
        Assert.Equal(HttpStatusCode.OK, (await (await fx.LoginAsync(user)).GetAsync(await UrlAsync(route))).StatusCode);

    [Theory]
    [MemberData(nameof(DeniedRoles))]
    public async Task OtherRoles_Forbidden(string user, string route) =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fx.LoginAsync(user)).GetAsync(await UrlAsync(route))).StatusCode);

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_Unauthorized(string route) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.Anonymous().GetAsync(await UrlAsync(route))).StatusCode);

    [Theory]
    [InlineData("/api/employers/{id}/contacts")]
    [InlineData("/api/candidates/{cid}/placements")]
    [InlineData("/api/candidates/{cid}/follow-ups")]
    [InlineData("/api/employers/{id}/opportunities")]
    [InlineData("/api/candidates/{cid}/opportunities")]
    public async Task OtherTeam_NotFound(string route) =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await fx.LoginAsync("jsb")).GetAsync(await UrlAsync(route))).StatusCode);

    [Fact]
    public async Task Employers_OtherTeamsNotListed()
    {
        var mine = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var theirs = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamB));
        var json = await (await (await fx.LoginAsync("js1")).GetAsync("/api/employers")).Content.ReadAsStringAsync();
        Assert.Contains(mine.OrganizationNumber, json, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.OrganizationNumber, json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-48")]
    [InlineData("2026-W54")]
    [InlineData("uke 48")]
    public async Task TimeLog_BadWeek_400WithNorwegianMessage(string week)
    {
        var response = await (await fx.LoginAsync("js1")).GetAsync("/api/specialists/me/time-log?week=" + Uri.EscapeDataString(week));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Skriv uken som ÅÅÅÅ-Uuu, for eksempel 2026-W05, mellom år 2000 og 2099.", doc.RootElement.GetProperty("errors").GetProperty("week")[0].GetString());
    }

    [Fact]
    public async Task TimeLog_WeekShare()
    {
        var me = fx.UserIds["mv1"];
        await fx.WithDbAsync(async db =>
        {
            var now = AppFixture.Now.UtcDateTime;
            db.Add(TimeBlock.Create(me, new DateOnly(2026, 11, 2), 120, TimeCategory.WithCandidate, true, null, AppFixture.Today, now));
            db.Add(TimeBlock.Create(me, new DateOnly(2026, 11, 3), 200, TimeCategory.OfficeWork, false, null, AppFixture.Today, now));
            db.Add(TimeBlock.Create(me, new DateOnly(2026, 11, 9), 60, TimeCategory.Travel, true, null, AppFixture.Today, now)); // next week
            await db.SaveChangesAsync();
        });
        using var doc = JsonDocument.Parse(await (await (await fx.LoginAsync("mv1")).GetAsync("/api/specialists/me/time-log?week=2026-W45")).Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("2026-W45", root.GetProperty("week").GetString());
        Assert.Equal("2026-11-02", root.GetProperty("monday").GetString());
        Assert.Equal(320, root.GetProperty("totalMinutes").GetInt32());
        Assert.Equal(37.5m, root.GetProperty("outOfOfficePercent").GetDecimal());
        Assert.Equal(40, root.GetProperty("targetPercent").GetInt32());
        Assert.Equal(2, root.GetProperty("blocks").GetArrayLength());
    }

    [Fact]
    public async Task Placements_WithMeasuresAndJobbsmakWarning()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Jobbsmak, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 6)));
        using var doc = JsonDocument.Parse(await (await (await fx.LoginAsync("js1")).GetAsync($"/api/candidates/{candidate.Id}/placements")).Content.ReadAsStringAsync());
        var p = doc.RootElement[0];
        Assert.Equal("Jobbsmak", p.GetProperty("kind").GetString());
        Assert.True(p.GetProperty("jobbsmakTooLong").GetBoolean());
        Assert.False(p.GetProperty("paid").GetBoolean());
    }

    [Fact]
    public async Task OpenApi_ListsTheRoutes()
    {
        var json = await (await fx.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/employers", "/api/employers/{id}/contacts", "/api/candidates/{id}/placements", "/api/candidates/{id}/follow-ups", "/api/specialists/me/time-log",
                     "/api/employers/{id}/opportunities", "/api/candidates/{id}/opportunities" })
        {
            Assert.Contains($"\"{path}\"", json, StringComparison.Ordinal);
        }
    }

    private async Task<string> UrlAsync(string route)
    {
        if (!route.Contains('{', StringComparison.Ordinal))
        {
            return route;
        }

        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        return route.Replace("{id}", employer.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{cid}", candidate.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

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
