using System.Globalization;
using System.Text.Json;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Fidelity;
using Trinn.Core.Identity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Research;
using Trinn.Core.Surveys;

namespace Trinn.Web.Tests.Research;

/// <summary>
/// The forsker's analysis of a study's own questionnaire data (/Research/Analysis/{id}). Ten participants answer the
/// job-seeker questionnaire at inclusion (P1–P5 in work, P6–P10 not) and eight of them at 3 months, so Table 2 has a
/// t test between five and five, and the RM-ANOVA uses eight while the mixed model uses all ten. Work ability (q40):
/// <code>
/// w0 &lt;- c(6,7,8,5,9,3,4,5,2,6); w3 &lt;- c(7,7,9,6,9,4,6,5)   # inclusion (P1–P10), 3 months (P1–P8)
/// t.test(w0[1:5], w0[6:10], var.equal=TRUE)   # t = 3, df = 8, p-value = 0.01707
/// </code>
/// </summary>
public abstract class StudyAnalysisTests(TrinnFactory app)
{
    private static readonly int[] Wave0 = [6, 7, 8, 5, 9, 3, 4, 5, 2, 6];
    private static readonly int[] Wave3 = [7, 7, 9, 6, 9, 4, 6, 5];

    [Fact]
    public async Task Forsker_StudyWithWaves_SeesTable2Table3AndBothAnalysesWithTheirN_EachViewAudited()
    {
        var (study, researchIds, names) = await StudyWithAnswersAsync();
        var forsker = await GrantedForskerAsync(study);
        using var client = await BrowserClient.LoginAsync(app, forsker.UserName!);

        // The forsker finds the study in the picker and opens it.
        var picker = await client.GetHtmlAsync("/Research/Analysis");
        Assert.Contains($"<option value=\"{study}\"", picker, StringComparison.Ordinal);
        var before = await AuditsAsync(study);
        var html = await client.GetHtmlAsync($"/Research/Analysis/{study}");

        // Table 2 at inclusion, by "Er du i arbeid?": five and five, t(8) = 3.000, p = .017.
        Assert.Contains("data-testid=\"study-table2\"", html, StringComparison.Ordinal);
        var ttests = Section(html, "data-testid=\"study-ttests\"", "</table>");
        var workAbility = Section(ttests, "Arbeidsevne", "</tr>");
        Assert.Contains("<td>7,00 (1,58)</td>", workAbility, StringComparison.Ordinal);
        Assert.Contains("<td>4,00 (1,58)</td>", workAbility, StringComparison.Ordinal);
        Assert.Contains("<td>3,000 (8)</td>", workAbility, StringComparison.Ordinal);
        Assert.Contains("<td>,017</td>", workAbility, StringComparison.Ordinal);
        Assert.Contains("på «Er du i arbeid?», t(8) = 3,00, p = ,017, d = 1,90, 95 % KI [0,69; 5,31].", Section(html, "data-testid=\"apa-t\"", "</p>"), StringComparison.Ordinal);
        Assert.Contains("10 deltakere svarte ved inklusjon; 0 svarte ikke", Section(html, "data-testid=\"table2-n\"", "</p>"), StringComparison.Ordinal);

        // Table 3 over inclusion and 3 months: eight used, two excluded for the missing wave.
        var table3 = Section(html, "data-testid=\"study-table3\"", "</table>");
        // Differences w0[1:8] − w3: −1,0,−1,−1,0,−1,−2,0, mean −0.75, SD √0.5, so t(7) = −3 and F(1, 7) = 9 (2·pt(−3, 7) = .0199).
        var row = Section(table3, "data-construct=\"work_ability\"", "</tbody>");
        Assert.Contains("(n = 8; <5 utelatt)", row, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"2\">9,000* (1, 7)</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"2\">,020</td>", row, StringComparison.Ordinal);

        // The change analysis, chosen in its form: RM-ANOVA on 8 beside the mixed model on all 10 (18 observations).
        var change = await client.GetHtmlAsync($"/Research/Analysis/{study}?Input.Construct=work_ability&Input.CompareWaves=0&Input.CompareWaves=3");
        Assert.Contains(">8</dd>", Section(change, "data-testid=\"anova-n\"", "\n"), StringComparison.Ordinal);
        Assert.Contains(">10</dd>", Section(change, "data-testid=\"mixed-n\"", "\n"), StringComparison.Ordinal);
        Assert.Contains(">18</dd>", Section(change, "data-testid=\"mixed-observations\"", "\n"), StringComparison.Ordinal);
        Assert.Contains("Wilks' Λ =", Section(change, "data-testid=\"anova-test\"", "</p>"), StringComparison.Ordinal);
        Assert.Contains("10 deltakere, 18 observasjoner", change, StringComparison.Ordinal);

        // Pseudonymous: no names, and the research IDs are not listed either (aggregates only).
        foreach (var text in new[] { html, change })
        {
            Assert.All(names, n => Assert.DoesNotContain(n, text, StringComparison.Ordinal));
            Assert.All(researchIds, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
        }

        var audits = await app.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == "ResearchAnalysis" && e.EntityId == study.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(before + 2, audits.Count);
        Assert.All(audits.TakeLast(2), e => Assert.Equal(forsker.Id, e.UserId));
        using var last = JsonDocument.Parse(audits[^1].Changes!);
        Assert.Equal("work_ability; waves=0,3", last.RootElement.GetProperty("Change")[1].GetString());
    }

    [Fact]
    public async Task Analysis_OtherRolesRefused_UnknownStudyNotFound_NothingAudited()
    {
        var (study, _, _) = await StudyWithAnswersAsync();
        var before = await AuditsAsync(study);
        foreach (var role in Roles.All.Where(r => r != Roles.Forsker))
        {
            var user = await app.Data.AddUserAsync(role, role is Roles.Jobbspesialist or Roles.Metodeveileder or Roles.Leder ? await app.Data.AddTeamAsync() : null);
            using var client = await BrowserClient.LoginAsync(app, user.UserName!);
            var response = await client.GetAsync($"/Research/Analysis/{study}");
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.RedirectPath().StartsWith("/Account/AccessDenied", StringComparison.Ordinal),
                $"{role}: {response.StatusCode} {response.Headers.Location}");
        }

        var forsker = await app.Data.AddUserAsync(Roles.Forsker);
        using var researcher = await BrowserClient.LoginAsync(app, forsker.UserName!);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync("/Research/Analysis/999999")).StatusCode);
        // A forsker an admin has not granted the study does not find it either.
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/Research/Analysis/{study}")).StatusCode);
        Assert.DoesNotContain($"<option value=\"{study}\"", await researcher.GetHtmlAsync("/Research/Analysis"), StringComparison.Ordinal);
        var anonymous = await BrowserClient.Anonymous(app).GetAsync($"/Research/Analysis/{study}");
        Assert.StartsWith("/Account/Login", anonymous.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(before, await AuditsAsync(study));
    }

    [Fact]
    public async Task Analysis_WaveNotInTheStudy_FieldMessageAndNoTable2()
    {
        var (study, _, _) = await StudyWithAnswersAsync();
        var forsker = await GrantedForskerAsync(study);
        using var client = await BrowserClient.LoginAsync(app, forsker.UserName!);

        var response = await client.GetAsync($"/Research/Analysis/{study}?Input.Wave=7&Input.Group=q2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Equal("Velg en runde fra lista.", ResponseExtensions.FieldError(html, "Input_Wave"));
        Assert.DoesNotContain("data-testid=\"study-table2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"study-table3\"", html, StringComparison.Ordinal);
    }

    /// <summary>The hostile-input property of <see cref="Security.HostileInput.HostileQueryTests"/> on every field of the page's three forms (they need a study with answers).</summary>
    [Fact]
    public async Task Analysis_HostileQueryValues_NeverAServerErrorAndEchoedEncoded()
    {
        var (study, _, _) = await StudyWithAnswersAsync();
        var forsker = await GrantedForskerAsync(study);
        using var client = await BrowserClient.LoginAsync(app, forsker.UserName!);
        string[] routes =
        [
            $"/Research/Analysis/{study}?Input.Wave={{0}}&Input.Group={{0}}",
            $"/Research/Analysis/{study}?Input.Waves={{0}}&Input.Waves=0",
            $"/Research/Analysis/{study}?Input.Construct={{0}}&Input.CompareWaves={{0}}",
            "/Research/Analysis?id={0}",
        ];
        foreach (var route in routes)
        {
            var property = FsCheck.Fluent.Prop.ForAll(Security.HostileInput.HostileStrings.Arbitrary(), value => Task.Run(async () =>
            {
                var url = string.Format(CultureInfo.InvariantCulture, route, Uri.EscapeDataString(Security.HostileInput.HostileStrings.AfterUtf8(value.Value)));
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{route} with {value}: {(int)response.StatusCode}");
                Assert.All(Security.HostileInput.HostileStrings.RawMarkup, m => Assert.DoesNotContain(m, body, StringComparison.OrdinalIgnoreCase));
            }).GetAwaiter().GetResult());
            await Task.Run(() => FsCheck.Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(25).WithQuietOnSuccess(true), property));
        }
    }

    [Fact]
    public async Task ResearchPages_LinkToTheStudyAnalysis()
    {
        var (study, _, _) = await StudyWithAnswersAsync();
        var forsker = await GrantedForskerAsync(study);
        using var client = await BrowserClient.LoginAsync(app, forsker.UserName!);

        Assert.Contains($"href=\"/Research/Analysis/{study}\"", await client.GetHtmlAsync("/Research/Studies"), StringComparison.Ordinal);
        var upload = await client.GetHtmlAsync("/Research");
        Assert.Contains("href=\"/Research/Analysis\"", upload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaveExports_LongAndWide_HoldTheConstructScoresPerWave_AndAreAudited()
    {
        var (study, researchIds, _) = await StudyWithAnswersAsync();
        var forsker = await GrantedForskerAsync(study);
        using var client = await BrowserClient.LoginAsync(app, forsker.UserName!);
        var before = await app.Data.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EntityType == "ResearchExport" && e.EntityId == study.ToString(CultureInfo.InvariantCulture)));

        var longCsv = await CsvAsync(client, $"/Research/Export/{study}?handler=Download&format=research&file=long-wave.csv");
        var wide = await CsvAsync(client, $"/Research/Export/{study}?handler=Download&format=research&file=wide.csv");
        var codebook = await CsvAsync(client, $"/Research/Export/{study}?handler=Download&format=research&file=codebook.csv");
        var sps = await CsvAsync(client, $"/Research/Export/{study}?handler=Download&format=research&file=long-wave.sps");

        // Long: one row per participant and scheduled wave (four each); P1's work ability at 0 and 3 months.
        var header = longCsv[0].Split(',').ToList();
        Assert.Equal(1 + (researchIds.Count * 4), longCsv.Length);
        var first = longCsv.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == researchIds[0]).ToList();
        Assert.Equal(["0", "3", "12", "18"], first.Select(f => f[header.IndexOf("wave")]));
        Assert.Equal([6m, 7m, null, null], first.Select(f => Number(f[header.IndexOf("work_ability")])));
        // Wide: the same as work_ability_0, work_ability_3 …
        var wideHeader = wide[0].Split(',').ToList();
        var row = wide.Skip(1).Select(l => l.Split(',')).Single(f => f[0] == researchIds[9]);
        Assert.Equal(6m, Number(row[wideHeader.IndexOf("work_ability_0")]));
        Assert.Equal("", row[wideHeader.IndexOf("work_ability_3")]);
        Assert.Contains(codebook, l => l.StartsWith("work_ability,work_ability_0 … work_ability_18,\"Arbeidsevne (0–10", StringComparison.Ordinal) && l.Contains("jobbmestring v1", StringComparison.Ordinal));
        Assert.Contains(sps, l => l.Contains("work_ability", StringComparison.Ordinal));
        Assert.Equal(before + 4, await app.Data.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EntityType == "ResearchExport" && e.EntityId == study.ToString(CultureInfo.InvariantCulture))));
    }

    private static decimal? Number(string field) => field.Length == 0 ? null : decimal.Parse(field, CultureInfo.InvariantCulture);

    private static async Task<string[]> CsvAsync(BrowserClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Section(string html, string start, string end)
    {
        var at = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{start}' not found");
        var stop = html.IndexOf(end, at + start.Length, StringComparison.Ordinal);
        return html[at..(stop < 0 ? html.Length : stop + end.Length)];
    }

    private Task<int> AuditsAsync(int study) =>
        app.Data.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EntityType == "ResearchAnalysis" && e.EntityId == study.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A study over a team of its own with ten consenting participants who answered as the class summary says.</summary>
    /// <summary>A forsker an admin granted the study (/Studies/Researchers).</summary>
    private async Task<Trinn.Core.Identity.TrinnUser> GrantedForskerAsync(int study)
    {
        var forsker = await app.Data.AddUserAsync(Roles.Forsker);
        await app.Data.WithDbAsync(async db =>
        {
            var admin = await db.Users.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            db.Add(new StudyResearcher { StudyId = study, UserId = forsker.Id, GrantedById = admin, GrantedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return forsker;
    }

    private async Task<(int Study, List<string> ResearchIds, List<string> Names)> StudyWithAnswersAsync()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var admin = await app.Data.AddUserAsync(Roles.Admin);
        var today = app.Data.Today;
        var candidates = new List<Candidate>();
        for (var i = 0; i < Wave0.Length; i++)
        {
            candidates.Add(await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist, referredDaysAgo: 500));
        }

        var study = await app.Data.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var definition = (await InstrumentStore.PublishAsync(db, ShippedInstruments.JobSeekerQuestionnaire, now)).Definition();
            var study = Study.Create(TestData.Unique("Studie "), false, [staff.Team.Id], admin.Id, now);
            db.Add(study);
            await db.SaveChangesAsync();
            var protocol = StudyProtocol.CreateDefault(study.Id);
            protocol.UseInstrument(definition.Key, definition.Version);
            db.Add(protocol);
            db.Add(InformationLetter.Create(study.Id, null, "Informasjonsskriv", admin.Id, now));
            db.AddRange(candidates.Select(c => new CooperationAgreement { CandidateId = c.Id, SignedOn = today.AddDays(-450), Agreed = "Avtale", ConsentResearch = true }));
            await db.SaveChangesAsync();
            for (var i = 0; i < candidates.Count; i++)
            {
                var consented = today.AddDays(-400);
                var consent = await StudyConsent.RegisterAsync(db, study, protocol, candidates[i].Id, consented, consented, 1, admin.Id, today, now);
                await db.SaveChangesAsync();
                var researchId = await db.Set<StudyParticipant>().Where(p => p.Id == consent.ParticipantId).Select(p => p.ResearchId).SingleAsync();
                var waves = await db.Set<SurveyWave>().Where(w => w.ParticipantId == consent.ParticipantId).OrderBy(w => w.Number).ToListAsync();
                Answer(waves[0], Wave0[i]);
                if (i < Wave3.Length)
                {
                    Answer(waves[1], Wave3[i]);
                }

                await db.SaveChangesAsync();

                void Answer(SurveyWave wave, int ability)
                {
                    var answers = AnswerSet.FromSingles(new Dictionary<string, string>
                    {
                        ["q2"] = i < 5 ? "1" : "2",
                        ["q40"] = ability.ToString(CultureInfo.InvariantCulture),
                    });
                    db.AddRange(wave.Submit(definition, answers, researchId, paper: false, null, wave.TargetDate, now));
                }
            }

            return study.Id;
        });
        var ids = await app.Data.WithDbAsync(db => db.Set<StudyParticipant>().Where(p => p.StudyId == study)
            .OrderBy(p => p.CandidateId).Select(p => p.ResearchId).ToListAsync());
        return (study, ids, [.. candidates.SelectMany(c => new[] { c.FirstName, c.LastName, c.NationalId })]);
    }
}

public sealed class StudyAnalysisSqliteTests(TrinnFactory app) : StudyAnalysisTests(app), IClassFixture<TrinnFactory>;

public sealed class StudyAnalysisPostgresTests(PostgresTrinnFactory app) : StudyAnalysisTests(app), IClassFixture<PostgresTrinnFactory>;
