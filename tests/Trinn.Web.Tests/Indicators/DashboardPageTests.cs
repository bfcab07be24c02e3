using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Employers;
using Trinn.Core.Identity;
using Trinn.Web.Tests.Workplace;

namespace Trinn.Web.Tests.Indicators;

/// <summary>The dashboard's role rules, period chooser, lists and exports on a hand-built team (see <see cref="IndicatorFactory.AddTeamAsync"/>).</summary>
public sealed class DashboardPageTests(IndicatorFactory app) : IClassFixture<IndicatorFactory>
{
    [Fact]
    public async Task Metodeveileder_SeesTeamAndEachSpecialist_WithLinksToTheLists()
    {
        var t = await app.AddTeamAsync();
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        var html = await mv.GetHtmlAsync("/Overview");

        // 12 in follow-up / (1.0 + 0.5) FTE = 8.0; a band target of 12–20, and 8 is more than 10 % below it: red.
        Assert.Contains("data-value=\"caseload\">8,0<", html, StringComparison.Ordinal);
        Assert.Contains("12 kandidater i oppfølging / 1,5 årsverk den 30.06.2026", html, StringComparison.Ordinal);
        Assert.Contains("data-light=\"NotMet\"", html, StringComparison.Ordinal);
        Assert.Contains("Mål: mellom 12,0 og 20,0", html, StringComparison.Ordinal);
        // One discharged to work in the last 12 months / 1.5 FTE-years (547.5 FTE-days / 365) = 0.67.
        Assert.Contains("data-value=\"discharged-to-work\">0,7<", html, StringComparison.Ordinal);
        Assert.Contains("/Overview/Rows?key=caseload&amp;from=2025-07-01&amp;to=2026-06-30".Replace("&amp;", "&", StringComparison.Ordinal), html, StringComparison.Ordinal);
        var rows = Between(html, "data-per-specialist=\"caseload\"", "</table>");
        Assert.Contains($"data-specialist=\"{t.A.Id}\"", rows, StringComparison.Ordinal);
        Assert.Contains($"data-specialist=\"{t.B.Id}\"", rows, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(rows, ">8,0<"));
        // Fidelity item 1 from data per specialist: 8 candidates per FTE each, "20 eller færre" = 5.
        var fidelity = Between(html, "data-fidelity-per-specialist=\"true\"", "</table>");
        Assert.Contains($"data-specialist=\"{t.A.Id}\"", fidelity, StringComparison.Ordinal);
        Assert.Contains($"data-specialist=\"{t.B.Id}\"", fidelity, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(fidelity, "<td data-item=\"1\">5</td>"));
        Assert.Contains("Slik regnes det ut", html, StringComparison.Ordinal);
        Assert.Contains("Kilde for målet:", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"overview-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobbspesialist_SeesOwnFiguresBesideTheTeams_NotColleagues()
    {
        var t = await app.AddTeamAsync();
        using var b = await BrowserClient.LoginAsync(app, t.B.UserName!);

        var html = await b.GetHtmlAsync("/Overview");

        Assert.Contains("data-own=\"caseload\"", html, StringComparison.Ordinal);
        // B: 4 candidates / 0.5 FTE = 8.0.
        Assert.Contains("4 kandidater i oppfølging / 0,5 årsverk den 30.06.2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-per-specialist", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-fidelity-per-specialist", html, StringComparison.Ordinal);
        Assert.DoesNotContain(t.A.DisplayName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leder_TeamFiguresOnly_SmallCountsSuppressed_NoListsOrNames()
    {
        var t = await app.AddTeamAsync();
        var leder = await app.Data.AddUserAsync(Roles.Leder);
        using var client = await BrowserClient.LoginAsync(app, leder.UserName!);

        var html = await client.GetHtmlAsync($"/Overview?team={t.Team.Id}");

        Assert.Contains("data-value=\"caseload\">8,0<", html, StringComparison.Ordinal);
        // One discharge to work and a cohort of one: fewer than five people, so the counts show "<5" and the values
        // made of them (per FTE, a share) ":", never "<5", which would read as "under 5 %".
        Assert.Contains("data-value=\"discharged-to-work\">:<", html, StringComparison.Ordinal);
        Assert.Contains("data-value=\"work-within-year\">:<", html, StringComparison.Ordinal);
        Assert.Equal("data-fraction=\"work-within-year\"><5 av <5 kandidater", Between(html, "data-fraction=\"work-within-year\">", " med første"));
        Assert.DoesNotContain("data-light", Between(html, "data-value=\"work-within-year\"", "</p>"), StringComparison.Ordinal);
        Assert.DoesNotContain("/Overview/Rows", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-per-specialist", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-own", html, StringComparison.Ordinal);
        foreach (var c in t.Active.Append(t.Discharged))
        {
            Assert.DoesNotContain(c.LastName, html, StringComparison.Ordinal);
        }

        using var rows = await client.GetAsync("/Overview/Rows?key=caseload");
        Assert.Equal("/Account/AccessDenied", rows.RedirectPath());
    }

    [Fact]
    public async Task Leder_DaysToFirstContact_TheLineUnderTheMedianDoesNotSpellOutAHiddenCount()
    {
        // Ten of the team's thirteen candidates have had an employer contact, ten days after referral: the median (10 days,
        // n = 10) is shown, but the three without one are a small count, so neither 10 nor 3 may be shown to leder.
        var t = await app.AddTeamAsync();
        await app.Data.WithDbAsync(async db =>
        {
            var employer = await db.AddEmployerAsync(t.Team.Id);
            foreach (var c in t.Active.Take(10))
            {
                var referred = await db.Referrals.Where(r => r.CandidateId == c.Id).Select(r => r.ReferredOn).SingleAsync();
                db.Add(EmployerContact.Create(employer.Id, t.A.Id, referred.AddDays(10), EmployerContactKind.Visit, EmployerContactPurpose.BuildNetwork,
                    false, 30, null, [c.Id], IndicatorFactory.Today, DateTime.UtcNow));
            }

            return await db.SaveChangesAsync();
        });
        var leder = await app.Data.AddUserAsync(Roles.Leder);
        using var client = await BrowserClient.LoginAsync(app, leder.UserName!);
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        var html = await client.GetHtmlAsync($"/Overview?team={t.Team.Id}");
        var plain = await mv.GetHtmlAsync("/Overview");
        using var api = await client.GetAsync($"/api/teams/{t.Team.Id}/indicators");
        var json = await api.Content.ReadAsStringAsync();

        Assert.Contains("data-value=\"days-to-first-contact\">10<", html, StringComparison.Ordinal);
        Assert.Equal("data-fraction=\"days-to-first-contact\">: av 13 kandidater", Between(html, "data-fraction=\"days-to-first-contact\">", " innsøkt"));
        var spread = Between(html, "data-spread=\"days-to-first-contact\">", "</p>");
        Assert.Contains("n = :); <5 uten arbeidsgiverkontakt", spread, StringComparison.Ordinal);
        Assert.DoesNotContain("10)", spread, StringComparison.Ordinal);
        Assert.Contains("n = 10); 3 uten arbeidsgiverkontakt", Between(plain, "data-spread=\"days-to-first-contact\">", "</p>"), StringComparison.Ordinal);
        Assert.Contains("\"n\":null,\"withoutContact\":null,\"nSuppressed\":\":\",\"withoutContactSuppressed\":\"<5\"", json.Replace("\\u003C", "<", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamYoungerThanTwelveMonths_MarkedStartUpYearInsteadOfRed()
    {
        var t = await app.AddTeamAsync();
        await app.Data.WithDbAsync(async db =>
        {
            var team = await db.Teams.SingleAsync(x => x.Id == t.Team.Id);
            team.SetStartedOn(new DateOnly(2026, 1, 5), IndicatorFactory.Today);
            return await db.SaveChangesAsync();
        });
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        var html = await mv.GetHtmlAsync("/Overview");

        Assert.Contains("data-testid=\"start-up-year\"", html, StringComparison.Ordinal);
        Assert.Contains("Teamet startet 05.01.2026", html, StringComparison.Ordinal);
        Assert.Contains("data-light=\"StartUpYear\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-light=\"NotMet\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("period=year&year=2025", null, "01.01.2025–31.12.2025")]
    [InlineData("period=custom&from=2026-01-01&to=2026-03-31", null, "01.01.2026–31.03.2026")]
    [InlineData("from=2026-02-01&to=2026-03-31", null, "01.02.2026–31.03.2026")]
    [InlineData("period=custom&from=2026-05-01&to=2026-04-01", "to", "Til-datoen må være samme dag som eller etter fra-datoen.")]
    [InlineData("period=custom&from=2026-05-01&to=2026-07-01", "to", "Til-datoen kan ikke være etter i dag.")]
    [InlineData("period=custom&from=1.5.2026&to=2026-06-01", "from", "Skriv datoen som åååå-mm-dd, for eksempel 2026-01-31.")]
    [InlineData("period=year&year=1999", "year", "Velg et år fra 2000 til i år.")]
    [InlineData("period=custom&from=2010-01-01&to=2026-06-01", "from", "Perioden kan være høyst fem år.")]
    public async Task PeriodChooser_ValidOrRefusedAtTheField(string query, string? field, string expected)
    {
        var t = await app.AddTeamAsync();
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        var html = await mv.GetHtmlAsync("/Overview?" + query);

        if (field is null)
        {
            Assert.Contains(expected, Between(html, "data-testid=\"showing\">", "</p>"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, ResponseExtensions.FieldError(html, field));
            // The default period is shown instead.
            Assert.Contains("01.07.2025–30.06.2026", Between(html, "data-testid=\"showing\">", "</p>"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rows_Caseload_ListsTheCandidatesBehindTheNumber_AndAuditsTheRead()
    {
        var t = await app.AddTeamAsync();
        using var a = await BrowserClient.LoginAsync(app, t.A.UserName!);

        var html = await a.GetHtmlAsync("/Overview/Rows?key=caseload&from=2025-07-01&to=2026-06-30");

        foreach (var c in t.Active)
        {
            Assert.Contains(c.LastName, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(t.Discharged.LastName, html, StringComparison.Ordinal);
        var audited = await app.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == "IndicatorRows" && e.Action == AuditAction.Read).Select(e => e.CandidateId).ToListAsync());
        Assert.All(t.Active, c => Assert.Contains(c.Id, audited));

        // Own figures only: A may list A's, not B's.
        using var other = await a.GetAsync($"/Overview/Rows?key=caseload&specialist={t.B.Id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var mine = await a.GetHtmlAsync($"/Overview/Rows?key=discharged-to-work&specialist={t.A.Id}");
        Assert.Contains(t.Discharged.LastName, mine, StringComparison.Ordinal);
        Assert.Contains("data-counted=\"true\"", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CsvAndXlsx_HoldTheDashboardsNumbers()
    {
        var t = await app.AddTeamAsync();
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        using var csv = await mv.GetAsync("/Overview?handler=Export&format=csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        using var xlsx = await mv.GetAsync("/Overview?handler=Export&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("team,fra,til,jobbspesialist,nokkel,maltall,maned,verdi,teller,nevner,mal,mal_ovre,status", text, StringComparison.Ordinal);
        // Team row for caseload: 8 = 12 / 1.5, target band 12–20, red.
        Assert.Contains(",2025-07-01,2026-06-30,,caseload,", text, StringComparison.Ordinal);
        Assert.Contains(",8,12,1.5,12,20,Ikke nådd,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NotMet", text, StringComparison.Ordinal);
        Assert.Contains(",fidelitet-punkt-1,", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open());
        Assert.Contains("caseload", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_SameRules_OwnTeamForMembers_OtherTeamNotFound()
    {
        var t = await app.AddTeamAsync();
        var other = await app.AddTeamAsync();
        using var b = await BrowserClient.LoginAsync(app, t.B.UserName!);

        using var own = await b.GetAsync($"/api/teams/{t.Team.Id}/indicators?from=2026-01-01&to=2026-06-30");
        using var foreign = await b.GetAsync($"/api/teams/{other.Team.Id}/indicators");
        using var bad = await b.GetAsync($"/api/teams/{t.Team.Id}/indicators?from=2026-06-01&to=2026-05-01");
        var json = await own.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("\"key\":\"caseload\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":8", json, StringComparison.Ordinal);
        Assert.Contains("\"fidelityFromData\":[{\"item\":1,\"score\":5,", json, StringComparison.Ordinal);
        Assert.Contains("\"own\":{\"userId\":\"" + t.B.Id, json, StringComparison.Ordinal);
        Assert.Contains("\"outcomes\":{\"official\":", json, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(1, await DeniedAsync(other.Team.Id));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Til-datoen må være samme dag som eller etter fra-datoen.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeFilter_CountsOnlyThatProgrammesCandidates_OnThePageTheListTheExportAndTheApi()
    {
        // Issue #15: the candidate's programme (UO / IPS / other) filters lists and indicators. Three of A's eight
        // candidates follow IPS; the other nine keep the default, UO. The team's FTE (1.0 + 0.5) is the same either way.
        var t = await app.AddTeamAsync();
        var ips = t.Active.Where(c => c.PrimarySpecialistId == t.A.Id).Take(3).Select(c => c.Id).ToList();
        await app.Data.WithDbAsync(async db =>
        {
            foreach (var c in await db.Candidates.Where(c => ips.Contains(c.Id)).ToListAsync())
            {
                c.SetProgramme(Programme.Ips);
            }

            return await db.SaveChangesAsync();
        });
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        // The form offers the programmes; choosing IPS submits its value with the period fields.
        var form = await mv.GetHtmlAsync("/Overview");
        Assert.Contains("<option value=\"Ips\">IPS</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"programme-note\"", form, StringComparison.Ordinal);
        var html = await mv.GetHtmlAsync("/Overview?programme=Ips&period=rolling&year=2026&from=2025-07-01&to=2026-06-30");

        // 3 IPS candidates in follow-up / 1.5 FTE = 2.0; UO: 9 / 1.5 = 6.0.
        Assert.Contains("data-value=\"caseload\">2,0<", html, StringComparison.Ordinal);
        Assert.Contains("3 kandidater i oppfølging / 1,5 årsverk den 30.06.2026", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Ips\" selected=\"selected\">IPS</option>", html, StringComparison.Ordinal);
        Assert.Contains("Bare kandidater i IPS er talt med", html, StringComparison.Ordinal);
        var links = html.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.Contains("/Overview/Rows?key=caseload&from=2025-07-01&to=2026-06-30&programme=Ips", links, StringComparison.Ordinal);
        Assert.Contains("format=csv&team=" + t.Team.Id + "&from=2025-07-01&to=2026-06-30&programme=Ips", links, StringComparison.Ordinal);
        Assert.Contains("data-value=\"caseload\">6,0<", await mv.GetHtmlAsync("/Overview?programme=UtvidetOppfolging"), StringComparison.Ordinal);
        Assert.Contains("data-value=\"caseload\">0,0<", await mv.GetHtmlAsync("/Overview?programme=Other"), StringComparison.Ordinal);

        // The list behind the number: the IPS candidates only.
        var rows = await mv.GetHtmlAsync("/Overview/Rows?key=caseload&from=2025-07-01&to=2026-06-30&programme=Ips");
        foreach (var c in t.Active)
        {
            if (ips.Contains(c.Id))
            {
                Assert.Contains(c.LastName, rows, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(c.LastName, rows, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Bare kandidater i IPS.", rows, StringComparison.Ordinal);

        // The export names the programme in its own column and in the file name.
        using var csv = await mv.GetAsync($"/Overview?handler=Export&format=csv&team={t.Team.Id}&from=2025-07-01&to=2026-06-30&programme=Ips");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("bredere_verdi,bredere_teller,bredere_nevner,program", text, StringComparison.Ordinal);
        Assert.Contains(",caseload,", text, StringComparison.Ordinal);
        Assert.Contains(",2,3,1.5,12,20,Ikke nådd,", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",alle", text, StringComparison.Ordinal);
        Assert.Contains("trinn-maltall-team" + t.Team.Id + "-ips-2025-07-01-2026-06-30.csv", csv.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);

        // The API: the same figure, and the programme it was narrowed to.
        using var api = await mv.GetAsync($"/api/teams/{t.Team.Id}/indicators?programme=Ips");
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var caseload = json.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "caseload");
        Assert.Equal(2m, caseload.GetProperty("value").GetDecimal());
        Assert.Equal(3m, caseload.GetProperty("numerator").GetDecimal());
        Assert.Equal("Ips", json.RootElement.GetProperty("programme").GetString());
    }

    [Fact]
    public async Task ProgrammeFilter_UnknownValue_RefusedAtTheField_AllProgrammesShown()
    {
        var t = await app.AddTeamAsync();
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        var html = await mv.GetHtmlAsync("/Overview?programme=Jobbklubb");
        using var api = await mv.GetAsync($"/api/teams/{t.Team.Id}/indicators?programme=4");

        Assert.Equal("Velg et program fra listen: Utvidet oppfølging (UO), IPS eller annet program.", ResponseExtensions.FieldError(html, "programme"));
        Assert.Contains("data-value=\"caseload\">8,0<", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Velg et program fra listen", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OtherTeamForATeamMember_NotFoundAndAudited()
    {
        var t = await app.AddTeamAsync();
        var other = await app.AddTeamAsync();
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        using var foreign = await mv.GetAsync($"/Overview?team={other.Team.Id}");
        using var export = await mv.GetAsync($"/Overview?handler=Export&format=csv&team={other.Team.Id}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(2, await DeniedAsync(other.Team.Id));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheTeamRoutes_WithTheIndicatorFields()
    {
        using var client = BrowserClient.Anonymous(app);

        var doc = await client.Http.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = doc.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/teams").TryGetProperty("get", out _));
        var indicators = paths.GetProperty("/api/teams/{id}/indicators").GetProperty("get");
        var parameters = indicators.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["id", "from", "to", "programme"], parameters);
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var indicator = schemas.GetProperty("IndicatorDocument").GetProperty("properties");
        foreach (var field in new[] { "key", "value", "numerator", "denominator", "target", "definition", "outcomes" })
        {
            Assert.True(indicator.TryGetProperty(field, out _), field);
        }

        var fidelity = schemas.GetProperty("FidelityDataDocument").GetProperty("properties");
        Assert.True(fidelity.TryGetProperty("item", out _) && fidelity.TryGetProperty("score", out _) && fidelity.TryGetProperty("basis", out _));
        Assert.True(schemas.GetProperty("TeamIndicatorsDocument").GetProperty("properties").TryGetProperty("fidelityFromData", out _));
    }

    private Task<int> DeniedAsync(int teamId) =>
        app.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .CountAsync(e => e.Action == AuditAction.AccessDenied && e.EntityType == "Team" && e.EntityId == teamId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    private static string Between(string html, string start, string end)
    {
        var i = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{start}' not found");
        var j = html.IndexOf(end, i, StringComparison.Ordinal);
        return html[i..j];
    }
}
