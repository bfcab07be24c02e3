using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.NationalIds;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Research;
using Trinn.Web.Tests.Workplace;

namespace Trinn.Web.Tests.Research;

/// <summary>
/// Studies, enrolment and research exports through the pages: only consenting candidates get a research ID, the forsker's
/// CSV and xlsx hold research IDs and none of the personal values, and free text appears only in an admin's audited export.
/// </summary>
public abstract class StudyExportTests(AppFixture fx)
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Enrol_CandidateWithoutResearchConsent_FieldMessageAndNothingSaved()
    {
        var study = await AddStudyAsync(fx.TeamA);
        var candidate = await AddPersonAsync(fx.TeamA, consent: false);
        var mv = await fx.LoginAsync("mv1");

        var response = await AppFixture.PostFormAsync(mv, $"/Studies/Enrol/{study}", new() { ["Input.CandidateId"] = S(candidate.Id) });

        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kandidaten har ikke samtykket til forskning i samarbeidsavtalen.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_CandidateId-error\"", html, StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<StudyParticipant>().AnyAsync(p => p.CandidateId == candidate.Id)));
    }

    [Fact]
    public async Task Enrol_OtherTeamsCandidate_RefusedByMetodeveileder()
    {
        var study = await AddStudyAsync(fx.TeamA, fx.TeamB);
        var foreign = await AddPersonAsync(fx.TeamB, consent: true);
        var mv = await fx.LoginAsync("mv1");

        var response = await AppFixture.PostFormAsync(mv, $"/Studies/Enrol/{study}", new() { ["Input.CandidateId"] = S(foreign.Id) });

        Assert.Contains("Kandidaten tilhører ikke et team i denne studien.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<StudyParticipant>().AnyAsync(p => p.CandidateId == foreign.Id)));
    }

    [Fact]
    public async Task Enrol_ConsentingCandidates_GetWellFormedUniqueResearchIdsPerStudy()
    {
        var first = await AddStudyAsync(fx.TeamA);
        var second = await AddStudyAsync(fx.TeamA);
        var a = await AddPersonAsync(fx.TeamA, consent: true);
        var b = await AddPersonAsync(fx.TeamA, consent: true);
        var mv = await fx.LoginAsync("mv1");
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(mv, $"/Studies/Enrol/{first}", new() { ["Input.CandidateId"] = S(a.Id) })).StatusCode);
        var admin = await fx.LoginAsync("admin1");
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(admin, $"/Studies/Enrol/{first}", [], $"/Studies/Enrol/{first}?handler=All")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(admin, $"/Studies/Enrol/{second}", [], $"/Studies/Enrol/{second}?handler=All")).StatusCode);

        var again = await AppFixture.PostFormAsync(mv, $"/Studies/Enrol/{first}", new() { ["Input.CandidateId"] = S(a.Id) });
        Assert.Contains("Kandidaten er allerede med i denne studien.", await again.HtmlAsync(), StringComparison.Ordinal);

        var ids = await fx.WithDbAsync(db => db.Set<StudyParticipant>().AsNoTracking()
            .Where(p => p.CandidateId == a.Id || p.CandidateId == b.Id).ToListAsync());
        Assert.Equal(4, ids.Count);
        Assert.All(ids, p => Assert.True(ResearchIds.IsWellFormed(p.ResearchId), p.ResearchId));
        Assert.Equal(4, ids.Select(p => p.ResearchId).Distinct().Count());
        Assert.All(ids, p => Assert.Equal("40-49", p.AgeBand));
        var all = await fx.WithDbAsync(db => db.Set<StudyParticipant>().Select(p => p.ResearchId).ToListAsync());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void ResearchIds_ManyDrawn_AllWellFormedAndDistinct()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => ResearchIds.New()).ToList();
        Assert.All(ids, id => Assert.True(ResearchIds.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(ids, id => id.AsSpan(2).IndexOfAny("01ILO") >= 0);
    }

    [Fact]
    public async Task ForskerDownloads_CsvAndXlsx_HoldResearchIdsAndNoPersonalValues_EachAudited()
    {
        var team = await NewTeamAsync();
        var study = await AddStudyAsync(team);
        var people = new[] { await AddPersonAsync(team, consent: true, discharged: true), await AddPersonAsync(team, consent: true) };
        await EnrolAllAsync(study);
        var researchIds = await fx.WithDbAsync(db => db.Set<StudyParticipant>().Where(p => p.StudyId == study).Select(p => p.ResearchId).ToListAsync());
        Assert.Equal(2, researchIds.Count);
        await GrantForskerAsync(study);
        var forsker = await fx.LoginAsync("forsker1");
        var before = await ExportAuditsAsync(study);

        var files = new Dictionary<string, string>();
        foreach (var file in StudyDataset.Files)
        {
            var csv = await forsker.GetAsync($"/Research/Export/{study}?handler=Download&format=csv&file={file}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            files[file + ".csv"] = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        }

        var xlsx = await forsker.GetAsync($"/Research/Export/{study}?handler=Download&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        files["book.xlsx"] = XlsxText(await xlsx.Content.ReadAsByteArrayAsync());
        var teamName = await fx.WithDbAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync());

        foreach (var (name, text) in files)
        {
            // These participants have no questionnaire waves (no protocol consent), so waves.csv is its header only.
            if (name != "waves.csv")
            {
                Assert.All(researchIds, id => Assert.Contains(id, text, StringComparison.Ordinal));
            }

            foreach (var person in people)
            {
                var leaked = person.PersonalValues.Where(v => text.Contains(v, StringComparison.Ordinal)).ToList();
                Assert.True(leaked.Count == 0, $"{name} holds {string.Join(", ", leaked)}");
            }

            Assert.DoesNotContain(teamName, text, StringComparison.Ordinal);
        }

        var participants = files["participants.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, participants.Length);
        Assert.StartsWith("\uFEFFresearch_id,team,age_band,referral_date", participants[0], StringComparison.Ordinal);
        Assert.Contains(participants, l => l.Contains(",T", StringComparison.Ordinal) && l.Contains(",OrdinaryWork,1,1,", StringComparison.Ordinal));
        Assert.Contains("Permanent,Regular,60,", files["participants.csv"], StringComparison.Ordinal);
        Assert.Contains("Lonnstilskudd;Mentortilskudd", files["placements.csv"], StringComparison.Ordinal);
        Assert.Single(files["waves.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before + StudyDataset.Files.Count + 1, await ExportAuditsAsync(study));
    }

    [Fact]
    public async Task AdminExport_FreeTextTickedWithReason_HoldsFreeTextAndAuditsTheChoice()
    {
        var team = await NewTeamAsync();
        var study = await AddStudyAsync(team);
        var person = await AddPersonAsync(team, consent: true, discharged: true);
        await EnrolAllAsync(study);
        var admin = await fx.LoginAsync("admin1");

        var plain = await AppFixture.PostFormAsync(admin, $"/Studies/Export/{study}", new() { ["Input.Format"] = "xlsx", ["Input.IncludeFreeText"] = "false" });
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var plainText = XlsxText(await plain.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(person.Journal, plainText, StringComparison.Ordinal);

        var response = await AppFixture.PostFormAsync(admin, $"/Studies/Export/{study}", new()
        {
            ["Input.Format"] = "xlsx",
            ["Input.IncludeFreeText"] = "true",
            ["Input.Reason"] = "Kvalitativ delstudie, godkjent av REK",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = XlsxText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(person.Journal, text, StringComparison.Ordinal);
        Assert.Contains(person.ReferralReason, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.NationalId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.LastName, text, StringComparison.Ordinal);
        var leaked = person.NeverExported.Where(v => text.Contains(v, StringComparison.Ordinal)).ToList();
        Assert.True(person.NeverExported.Count > 0 && leaked.Count == 0, "free-text export holds " + string.Join(", ", leaked));
        foreach (var file in StudyDataset.Files.Append(StudyDataset.Journal))
        {
            using var csv = await AppFixture.PostFormAsync(admin, $"/Studies/Export/{study}", new()
            {
                ["Input.Format"] = "csv:" + file,
                ["Input.IncludeFreeText"] = "true",
                ["Input.Reason"] = "Kvalitativ delstudie, godkjent av REK",
            });
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
            Assert.DoesNotContain(person.NeverExported, v => csvText.Contains(v, StringComparison.Ordinal));
        }

        var audits = await fx.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == "ResearchExport" && e.EntityId == S(study)).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(2 + StudyDataset.Files.Count + 1, audits.Count);
        Assert.All(audits, a => Assert.Equal(AuditAction.Export, a.Action));
        Assert.Equal(fx.UserIds["admin1"], audits[1].UserId);
        using var changes = JsonDocument.Parse(audits[1].Changes!);
        Assert.True(changes.RootElement.GetProperty("IncludeFreeText")[1].GetBoolean());
        Assert.Equal("Kvalitativ delstudie, godkjent av REK", changes.RootElement.GetProperty("Reason")[1].GetString());
        using var first = JsonDocument.Parse(audits[0].Changes!);
        Assert.False(first.RootElement.GetProperty("IncludeFreeText")[1].GetBoolean());
    }

    [Fact]
    public async Task ForskerResearchFiles_WideLongCodebookSpssAndR_CodedPseudonymousAndAudited()
    {
        var team = await NewTeamAsync();
        var study = await AddStudyAsync(team);
        var discharged = await AddPersonAsync(team, consent: true, discharged: true);
        var active = await AddPersonAsync(team, consent: true);
        await EnrolAllAsync(study);
        await GrantForskerAsync(study);
        var researchIds = await fx.WithDbAsync(db => db.Set<StudyParticipant>().Where(p => p.StudyId == study).OrderBy(p => p.CandidateId).Select(p => p.ResearchId).ToListAsync());
        var forsker = await fx.LoginAsync("forsker1");
        var before = await ExportAuditsAsync(study);

        var page = await (await forsker.GetAsync($"/Research/Export/{study}")).HtmlAsync();
        string[] files = ["wide.csv", "wide.sps", "wide.R", "long-placement.csv", "long-placement.sps", "long-placement.R", "codebook.csv"];
        var texts = new Dictionary<string, string>();
        foreach (var file in files)
        {
            var link = $"/Research/Export/{study}?handler=Download&format=research&file={file}";
            Assert.Contains(link, page, StringComparison.Ordinal);
            var response = await forsker.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            texts[file] = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
            var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
            Assert.StartsWith($"trinn-studie-{study}-", name, StringComparison.Ordinal);
        }

        foreach (var (file, text) in texts)
        {
            foreach (var person in new[] { discharged, active })
            {
                var leaked = person.PersonalValues.Where(v => text.Contains(v, StringComparison.Ordinal)).ToList();
                Assert.True(leaked.Count == 0, $"{file} holds {string.Join(", ", leaked)}");
            }
        }

        // Wide: one row per participant, categories as codes (innsatsgruppe 1 = Situasjonsbestemt, placement_kind 3 = Permanent,
        // discharge_outcome 1 = OrdinaryWork), −1 where the outcome does not apply yet.
        var wide = texts["wide.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, wide.Length);
        Assert.StartsWith("research_id,team,age_band,referral_date,innsatsgruppe,stage1_date", wide[0], StringComparison.Ordinal);
        Assert.EndsWith(",placement_kind_1,placement_market_1,placement_percent_1,placement_start_1,placement_end_1,placement_ending_1,placement_measures_1", wide[0], StringComparison.Ordinal);
        var columns = wide[0].Split(',').ToList();
        var rows = wide.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        Assert.Equal(researchIds.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        string[] first = rows[researchIds[0]], second = rows[researchIds[1]];
        Assert.Equal("1", first[columns.IndexOf("innsatsgruppe")]);
        Assert.Equal("1", first[columns.IndexOf("discharge_outcome")]);
        Assert.Equal("-1", second[columns.IndexOf("discharge_outcome")]);
        Assert.Equal("-1", second[columns.IndexOf("to_work_official")]);
        Assert.Equal("3", first[columns.IndexOf("placement_kind_1")]);
        Assert.Equal("60", first[columns.IndexOf("placement_percent_1")]);
        Assert.Equal("-1", first[columns.IndexOf("placement_ending_1")]);
        Assert.DoesNotContain("free_", texts["wide.csv"], StringComparison.Ordinal);

        var longRows = texts["long-placement.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, longRows.Length);
        Assert.Contains(",placement,placement_kind,placement_market,", longRows[0], StringComparison.Ordinal);

        var sps = texts["wide.sps"];
        Assert.Contains($"/FILE='trinn-studie-{study}-wide.csv'", sps, StringComparison.Ordinal);
        Assert.Contains("research_id 'Forsknings-ID (pseudonym)'", sps, StringComparison.Ordinal);
        Assert.Contains("    1 'Ordinært arbeid'\r\n", sps, StringComparison.Ordinal);
        Assert.Contains("MISSING VALUES discharge_outcome (-1).", sps, StringComparison.Ordinal);
        Assert.Contains("    placement F2.0\r\n    placement_kind F2.0\r\n", texts["long-placement.sps"], StringComparison.Ordinal);
        Assert.Contains($"fil <- \"trinn-studie-{study}-long-placement.csv\"", texts["long-placement.R"], StringComparison.Ordinal);
        Assert.Contains("labels = c(\"Ordinært arbeid\"", texts["wide.R"], StringComparison.Ordinal);
        Assert.Contains("discharge_outcome,discharge_outcome,Utfall ved utskriving,numeric,nominal,", texts["codebook.csv"], StringComparison.Ordinal);
        Assert.Equal(before + files.Length, await ExportAuditsAsync(study));
        var last = await fx.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == "ResearchExport" && e.EntityId == S(study)).OrderByDescending(e => e.Sequence).FirstAsync());
        using var changes = JsonDocument.Parse(last.Changes!);
        Assert.Equal("research", changes.RootElement.GetProperty("Format")[1].GetString());
        Assert.Equal("codebook.csv", changes.RootElement.GetProperty("File")[1].GetString());
        Assert.Equal(fx.UserIds["forsker1"], last.UserId);

        var codebook = await forsker.GetAsync($"/Research/Codebook/{study}");
        Assert.Equal(HttpStatusCode.OK, codebook.StatusCode);
        var html = await codebook.HtmlAsync();
        Assert.Contains("<code>discharge_outcome</code>", html, StringComparison.Ordinal);
        Assert.Contains("Bred fil: <code>placement_kind_<placement></code>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await forsker.GetAsync("/Research/Codebook/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await forsker.GetAsync($"/Research/Export/{study}?handler=Download&format=research&file=secrets.csv")).StatusCode);
    }

    [Fact]
    public async Task AdminResearchFiles_FreeTextTicked_WideFileAndSyntaxHoldTheFreeTextVariables()
    {
        var team = await NewTeamAsync();
        var study = await AddStudyAsync(team);
        var person = await AddPersonAsync(team, consent: true, discharged: true);
        await EnrolAllAsync(study);
        var admin = await fx.LoginAsync("admin1");

        var plain = await AppFixture.PostFormAsync(admin, $"/Studies/Export/{study}", new() { ["Input.Format"] = "research:wide.csv", ["Input.IncludeFreeText"] = "false" });
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.DoesNotContain(person.ReferralReason, Encoding.UTF8.GetString(await plain.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var withText = await AppFixture.PostFormAsync(admin, $"/Studies/Export/{study}", new()
        {
            ["Input.Format"] = "research:wide.csv",
            ["Input.IncludeFreeText"] = "true",
            ["Input.Reason"] = "Kvalitativ delstudie, godkjent av REK",
        });
        var csv = Encoding.UTF8.GetString(await withText.Content.ReadAsByteArrayAsync());
        Assert.Contains(",free_referral_reason,free_discharge_note", csv, StringComparison.Ordinal);
        Assert.Contains(person.ReferralReason, csv, StringComparison.Ordinal);
        Assert.Equal($"trinn-studie-{study}-med-fritekst-wide.csv", withText.Content.Headers.ContentDisposition?.FileNameStar ?? withText.Content.Headers.ContentDisposition?.FileName);
        var sps = await AppFixture.PostFormAsync(admin, $"/Studies/Export/{study}", new()
        {
            ["Input.Format"] = "research:wide.sps",
            ["Input.IncludeFreeText"] = "true",
            ["Input.Reason"] = "Kvalitativ delstudie, godkjent av REK",
        });
        Assert.Contains("free_referral_reason 'Henvisningsgrunn (fritekst)'", Encoding.UTF8.GetString(await sps.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal(3, await ExportAuditsAsync(study));
    }

    [Fact]
    public async Task AdminExport_FreeTextWithoutReason_FieldMessageAndNoFile()
    {
        var study = await AddStudyAsync(fx.TeamA);
        var admin = await fx.LoginAsync("admin1");

        var response = await AppFixture.PostFormAsync(admin, $"/Studies/Export/{study}", new() { ["Input.Format"] = "csv:journal", ["Input.IncludeFreeText"] = "true" });

        var html = await response.HtmlAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Skriv hvorfor fritekst skal være med i denne eksporten.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Reason-error\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await ExportAuditsAsync(study));
    }

    [Fact]
    public async Task NewStudy_NoTeamsChosen_FieldMessage_ThenCreated()
    {
        var admin = await fx.LoginAsync("admin1");
        var name = "Studie " + Guid.NewGuid().ToString("N")[..8];

        var refused = await AppFixture.PostFormAsync(admin, "/Studies/New", new() { ["Input.Name"] = name, ["Input.WholeOrganisation"] = "false" });
        Assert.Contains("Velg minst ett team, eller kryss av for hele organisasjonen.", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<Study>().AnyAsync(s => s.Name == name)));

        var created = await AppFixture.PostFormAsync(admin, "/Studies/New", new() { ["Input.Name"] = name, ["Input.TeamIds"] = S(fx.TeamB) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var study = await fx.WithDbAsync(db => db.Set<Study>().Include(s => s.Teams).SingleAsync(s => s.Name == name));
        Assert.Equal([fx.TeamB], study.Teams.Select(t => t.TeamId));
    }

    [Fact]
    public async Task ForskerStudiesPage_SmallCounts_ShownAsLessThanFiveWithoutNames()
    {
        var team = await NewTeamAsync();
        var study = await AddStudyAsync(team);
        var person = await AddPersonAsync(team, consent: true);
        await EnrolAllAsync(study);
        await GrantForskerAsync(study);
        var forsker = await fx.LoginAsync("forsker1");

        var html = await (await forsker.GetAsync("/Research/Studies")).HtmlAsync();

        Assert.Contains($"data-testid=\"study-teams-{study}\"", html, StringComparison.Ordinal);
        Assert.Contains("<5", html, StringComparison.Ordinal);
        Assert.DoesNotContain(person.LastName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(await fx.WithDbAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync()), html, StringComparison.Ordinal);
    }

    private static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(System.Net.WebUtility.HtmlDecode(reader.ReadToEnd()));
        }

        Assert.Contains("xl/workbook.xml", zip.Entries.Select(e => e.FullName));
        return text.ToString();
    }

    private Task<int> ExportAuditsAsync(int study) =>
        fx.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EntityType == "ResearchExport" && e.EntityId == S(study) && e.Action == AuditAction.Export));

    private async Task EnrolAllAsync(int study)
    {
        var admin = await fx.LoginAsync("admin1");
        var response = await AppFixture.PostFormAsync(admin, $"/Studies/Enrol/{study}", [], $"/Studies/Enrol/{study}?handler=All");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A team of its own, so "enrol all" and the export see only this test's candidates.</summary>
    private Task<int> NewTeamAsync() => fx.WithDbAsync(async db =>
    {
        var team = new Trinn.Core.Teams.Team { Name = "Team " + Guid.NewGuid().ToString("N")[..8] };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    });

    /// <summary>An admin gives forsker1 access to the study on its page (a forsker sees only granted studies).</summary>
    private async Task GrantForskerAsync(int study)
    {
        var admin = await fx.LoginAsync("admin1");
        var saved = await AppFixture.PostFormAsync(admin, $"/Studies/Researchers/{study}", new() { ["Input.UserIds"] = fx.UserIds["forsker1"] });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private Task<int> AddStudyAsync(params int[] teams) => fx.WithDbAsync(async db =>
    {
        var study = Study.Create("Studie " + Guid.NewGuid().ToString("N")[..8], wholeOrganisation: false, teams, fx.UserIds["admin1"], AppFixture.Now.UtcDateTime);
        db.Add(study);
        await db.SaveChangesAsync();
        return study.Id;
    });

    /// <summary>A candidate with every kind of personal value, each unique to this test.</summary>
    private Task<Person> AddPersonAsync(int teamId, bool consent, bool discharged = false) => fx.WithDbAsync(async db =>
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Mark(string what) => $"Privat{what}{tag}";
        var js = fx.UserIds[teamId == fx.TeamB ? "jsb" : "js1"];
        var now = AppFixture.Now.UtcDateTime;
        var referred = AppFixture.Today.AddDays(-300);
        var nationalId = NationalIdNumber.CreateSynthetic(new DateOnly(1980, 2, 2), new Random(tag.GetHashCode(StringComparison.Ordinal)));
        var candidate = new Candidate
        {
            TeamId = teamId,
            FirstName = Mark("Fornavn"),
            LastName = Mark("Etternavn"),
            NationalId = nationalId,
            Phone = "9" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
            Email = Mark("post") + "@example.org",
            Address = Mark("Veg") + " 3",
            PrimarySpecialistId = js,
            NextAction = Mark("Neste"),
            CreatedAtUtc = now,
        };
        candidate.Referral = new Referral
        {
            ReferredById = js,
            ReferredOn = referred,
            Innsatsgruppe = Innsatsgruppe.Situasjonsbestemt,
            Reason = Mark("Grunn"),
            RegisteredById = js,
            RegisteredAtUtc = now,
        };
        candidate.Agreement = new CooperationAgreement { SignedOn = referred, Agreed = Mark("Avtalt"), ConsentResearch = consent };
        candidate.Start(referred, js, now);
        candidate.MoveToStage(2, referred.AddDays(7), Mark("Trinn"), js, AppFixture.Today, now);
        candidate.MoveToStage(3, referred.AddDays(30), Mark("Trinnvidere"), js, AppFixture.Today, now);
        candidate.JournalNotes.Add(new JournalNote
        {
            AuthorId = js,
            Date = referred.AddDays(3),
            Kind = JournalKind.Meeting,
            Place = WorkPlace.Office,
            DurationMinutes = 30,
            Text = Mark("Journal"),
            CreatedAtUtc = now,
        });
        candidate.ProfileVersions.Add(new VocationalProfileVersion { VersionNumber = 1, SavedAtUtc = now, SavedById = js, Interests = Mark("Interesse"), Friskfaktorer = Mark("Frisk") });
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        var employer = await db.AddEmployerAsync(teamId);
        var placement = Placement.Register(candidate.Id, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 60, referred.AddDays(60), null, js, now);
        placement.Measures.Add(SupportMeasure.Mentortilskudd(Mark("Mentor"), 3, referred.AddDays(60), null, now));
        var subsidy = SupportMeasure.Lonnstilskudd(40, referred.AddDays(60), null, referred.AddDays(200), now);
        subsidy.Review(referred.AddDays(70), referred.AddDays(160), AppFixture.Today, Mark("Vurdering"));
        placement.Measures.Add(subsidy);
        db.Add(placement);
        var carved = new JobOpportunity { EmployerId = employer.Id, CreatedAtUtc = now };
        carved.Describe(Mark("Stilling"), Mark("Oppgaver"), 15, Mark("Timenotat"), "Oslo", Mark("Krav"), null, OpportunityStatus.Filled, candidate.Id, null);
        db.Add(carved);
        db.Add(FollowUp.Planned(candidate.Id, FollowUpKind.AfterStart, referred.AddDays(62), Mark("Oppfolging")));
        db.Add(EmployerContact.Create(employer.Id, js, referred.AddDays(50), EmployerContactKind.Visit, EmployerContactPurpose.BuildNetwork, false, 20, Mark("Kontakt"), [candidate.Id], AppFixture.Today, now));
        candidate.MoveToStage(4, referred.AddDays(60), Mark("Jobb"), js, AppFixture.Today, now);
        if (discharged)
        {
            candidate.Discharge(referred.AddDays(250), DischargeOutcome.OrdinaryWork, Mark("Utskrevet"), referred, AppFixture.Today);
        }

        await db.SaveChangesAsync();
        var values = new List<string>
        {
            candidate.FirstName, candidate.LastName, nationalId, candidate.Phone, candidate.Email, candidate.Address, candidate.NextAction,
            Mark("Grunn"), Mark("Avtalt"), Mark("Trinn"), Mark("Journal"), Mark("Interesse"), Mark("Frisk"), Mark("Mentor"), Mark("Oppfolging"),
            Mark("Kontakt"), Mark("Jobb"), Mark("Utskrevet"), employer.Name,
        };
        // In no export, free text or not.
        List<string> never = [Mark("Vurdering"), Mark("Stilling"), Mark("Oppgaver"), Mark("Timenotat"), Mark("Krav")];
        values.AddRange(never);
        return new Person(candidate.Id, candidate.LastName, nationalId, Mark("Journal"), Mark("Grunn"), values) { NeverExported = never };
    });

    private sealed record Person(int Id, string LastName, string NationalId, string Journal, string ReferralReason, IReadOnlyList<string> PersonalValues)
    {
        public List<string> NeverExported { get; init; } = [];
    }
}

public sealed class StudyExportSqliteTests(SqliteAppFixture fx) : StudyExportTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class StudyExportPostgresTests(PostgresAppFixture fx) : StudyExportTests(fx), IClassFixture<PostgresAppFixture>;
