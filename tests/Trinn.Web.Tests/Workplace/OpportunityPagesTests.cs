using System.Globalization;
using System.Text.Json;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Opportunities;

namespace Trinn.Web.Tests.Workplace;

/// <summary>Job opportunities through the pages and the API, and the matching from both sides, on each database provider.</summary>
public abstract class OpportunityPagesTests(AppFixture fx)
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(string title, int hours = 20, string place = "Oslo øst", string industry = "", string status = "1", string carved = "") => new()
    {
        ["Input.Title"] = title,
        ["Input.Tasks"] = "Plukke og pakke varer",
        ["Input.HoursPerWeek"] = S(hours),
        ["Input.HoursNote"] = "formiddag",
        ["Input.Place"] = place,
        ["Input.Industry"] = industry,
        ["Input.Status"] = status,
        ["Input.CarvedForCandidateId"] = carved,
    };

    private static async Task AddProfileAsync(TrinnDbContext db, int candidateId, string industries, int? min, int? max, string places)
    {
        db.ProfileVersions.Add(new VocationalProfileVersion
        {
            CandidateId = candidateId,
            VersionNumber = 1 + await db.ProfileVersions.CountAsync(p => p.CandidateId == candidateId),
            SavedById = (await db.Candidates.SingleAsync(c => c.Id == candidateId)).PrimarySpecialistId!,
            SavedAtUtc = AppFixture.Now.UtcDateTime,
            PreferredIndustries = industries,
            PreferredHours = "formiddag",
            PreferredHoursMin = min,
            PreferredHoursMax = max,
            PreferredPlaces = places,
        });
        await db.SaveChangesAsync();
    }

    private static Task<JobOpportunity> AddOpportunityAsync(
        TrinnDbContext db, int employerId, string title, string industry, int hours, string place,
        OpportunityStatus status = OpportunityStatus.Open, int? carvedFor = null) =>
        AddAsync(db, employerId, o => o.Describe(title, "Oppgaver", hours, null, place, null, industry, status, carvedFor, null));

    private static async Task<JobOpportunity> AddAsync(TrinnDbContext db, int employerId, Action<JobOpportunity> describe)
    {
        var o = new JobOpportunity { EmployerId = employerId, CreatedAtUtc = AppFixture.Now.UtcDateTime };
        describe(o);
        db.Add(o);
        await db.SaveChangesAsync();
        return o;
    }

    [Fact]
    public async Task New_BlankIndustry_SavedWithEmployersIndustryAndListedOnEmployerPage()
    {
        var employer = await fx.WithDbAsync(async db =>
        {
            var e = await db.AddEmployerAsync(fx.TeamA);
            e.Industry = "Lager og logistikk";
            await db.SaveChangesAsync();
            return e;
        });
        var client = await fx.LoginAsync("js1");
        var title = "Lagermedarbeider " + Guid.NewGuid().ToString("N")[..6];
        var response = await AppFixture.PostFormAsync(client, $"/Opportunities/New/{employer.Id}", Form(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await fx.WithDbAsync(db => db.Set<JobOpportunity>().AsNoTracking().SingleAsync(o => o.Title == title));
        Assert.Equal((employer.Id, "Lager og logistikk", 20, "formiddag", OpportunityStatus.Open), (saved.EmployerId, saved.Industry, saved.HoursPerWeek, saved.HoursNote, saved.Status));
        var page = await (await client.GetAsync($"/Employers/Details/{employer.Id}")).HtmlAsync();
        Assert.Contains($"href=\"/Opportunities/Details/{saved.Id}\">{title}</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_HoursZeroAndNoPlace_FieldErrorsAndNothingSaved()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Opportunities/New/{employer.Id}", Form("Ugyldig", hours: 0, place: ""));
        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Timer per uke må være et helt tall mellom 1 og 60.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_HoursPerWeek-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Fyll ut Sted (kommune eller bydel).", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Place-error\"", html, StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<JobOpportunity>().AnyAsync(o => o.EmployerId == employer.Id)));
    }

    [Fact]
    public async Task New_CarvedForOtherTeamsCandidate_FieldErrorAndNothingSaved()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var foreign = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamB, fx.UserIds["jsb"]));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Opportunities/New/{employer.Id}", Form("Snekret", carved: S(foreign.Id)));
        var html = await response.HtmlAsync();
        Assert.Contains("Velg en aktiv kandidat i teamet ditt.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_CarvedForCandidateId-error\"", html, StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<JobOpportunity>().AnyAsync(o => o.EmployerId == employer.Id)));
    }

    [Theory]
    [InlineData(1, "1 time per uke")]
    [InlineData(2, "2 timer per uke")]
    public async Task Details_HoursPerWeek_SingularOnlyForOneHour(int hours, string expected)
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var o = await fx.WithDbAsync(db => AddOpportunityAsync(db, employer.Id, "Timer " + Guid.NewGuid().ToString("N")[..6], "Lager", hours, "Oslo"));
        var client = await fx.LoginAsync("js1");

        var details = await (await client.GetAsync($"/Opportunities/Details/{o.Id}")).HtmlAsync();
        var employerPage = await (await client.GetAsync($"/Employers/Details/{employer.Id}")).HtmlAsync();

        Assert.Contains($"<dd>{expected}</dd>", details, StringComparison.Ordinal);
        Assert.Contains($"{o.Title}</a>: {expected}, Oslo", employerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_StaleVersion_ConflictAndNewerDataKept()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var o = await fx.WithDbAsync(db => AddOpportunityAsync(db, employer.Id, "Før", "Lager", 20, "Oslo"));
        var client = await fx.LoginAsync("js1");
        var url = $"/Opportunities/Edit/{o.Id}";
        var first = await AppFixture.PostFormAsync(client, url, new(Form("Første", status: "2")) { ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await AppFixture.PostFormAsync(client, url, new(Form("Andre", status: "3")) { ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Noen andre lagret endringer samtidig", await stale.HtmlAsync(), StringComparison.Ordinal);
        var saved = await fx.WithDbAsync(db => db.Set<JobOpportunity>().AsNoTracking().SingleAsync(x => x.Id == o.Id));
        Assert.Equal(("Første", OpportunityStatus.Filled, 1L), (saved.Title, saved.Status, saved.Version));
    }

    [Fact]
    public async Task OtherTeam_PostsNotFoundAndNothingChanged()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var o = await fx.WithDbAsync(db => AddOpportunityAsync(db, employer.Id, "Uendret", "Lager", 20, "Oslo"));
        var client = await fx.LoginAsync("jsb");
        var edit = await AppFixture.PostWithTokenFromAsync(client, "/Opportunities", $"/Opportunities/Edit/{o.Id}", new(Form("Kapret")) { ["Input.Version"] = "0" });
        var created = await AppFixture.PostWithTokenFromAsync(client, "/Opportunities", $"/Opportunities/New/{employer.Id}", Form("Kapret ny"));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, created.StatusCode);
        Assert.Equal(["Uendret"], await fx.WithDbAsync(db => db.Set<JobOpportunity>().Where(x => x.EmployerId == employer.Id).Select(x => x.Title).ToListAsync()));
        Assert.DoesNotContain("Uendret", await (await client.GetAsync("/Opportunities")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_FilterByStatusAndIndustry_OnlyThoseRows()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var (open, filled, other) = await fx.WithDbAsync(async db => (
            await AddOpportunityAsync(db, employer.Id, "Åpen " + tag, "Bransje " + tag, 20, "Oslo"),
            await AddOpportunityAsync(db, employer.Id, "Besatt " + tag, "Bransje " + tag, 20, "Oslo", OpportunityStatus.Filled),
            await AddOpportunityAsync(db, employer.Id, "Annen " + tag, "Annen bransje " + tag, 20, "Oslo")));
        var client = await fx.LoginAsync("mv1");
        var html = await (await client.GetAsync($"/Opportunities?status=1&bransje={Uri.EscapeDataString("Bransje " + tag)}")).HtmlAsync();
        Assert.Contains($"data-opportunity=\"{open.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-opportunity=\"{filled.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-opportunity=\"{other.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matching_BothSides_SameCandidatesAndOpportunitiesWithReasons()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var fits = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        var tooFewHours = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        var discharged = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        var otherTeam = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamB, fx.UserIds["jsb"]));
        await fx.WithDbAsync(async db =>
        {
            await AddProfileAsync(db, fits.Id, "Varehandel, lager" + tag, null, null, "Oslo");
            await AddProfileAsync(db, fits.Id, "Varehandel, lager" + tag, 15, 25, "Oslo øst"); // the latest version counts
            await AddProfileAsync(db, tooFewHours.Id, "lager" + tag, 5, 10, "Oslo øst");
            await AddProfileAsync(db, discharged.Id, "lager" + tag, 15, 25, "Oslo øst");
            await AddProfileAsync(db, otherTeam.Id, "lager" + tag, 15, 25, "Oslo øst");
            var d = await db.Candidates.SingleAsync(c => c.Id == discharged.Id);
            d.Discharge(AppFixture.Today.AddDays(-1), DischargeOutcome.Other, null, d.Referral?.ReferredOn ?? AppFixture.Today.AddDays(-120), AppFixture.Today);
            await db.SaveChangesAsync();
        });
        var (job, filled) = await fx.WithDbAsync(async db => (
            await AddOpportunityAsync(db, employer.Id, "Lager " + tag, "Lager" + tag + " og logistikk", 20, "Oslo øst"),
            await AddOpportunityAsync(db, employer.Id, "Besatt " + tag, "Lager" + tag, 20, "Oslo øst", OpportunityStatus.Filled)));
        var client = await fx.LoginAsync("js2");

        var details = await (await client.GetAsync($"/Opportunities/Details/{job.Id}")).HtmlAsync();
        Assert.Contains($"data-match-candidate=\"{fits.Id}\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-match-candidate=\"{tooFewHours.Id}\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-match-candidate=\"{discharged.Id}\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-match-candidate=\"{otherTeam.Id}\"", details, StringComparison.Ordinal);
        var item = details[details.IndexOf($"data-match-candidate=\"{fits.Id}\"", StringComparison.Ordinal)..];
        item = item[..item.IndexOf("</ul>", StringComparison.Ordinal)]; // the reasons list of this candidate
        Assert.Contains("Bransje passer", item, StringComparison.Ordinal);
        Assert.Contains("Arbeidstid passer", item, StringComparison.Ordinal);
        Assert.Contains("Sted passer", item, StringComparison.Ordinal);

        var mine = await (await client.GetAsync($"/Opportunities/Candidate/{fits.Id}")).HtmlAsync();
        Assert.Contains($"data-match-opportunity=\"{job.Id}\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-match-opportunity=\"{filled.Id}\"", mine, StringComparison.Ordinal);
        var theirs = await (await client.GetAsync($"/Opportunities/Candidate/{tooFewHours.Id}")).HtmlAsync();
        Assert.DoesNotContain($"data-match-opportunity=\"{job.Id}\"", theirs, StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(await (await client.GetAsync($"/api/candidates/{fits.Id}/opportunities")).Content.ReadAsStringAsync());
        var match = doc.RootElement.EnumerateArray().Single(m => m.GetProperty("opportunity").GetProperty("id").GetInt32() == job.Id);
        Assert.Equal(("Fits", "Fits", "Fits"), (match.GetProperty("industry").GetString(), match.GetProperty("hours").GetString(), match.GetProperty("place").GetString()));
        Assert.DoesNotContain(doc.RootElement.EnumerateArray(), m => m.GetProperty("opportunity").GetProperty("id").GetInt32() == filled.Id);
        Assert.True(await fx.WithDbAsync(db => db.Set<Trinn.Core.Audit.AuditEntry>().AnyAsync(a => a.EntityType == "OpportunityMatches" && a.CandidateId == fits.Id)));
    }

    [Fact]
    public async Task CarvedJob_ListedForItsCandidateOnly()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var carvedFor = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        var alike = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        await fx.WithDbAsync(db => AddProfileAsync(db, alike.Id, "gartneri" + tag, 10, 15, "Groruddalen"));
        var job = await fx.WithDbAsync(db => AddOpportunityAsync(db, employer.Id, "Snekret " + tag, "Gartneri" + tag, 12, "Groruddalen", carvedFor: carvedFor.Id));
        var client = await fx.LoginAsync("js1");
        var details = await (await client.GetAsync($"/Opportunities/Details/{job.Id}")).HtmlAsync();
        Assert.Contains($"data-match-candidate=\"{carvedFor.Id}\"", details, StringComparison.Ordinal);
        Assert.Contains("Snekret for kandidaten", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-match-candidate=\"{alike.Id}\"", details, StringComparison.Ordinal);
        Assert.Contains($"data-match-opportunity=\"{job.Id}\"", await (await client.GetAsync($"/Opportunities/Candidate/{carvedFor.Id}")).HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-match-opportunity=\"{job.Id}\"", await (await client.GetAsync($"/Opportunities/Candidate/{alike.Id}")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_MinAboveMax_FieldErrorAndNoNewVersion()
    {
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 2));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Candidates/Profile/{candidate.Id}", new()
        {
            ["Input.BaseVersion"] = "0",
            ["Input.PreferredHoursMin"] = "30",
            ["Input.PreferredHoursMax"] = "20",
        });
        var html = await response.HtmlAsync();
        Assert.Contains("Høyeste antall timer kan ikke være lavere enn minste antall timer.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_PreferredHoursMax-error\"", html, StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.ProfileVersions.AnyAsync(p => p.CandidateId == candidate.Id)));
        var ok = await AppFixture.PostFormAsync(client, $"/Candidates/Profile/{candidate.Id}", new()
        {
            ["Input.BaseVersion"] = "0",
            ["Input.PreferredHoursMin"] = "20",
            ["Input.PreferredHoursMax"] = "30",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await fx.WithDbAsync(db => db.ProfileVersions.AsNoTracking().SingleAsync(p => p.CandidateId == candidate.Id));
        Assert.Equal((20, 30), (saved.PreferredHoursMin, saved.PreferredHoursMax));
    }

    [Fact]
    public async Task Api_EmployerOpportunities_OwnTeamListedOtherTeam404()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var o = await fx.WithDbAsync(db => AddOpportunityAsync(db, employer.Id, "Api-jobb", "Lager", 20, "Oslo"));
        using var doc = JsonDocument.Parse(await (await (await fx.LoginAsync("mv1")).GetAsync($"/api/employers/{employer.Id}/opportunities")).Content.ReadAsStringAsync());
        var row = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal((o.Id, "Api-jobb", 20, "Open"), (row.GetProperty("id").GetInt32(), row.GetProperty("title").GetString(), row.GetProperty("hoursPerWeek").GetInt32(), row.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await fx.LoginAsync("jsb")).GetAsync($"/api/employers/{employer.Id}/opportunities")).StatusCode);
    }
}

public sealed class OpportunityPagesSqliteTests(SqliteAppFixture fx) : OpportunityPagesTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class OpportunityPagesPostgresTests(PostgresAppFixture fx) : OpportunityPagesTests(fx), IClassFixture<PostgresAppFixture>;
