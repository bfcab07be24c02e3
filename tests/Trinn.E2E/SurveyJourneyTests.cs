using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Infrastructure;

namespace Trinn.E2E;

/// <summary>
/// The job-seeker study in the browser: the admin adds the information letter, the job specialist records the
/// agreement's research consent and the study consent; the candidate opens the personal link on a phone (390 px),
/// answers the whole questionnaire — the page asked only of those in work included — and submits; the job specialist
/// then sees the scores on the candidate page. Every study page (answer pages, consent, paper entry, team waves, outbox,
/// instrument import) passes axe and fits its width without sideways scrolling, at 390 and 1280 px. Set
/// <c>TRINN_E2E_SCREENSHOTS</c> to a folder to keep a screenshot of each.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SurveyJourneyTests(BrowserFixture fx)
{
    /// <summary>An answer for every item a person in part-time work is asked (not-in-work items are hidden for them).</summary>
    private static readonly Dictionary<string, string> InWork = new()
    {
        ["q1a"] = "2",
        ["q1b"] = "34",
        ["q2"] = "1",
        ["q3"] = "2",
        ["q4"] = "60",
        ["q5"] = "4",
        ["q6"] = "2",
        ["q7"] = "3",
        ["q8"] = "2",
        ["q9"] = "3",
        ["q10"] = "1",
        ["q11"] = "2",
        ["q12"] = "4",
        ["q13"] = "4",
        ["q14"] = "3",
        ["q15"] = "5",
        ["q16"] = "4",
        ["q17"] = "5",
        ["q18"] = "5",
        ["q19"] = "4",
        ["q20"] = "8",
        ["q21"] = "7",
        ["q22"] = "6",
        ["q28"] = "4",
        ["q29"] = "5",
        ["q30"] = "3",
        ["q31"] = "4",
        ["q32"] = "5",
        ["q33"] = "3",
        ["q34"] = "4",
        ["q35"] = "B",
        ["q36"] = "A",
        ["q37"] = "A",
        ["q38"] = "B",
        ["q39"] = "B",
        ["q40"] = "6",
    };

    private static readonly string[] NotInWorkItems = ["q23", "q24", "q25", "q26", "q27"];

    [Fact]
    public async Task Candidate_AnswersLinkOnPhone_JobSpecialistSeesScores_StudyPagesAccessibleAtBothWidths()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var studyName = "Jobbmestring " + suffix;
        var studyId = await AddStudyAsync(studyName);

        // The admin writes the information letter on the study's protocol page, reached from the study list.
        var admin = await fx.LoginAsync("admin1");
        await admin.GotoAsync("/Studies");
        await admin.Locator("tr", new() { HasText = studyName }).Locator($"a[href='/Surveys/Protocol/{studyId}']").ClickAsync();
        await Pages.WaitForUrlAsync(admin, new Regex($"/Surveys/Protocol/{studyId}$"));
        await CheckPageAsync(admin, "protokoll");
        await admin.FillAsync("#Letter_Text", "Informasjon om studien «" + studyName + "». Du svarer fire ganger. Det er frivillig.");
        await admin.Locator("form[action*='handler=Letter'] button[type=submit]").ClickAsync();
        await Pages.WaitForUrlAsync(admin, new Regex($"/Surveys/Protocol/{studyId}\\?brev=true$"));

        // The job specialist registers the candidate, the agreement with research consent, and the study consent.
        var js = await fx.LoginAsync("js1");
        var name = "Sigrid" + suffix;
        await CandidateJourneyTests.RegisterAsync(js, name);
        var candidateId = int.Parse(js.Url[(js.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await js.GotoAsync($"/Candidates/Agreement/{candidateId}");
        await js.FillAsync("#Input_Agreed", "Finne jobb i butikk; svarer på spørreskjemaene i studien");
        await js.CheckAsync("#Input_ConsentResearch");
        await js.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(js, new Regex($"/Candidates/Details/{candidateId}$"));
        await js.ClickAsync($"a[href='/Surveys/Consent/{candidateId}']");
        await CheckPageAsync(js, "samtykke-tomt");
        await js.SelectOptionAsync("#Input_Letter", $"{studyId.ToString(CultureInfo.InvariantCulture)}:1");
        await js.ClickAsync("section[aria-labelledby='h-register'] button[type=submit]");
        await Pages.WaitForUrlAsync(js, new Regex($"/Surveys/Consent/{candidateId}\\?registrert=true$"));
        await Assertions.Expect(js.Locator("tr[data-wave]")).ToHaveCountAsync(4);
        await CheckPageAsync(js, "samtykke");

        // The candidate opens the link from the e-mail on a phone and answers page by page, without an account.
        var link = await AnswerLinkAsync(candidateId);
        var phone = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, Locale = "nb-NO" });
        var candidate = await phone.NewPageAsync();
        await candidate.GotoAsync(link);
        await Assertions.Expect(candidate.Locator("h1")).ToContainTextAsync("Spørreskjema");
        await CheckPageAsync(candidate, "svar-side1");

        // An age out of range is refused at the field first.
        await candidate.FillAsync("#a_q1b", "250");
        await candidate.CheckAsync("input[name='a.q2'][value='1']");
        await candidate.GetByTestId("survey-next").ClickAsync();
        await Assertions.Expect(candidate.Locator("#a_q1b-error")).ToBeVisibleAsync();
        await CheckPageAsync(candidate, "svar-feil");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var pageNo = 1; ; pageNo++)
        {
            Assert.True(pageNo < 10, "the questionnaire did not end");
            var shown = await candidate.Locator("[data-item]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.item)");
            seen.UnionWith(shown);
            foreach (var id in shown.Where(InWork.ContainsKey))
            {
                await AnswerAsync(candidate, id, InWork[id]);
            }

            if (await candidate.GetByTestId("survey-submit").CountAsync() > 0)
            {
                await CheckPageAsync(candidate, "svar-siste");
                await candidate.GetByTestId("survey-submit").ClickAsync();
                break;
            }

            await candidate.GetByTestId("survey-next").ClickAsync();
            await Assertions.Expect(candidate.GetByTestId("survey-progress")).ToContainTextAsync($"Side {(pageNo + 1).ToString(CultureInfo.InvariantCulture)} av");
            await CheckPageAsync(candidate, "svar-side" + (pageNo + 1).ToString(CultureInfo.InvariantCulture));
        }

        await Assertions.Expect(candidate.GetByTestId("survey-blocked")).ToContainTextAsync("Svarene dine er sendt inn");
        await CheckPageAsync(candidate, "svar-sendt");
        Assert.Contains("q3", seen); // the page asked only of those in work, after "Er du i arbeid? Ja"
        Assert.Contains("q4", seen); // part-time percentage, after "Deltid"
        Assert.Contains("q20", seen);
        Assert.DoesNotContain(seen, NotInWorkItems.Contains);
        await phone.CloseAsync();

        // The job specialist sees the scores on the candidate page: (8 + 7 + 6) / 3 = 7.0 self-efficacy in work, work ability 6.
        await js.GotoAsync($"/Candidates/Details/{candidateId}");
        var scores = js.GetByTestId("scores-table");
        await Assertions.Expect(scores.Locator("tr[data-construct='self_efficacy_in_work'] td[data-wave='1']")).ToHaveTextAsync("7,0");
        await Assertions.Expect(scores.Locator("tr[data-construct='work_ability'] td[data-wave='1']")).ToHaveTextAsync("6,0");
        await Assertions.Expect(scores.Locator("tr[data-construct='self_efficacy_not_in_work'] td[data-wave='1']")).ToHaveTextAsync("–");
        await CheckPageAsync(js, "kandidat-skarer", "[data-testid='survey-scores']");

        // A second participant (arranged with an e-mail address, so an invitation waits in the outbox) gets a paper form.
        var (paperCandidateId, paperWaveId, email) = await AddParticipantAsync(studyId, "Papir" + suffix);
        await js.GotoAsync("/Surveys");
        await CheckPageAsync(js, "runder");
        await js.ClickAsync("a[href='/Surveys?status=answered']");
        await Assertions.Expect(js.GetByTestId("waves-table")).ToContainTextAsync(name);
        await CheckPageAsync(js, "runder-besvart");
        await js.GotoAsync($"/Surveys/Consent/{paperCandidateId}");
        await js.ClickAsync($"a[href='/Surveys/Paper/{paperWaveId}']");
        await CheckPageAsync(js, "papir");
        await js.CheckAsync("input[name='a.q2'][value='2']");
        await js.GetByTestId("survey-save").ClickAsync();
        await Assertions.Expect(js.GetByTestId("survey-notice")).ToBeVisibleAsync();
        await CheckPageAsync(js, "papir-lagret");

        // The admin's outbox: the invitation waits, shown as not sent because no mail server is set up.
        await admin.GotoAsync("/");
        await admin.Locator("nav details:has(a[href='/Surveys/Outbox']) > summary").ClickAsync();
        await admin.ClickAsync("nav a[href='/Surveys/Outbox']");
        await Assertions.Expect(admin.GetByTestId("no-mail-server")).ToBeVisibleAsync();
        // The address is shown masked (the domain only): the outbox is no list of the candidates' e-mail addresses.
        var waiting = admin.GetByTestId("outbox-table").Locator("tr[data-status='pending']");
        await Assertions.Expect(waiting.First).ToContainTextAsync("…@" + email.Split('@')[1]);
        await Assertions.Expect(waiting.First).ToContainTextAsync("ikke sendt");
        await Assertions.Expect(admin.GetByTestId("outbox-table")).Not.ToContainTextAsync(email);
        await CheckPageAsync(admin, "utsending");

        // Instrument import: a REDCap dictionary is previewed with what could not be carried over, then published.
        await admin.Locator("nav details:has(a[href='/Instruments']) > summary").ClickAsync();
        await admin.ClickAsync("nav a[href='/Instruments']");
        await CheckPageAsync(admin, "skjemaer");
        await admin.SetInputFilesAsync("#dictionary", new FilePayload { Name = "skjema.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Dictionary("e2e_" + suffix)) });
        await admin.ClickAsync("section[aria-labelledby='h-import'] button[type=submit]");
        await Assertions.Expect(admin.GetByTestId("import-notes")).ToContainTextAsync("poeng");
        await CheckPageAsync(admin, "skjema-forhandsvisning");
        await admin.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("published")).ToBeVisibleAsync();

        // The same pages at phone width.
        var jsPhone = await fx.LoginAsync("js1", phone: true);
        foreach (var (path, shot) in new[]
        {
            ($"/Surveys/Consent/{candidateId}", "samtykke"), ($"/Surveys/Paper/{paperWaveId}", "papir"), ("/Surveys", "runder"),
            ("/Surveys?status=answered", "runder-besvart"),
        })
        {
            await jsPhone.GotoAsync(path);
            await CheckPageAsync(jsPhone, shot);
        }

        await jsPhone.GotoAsync($"/Candidates/Details/{candidateId}");
        await CheckPageAsync(jsPhone, "kandidat-skarer", "[data-testid='survey-scores']");

        var adminPhone = await fx.LoginAsync("admin1", phone: true);
        foreach (var (path, shot) in new[] { ("/Surveys/Outbox", "utsending"), ("/Instruments", "skjemaer"), ($"/Surveys/Protocol/{studyId}", "protokoll") })
        {
            await adminPhone.GotoAsync(path);
            await CheckPageAsync(adminPhone, shot);
        }

        await adminPhone.GotoAsync("/Instruments");
        await adminPhone.SetInputFilesAsync("#dictionary", new FilePayload { Name = "skjema.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Dictionary("e2e_mobil_" + suffix)) });
        await adminPhone.ClickAsync("section[aria-labelledby='h-import'] button[type=submit]");
        await Assertions.Expect(adminPhone.GetByTestId("import-preview")).ToBeVisibleAsync();
        await CheckPageAsync(adminPhone, "skjema-forhandsvisning");

        // The answer page at desktop width too (a candidate may open the link on a computer).
        var desk = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "nb-NO" });
        var deskPage = await desk.NewPageAsync();
        await deskPage.GotoAsync(await AnswerLinkAsync(paperCandidateId));
        await CheckPageAsync(deskPage, "svar-side1");
        await desk.CloseAsync();
        foreach (var page in new[] { admin, js, jsPhone, adminPhone })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// axe (WCAG 2.1 AA), no sideways scrolling at the page's width — of the whole page, or of <paramref name="part"/> when
    /// the study is only one part of the page — and a screenshot when asked for.
    /// </summary>
    private static async Task CheckPageAsync(IPage page, string name, string? part = null)
    {
        var width = page.ViewportSize?.Width ?? 0;
        if (Environment.GetEnvironmentVariable("TRINN_E2E_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width.ToString(CultureInfo.InvariantCulture)}.png"), FullPage = true });
        }

        await Axe.AssertAccessibleAsync(page);
        var overflow = part is null
            ? await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            : await page.Locator(part).EvaluateAsync<int>(
                "e => Math.max(e.scrollWidth - e.clientWidth, Math.ceil(e.getBoundingClientRect().right) - document.documentElement.clientWidth)");
        if (overflow > 0)
        {
            var culprits = await page.EvaluateAsync<string>(WiderThanThePage);
            Assert.Fail($"{page.Url} {part} overflows sideways by {overflow} px at {width} px: {culprits}");
        }
    }

    /// <summary>The first elements that reach past the right edge of the page, for the failure message.</summary>
    private const string WiderThanThePage = """
        () => {
          const w = document.documentElement.clientWidth;
          return [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > w + 1)
            .slice(0, 8)
            .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '')
              + ' → ' + Math.round(e.getBoundingClientRect().right) + ' px')
            .join(', ');
        }
        """;

    private static async Task AnswerAsync(IPage page, string id, string value)
    {
        var inputs = page.Locator($"[name='a.{id}']:not([type=hidden])");
        var type = await inputs.First.GetAttributeAsync("type");
        if (type is "radio" or "checkbox")
        {
            await page.Locator($"[name='a.{id}'][value='{value}']").CheckAsync();
        }
        else
        {
            await inputs.First.FillAsync(value);
        }
    }

    /// <summary>A study over the whole organisation, made as the admin's "Ny studie" page does.</summary>
    private async Task<int> AddStudyAsync(string name)
    {
        using var scope = fx.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var admin = await db.Users.Where(u => u.UserName == "admin1").Select(u => u.Id).SingleAsync();
        var study = Study.Create(name, wholeOrganisation: true, [], admin, DateTime.UtcNow);
        db.Add(study);
        await db.SaveChangesAsync();
        return study.Id;
    }

    /// <summary>
    /// The personal link the invitation e-mail carries (the E2E app has no mail server; the mail flow itself is tested
    /// with a real SMTP server in the web tests): a token for the first wave, of which only the hash is stored.
    /// </summary>
    private async Task<string> AnswerLinkAsync(int candidateId)
    {
        using var scope = fx.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var wave = await db.Set<SurveyWave>().Where(w => w.CandidateId == candidateId).OrderBy(w => w.Number).FirstAsync();
        var (token, row) = SurveyLinkToken.Issue(wave.Id, DateTime.UtcNow);
        db.Add(row);
        await db.SaveChangesAsync();
        return "/svar/" + token;
    }

    /// <summary>A Team 1 candidate with an e-mail address and research consent, consenting to the study from today; the invitation is queued.</summary>
    private async Task<(int CandidateId, int WaveId, string Email)> AddParticipantAsync(int studyId, string firstName)
    {
        using var scope = fx.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var now = DateTime.UtcNow;
        var today = NorwegianTime.Today(TimeProvider.System);
        var js = await db.Users.Where(u => u.UserName == "js1").Select(u => new { u.Id, u.TeamId }).SingleAsync();
        var email = firstName.ToLowerInvariant() + "@example.no";
        var candidate = new Candidate
        {
            TeamId = js.TeamId!.Value,
            FirstName = firstName,
            LastName = "Papirsen",
            NationalId = Pages.NewNationalId(),
            Email = email,
            PrimarySpecialistId = js.Id,
            CreatedAtUtc = now,
            Referral = new Referral
            {
                ReferredById = js.Id,
                ReferredOn = today.AddDays(-20),
                Innsatsgruppe = Innsatsgruppe.Situasjonsbestemt,
                Reason = "Vil i jobb",
                RegisteredById = js.Id,
                RegisteredAtUtc = now,
            },
            Agreement = new CooperationAgreement { SignedOn = today.AddDays(-10), Agreed = "Avtale", ConsentResearch = true },
        };
        candidate.Start(today.AddDays(-20), js.Id, now);
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        var study = await db.Set<Study>().Include(s => s.Teams).SingleAsync(s => s.Id == studyId);
        var protocol = await db.Set<StudyProtocol>().SingleAsync(p => p.StudyId == studyId);
        await StudyConsent.RegisterAsync(db, study, protocol, candidate.Id, today, today, 1, js.Id, today, now);
        await db.SaveChangesAsync();
        try
        {
            await SurveyOutbox.ScheduleAsync(db, today, now);
        }
        catch (DbUpdateException)
        {
            // The app's own background sender queued it in the same moment.
        }

        var wave = await db.Set<SurveyWave>().Where(w => w.CandidateId == candidate.Id).OrderBy(w => w.Number).Select(w => w.Id).FirstAsync();
        return (candidate.Id, wave, email);
    }

    /// <summary>A data dictionary shaped like a REDCap export: CRLF, HTML in labels, string codes, a calc field, blank trailing rows.</summary>
    private static string Dictionary(string form) => string.Join("\r\n",
        "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\",\"Choices, Calculations, OR Slider Labels\",\"Field Note\",\"Text Validation Type OR Show Slider Number\",\"Text Validation Min\",\"Text Validation Max\",Identifier?,\"Branching Logic (Show field only if...)\",\"Required Field?\",\"Custom Alignment\",\"Question Number (surveys only)\",\"Matrix Group Name\",\"Matrix Ranking?\",\"Field Annotation\"",
        $"intro,{form},,descriptive,\"<p><b>Velkommen</b> til&nbsp;skjemaet</p>\",,,,,,,,,,,,,",
        $"dato,{form},,text,Dato,,,date_ymd,,,,,y,,,,,",
        $"kommune,{form},,dropdown,<i>Kommune</i>,\"oslo, Oslo | bergen, Bergen | annet, Annet\",,autocomplete,,,,,,,,,,",
        $"jobber,{form},<h4>Arbeid</h4>,radio,Er du i arbeid?,\"yes, Ja | no, Nei\",,,,,,,y,,,,,",
        $"timer,{form},,text,Timer per uke,,,integer,0,60,,[jobber] = 'yes',,,,,,",
        $"poeng,{form},,calc,Poeng,[timer]*2,,,,,,,,,,,,",
        ",,,,,,,,,,,,,,,,,",
        ",,,,,,,,,,,,,,,,,",
        "");
}
