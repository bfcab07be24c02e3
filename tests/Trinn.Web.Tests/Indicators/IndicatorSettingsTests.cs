using Trinn.Core.Fidelity;
using Trinn.Core.Identity;
using Trinn.Core.Indicators;
using Trinn.Core.Instruments;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Teams;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Tests.Indicators;

/// <summary>
/// The settings behind the figures, through their pages: targets with valid-from dates and history, team membership
/// and FTE over time, registered absence, and the fidelity rounds' "Fra registrerte data" column. Own app instance,
/// because targets apply to every team.
/// </summary>
public sealed class IndicatorSettingsTests(IndicatorSettingsTests.App app) : IClassFixture<IndicatorSettingsTests.App>
{
    public sealed class App : IndicatorFactory;

    [Fact]
    public async Task Targets_NewTargetFromADate_KeptInHistory_AndTheDashboardMeasuresAgainstIt()
    {
        var t = await app.AddTeamAsync();
        var admin = await app.Data.AddUserAsync(Roles.Admin);
        using var client = await BrowserClient.LoginAsync(app, admin.UserName!);

        var refused = await client.SubmitAsync("/Admin/Targets", new()
        {
            ["Input.Key"] = IndicatorKeys.Caseload,
            ["Input.ValidFrom"] = "2026-01-01",
            ["Input.Value"] = "5",
            ["Input.UpperValue"] = "4",
            ["Input.Source"] = "Oppdragsbrev 2026",
        });
        Assert.Equal("Fyll ut en øvre grense som er minst like stor som målet (høyst 1000).",
            ResponseExtensions.FieldError(await refused.Content.ReadAsStringAsync(), "Input_UpperValue") is { } m ? System.Net.WebUtility.HtmlDecode(m) : null);
        var saved = await client.SubmitAsync("/Admin/Targets", new()
        {
            ["Input.Key"] = IndicatorKeys.Caseload,
            ["Input.ValidFrom"] = "2026-01-01",
            ["Input.Value"] = "5",
            ["Input.UpperValue"] = "10",
            ["Input.Source"] = "Oppdragsbrev 2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await client.GetHtmlAsync("/Admin/Targets");
        Assert.Contains("Gjelder nå: Mål: mellom 5,0 og 10,0", page, StringComparison.Ordinal);
        Assert.Contains("Oppdragsbrev 2026", page, StringComparison.Ordinal);
        Assert.Contains("Rapportens mål (standard)", page, StringComparison.Ordinal);

        // 8.0 per FTE now meets the band 5–10; in calendar 2025 the report's 12–20 still applied.
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);
        var now = await mv.GetHtmlAsync("/Overview");
        Assert.Contains("Mål: mellom 5,0 og 10,0", now, StringComparison.Ordinal);
        Assert.Contains("Kilde for målet: Oppdragsbrev 2026", now, StringComparison.Ordinal);
        Assert.Contains("data-light=\"Met\"", now, StringComparison.Ordinal);
        var before = await mv.GetHtmlAsync("/Overview?period=year&year=2025");
        Assert.Contains("Mål: mellom 12,0 og 20,0", before, StringComparison.Ordinal);
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Set<IndicatorTarget>().CountAsync(x => x.Key == IndicatorKeys.Caseload)));
    }

    [Fact]
    public async Task Memberships_SpecialistMovesTeamMidPeriod_CountsForEachTeamForTheirPart()
    {
        var t = await app.AddTeamAsync();
        var other = await app.AddTeamAsync();
        var admin = await app.Data.AddUserAsync(Roles.Admin);
        using var client = await BrowserClient.LoginAsync(app, admin.UserName!);

        var refused = await client.SubmitAsync($"/Admin/Memberships/{t.B.Id}", new() { ["Input.From"] = "2026-07-01", ["Input.TeamId"] = other.Team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Fte"] = "1" });
        Assert.Equal("Datoen kan ikke være fram i tid.", ResponseExtensions.FieldError(System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "Input_From"));
        var moved = await client.SubmitAsync($"/Admin/Memberships/{t.B.Id}", new() { ["Input.From"] = "2026-04-01", ["Input.TeamId"] = other.Team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Fte"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var history = await app.Data.WithDbAsync(db => db.Set<TeamMembership>().AsNoTracking().Where(m => m.UserId == t.B.Id).OrderBy(m => m.From).ToListAsync());
        Assert.Equal([(t.Team.Id, DateOnly.MinValue, (DateOnly?)new DateOnly(2026, 3, 31), 0.5m), (other.Team.Id, new DateOnly(2026, 4, 1), null, 1.0m)],
            history.Select(m => (m.TeamId, m.From, m.To, m.Fte)));

        // Old team, January – June 2026 (181 days): A full time 181 FTE-days, B 0.5 × 90 days (January – March) = 45
        // → 226 FTE-days. On 30 June only A: 12 in follow-up (B's candidates stay with the team) / 1.0 = 12.0.
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);
        using var json = System.Text.Json.JsonDocument.Parse(await (await mv.GetAsync($"/api/teams/{t.Team.Id}/indicators?from=2026-01-01&to=2026-06-30")).Content.ReadAsStringAsync());
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        Assert.Equal((12m, 12m, 1m), Figure(indicators["caseload"]));
        // One discharge to work / (226 / 365) FTE-years = 1.6150 per FTE-year.
        Assert.Equal((1.6150m, 1m, Math.Round(226m / 365m, 4)), Figure(indicators["discharged-to-work"]));
    }

    [Fact]
    public async Task Absence_TakesTimeOutOfTheWeeksWorkingTime()
    {
        var t = await app.AddTeamAsync();
        using var b = await BrowserClient.LoginAsync(app, t.B.UserName!);
        await app.Data.WithDbAsync(async db =>
        {
            db.Add(TimeBlock.Create(t.B.Id, new DateOnly(2026, 6, 16), 240, TimeCategory.WithCandidate, true, null, IndicatorFactory.Today, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        // Week 2026-W25 (15–21 June), B at 50 %: 18.75 h working time; 4 h out of the office = 21.3 %.
        var before = await b.GetHtmlAsync("/TimeLog?week=2026-W25");
        Assert.Contains("21,3 % ute av kontoret, regnet av arbeidstiden (4 av 18,8 timer)", before, StringComparison.Ordinal);
        var saved = await b.SubmitAsync("/TimeLog/Absence", new() { ["Input.From"] = "2026-06-18", ["Input.To"] = "2026-06-19", ["Input.Percent"] = "100", ["Input.Kind"] = ((int)AbsenceKind.Holiday).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var bad = await b.SubmitAsync("/TimeLog/Absence", new() { ["Input.From"] = "2026-06-19", ["Input.To"] = "2026-06-18", ["Input.Percent"] = "100", ["Input.Kind"] = "1" });
        Assert.Equal("Til-datoen må være samme dag som eller etter fra-datoen.", ResponseExtensions.FieldError(System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), "Input_To"));

        // Thursday and Friday off: 3 of 5 days left, 11.25 h; 4 / 11.25 = 35.6 %.
        var after = await b.GetHtmlAsync("/TimeLog?week=2026-W25");
        Assert.Contains("35,6 % ute av kontoret, regnet av arbeidstiden (4 av 11,3 timer)", after, StringComparison.Ordinal);
        Assert.Contains("Til sammenligning, andel av ført tid: 100 % (240 av 240 minutter ført).", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FidelityResults_RecordedDataColumn_ScoresAndMarksWhereSelfReportDiffers()
    {
        var t = await app.AddTeamAsync();
        var round = await app.Data.WithDbAsync(async db =>
        {
            var version = await InstrumentStore.PublishAsync(db, ShippedInstruments.Fidelity, DateTime.UtcNow);
            var r = new FidelityRound
            {
                TeamId = t.Team.Id,
                Label = TestData.Unique("Runde "),
                OpensOn = new DateOnly(2026, 6, 1),
                ClosesOn = new DateOnly(2026, 6, 14),
                InstrumentKey = version.Key,
                InstrumentVersion = version.Version,
                CreatedById = t.Supervisor.Id,
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Add(r);
            var definition = ShippedInstruments.Fidelity;
            foreach (var user in new[] { t.A, t.B })
            {
                // Both answer "41 or more" on item 1 (score 1); the records say 8 per FTE (score 5).
                var answers = AnswerValidator.Validate(definition, new Dictionary<string, IReadOnlyList<string>> { ["item1"] = [definition.GetItem("item1").Options[0].Code] }).Answers;
                var response = new FidelityResponse
                {
                    Round = r,
                    RespondentId = user.Id,
                    InstrumentKey = version.Key,
                    InstrumentVersion = version.Version,
                    AnswersJson = "{}",
                    SubmittedAtUtc = DateTime.UtcNow,
                };
                response.Record(answers, false, DateTime.UtcNow);
                db.Add(response);
            }

            await db.SaveChangesAsync();
            return r.Id;
        });
        using var mv = await BrowserClient.LoginAsync(app, t.Supervisor.UserName!);

        var html = await mv.GetHtmlAsync($"/Fidelity/Results/{round}");

        var row = html[html.IndexOf("<tr data-item=\"1\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var recorded = row[(row.IndexOf("data-col=\"recorded\">", StringComparison.Ordinal) + "data-col=\"recorded\">".Length)..];
        Assert.StartsWith("5", recorded.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("data-differs=\"true\"", row, StringComparison.Ordinal);
        // The round window: the six months before it closed.
        Assert.Contains("15.12.2025–14.06.2026", html, StringComparison.Ordinal);
        Assert.Contains("8,0 kandidater per årsverk (12 / 1,5)", html, StringComparison.Ordinal);
    }

    private static (decimal Value, decimal Numerator, decimal Denominator) Figure(System.Text.Json.JsonElement indicator) =>
        (indicator.GetProperty("value").GetDecimal(), indicator.GetProperty("numerator").GetDecimal(), indicator.GetProperty("denominator").GetDecimal());
}
